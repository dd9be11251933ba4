const db = require('../db');

// The flash before the redirect stays with it in the controller, run once the service has returned.
exports.postRemoveEmail = async (req, res, next) => {
  try {
    const user = await db.find(req.body.id);
    user.methods = user.methods.filter((m) => m !== 'email');
    await db.save(user);
    req.flash('success', { msg: 'Email sign-in has been removed.' });
    res.redirect('/account');
  } catch (err) {
    next(err);
  }
};

// Two flashes, then a page rendered from the service's result (here sent as JSON: the fixture has no views).
exports.getMethods = async (req, res) => {
  const user = await db.find(req.query.id);
  const methods = user ? user.methods.slice() : [];
  req.flash('info', 'Methods loaded');
  req.flash('info', { msg: 'for ' + req.query.id });
  res.json({ methods: methods });
};

// Every success path flashes the same and answers the same.
exports.postRename = async (req, res, next) => {
  try {
    const user = await db.find(req.body.id);
    if (!user) {
      return res.status(404).json({ error: 'No such user' });
    }
    user.name = String(req.body.name);
    await db.save(user);
    req.flash('success', { msg: 'Renamed.' });
    return res.redirect('/account');
  } catch (err) {
    next(err);
  }
};

// The flash message is built from a value of the logic: the service returns it, the flash stays with the answer.
exports.postNotify = async (req, res) => {
  const user = await db.find(req.body.id);
  req.flash('success', { msg: 'Notified ' + user.name });
  res.redirect('/account');
};

// A failure flashed as `errors` and redirected is a domain error (see express-js-flash-failure); the success's own
// flash stays with its answer.
exports.postReset = async (req, res) => {
  const user = await db.find(req.body.id);
  if (!user) {
    req.flash('errors', { msg: 'No such user.' });
    return res.redirect('/forgot');
  }
  user.methods = [];
  await db.save(user);
  req.flash('success', { msg: 'Reset.' });
  res.redirect('/account');
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
