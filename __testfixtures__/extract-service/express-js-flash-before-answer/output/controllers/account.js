const db = require('../db');
const { EmailService } = require('../services/email.service');
const { MethodsService } = require('../services/methods.service');
const { AccountService } = require('../services/account.service');
const { sendDomainError } = require('./error-responses');
const { ValidationError } = require('../services/errors');

const emailService = new EmailService();
const methodsService = new MethodsService();
const accountService = new AccountService();

// The flash before the redirect stays with it in the controller, run once the service has returned.
exports.postRemoveEmail = async (req, res, next) => {
  try {
    await emailService.removeEmail({ id: req.body.id });
    req.flash('success', { msg: 'Email sign-in has been removed.' });
    res.redirect('/account');
  } catch (err) {
    next(err);
  }
};

// Two flashes, then a page rendered from the service's result (here sent as JSON: the fixture has no views).
exports.getMethods = async (req, res) => {
  const result = await methodsService.listMethods({ id: req.query.id });
  req.flash('info', 'Methods loaded');
  req.flash('info', { msg: 'for ' + req.query.id });
  res.json(result);
};

// Every success path flashes the same and answers the same.
exports.postRename = async (req, res, next) => {
  try {
    await accountService.createAccountRename({ id: req.body.id, name: req.body.name });
    req.flash('success', { msg: 'Renamed.' });
    res.redirect('/account');
  } catch (err) {
    if (sendDomainError(res, err)) return;
    next(err);
  }
};

// The flash message is built from a value of the logic: the service returns it, the flash stays with the answer.
exports.postNotify = async (req, res) => {
  const user = await accountService.notifyAccount({ id: req.body.id });
  req.flash('success', { msg: 'Notified ' + user.name });
  res.redirect('/account');
};

// A failure flashed as `errors` and redirected is a domain error (see express-js-flash-failure); the success's own
// flash stays with its answer.
exports.postReset = async (req, res) => {
  try {
    await accountService.resetAccount({ id: req.body.id });
    req.flash('success', { msg: 'Reset.' });
    res.redirect('/account');
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    req.flash('errors', { msg: err.message });
    return res.redirect('/forgot');
  }
};

// Left alone: a flash on the line of the statement before it (both would go with the flash's line).
exports.postTouch = async (req, res) => {
  const user = await db.find(req.body.id);
  await db.save(user); req.flash('success', { msg: 'Touched.' });
  res.redirect('/account');
};

// Left alone: the flash inside a try the service would keep; what it throws (no session) went to that catch.
exports.postSave = async (req, res) => {
  const user = await db.find(req.body.id);
  if (user) {
    try {
      await db.save(user);
      req.flash('success', { msg: 'Saved.' });
      res.redirect('/account');
    } catch (err) {
      res.status(409).json({ error: 'Try again.' });
    }
  } else {
    res.redirect('/account');
  }
};
