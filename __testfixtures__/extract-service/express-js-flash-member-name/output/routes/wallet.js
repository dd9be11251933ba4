const express = require('express');
const { TopUpService } = require('../services/topUp.service');
const { RecheckService } = require('../services/recheck.service');
const { CheckService } = require('../services/check.service');
const { ValidationError } = require('../services/errors');

const topUpService = new TopUpService();
const recheckService = new RecheckService();
const checkService = new CheckService();
const router = express.Router();

// The flashed failure becomes the generated ValidationError: `errors.ValidationError` below is a property of the
// app's module, not a binding of that name, so it does not stand in the way (a second run stays a no-op).
exports.topUp = async (req, res) => {
  try {
    await topUpService.createTopUp({ id: req.body.id });
    res.redirect('/done');
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    req.flash('errors', { msg: err.message });
    return res.redirect('/account');
  }
};

// Its own class, through the module: forwarded to the app's error handler as before.
exports.check = async (req, res, next) => {
  try {
    res.json(await checkService.createCheck({ id: req.body.id }));
  } catch (err) {
    next(err);
  }
};

// The same class through an aliased binding: `ValidationError` there is the property read, `AppValidationError` the name.
exports.recheck = async (req, res, next) => {
  try {
    res.json(await recheckService.createRecheck({ id: req.body.id }));
  } catch (err) {
    next(err);
  }
};

router.post('/top-up', exports.topUp);
router.post('/recheck', exports.recheck);
router.post('/check', exports.check);
exports.router = router;
