const express = require('express');
const db = require('../db');
const errors = require('../lib/errors');
const { ValidationError: AppValidationError } = require('../lib/errors');
const router = express.Router();

// The flashed failure becomes the generated ValidationError: `errors.ValidationError` below is a property of the
// app's module, not a binding of that name, so it does not stand in the way (a second run stays a no-op).
exports.topUp = async (req, res) => {
  const wallet = await db.find(req.body.id);
  if (!wallet) {
    req.flash('errors', { msg: 'No such wallet.' });
    return res.redirect('/account');
  }
  wallet.balance += 5;
  await db.save(wallet);
  res.redirect('/done');
};

// Its own class, through the module: forwarded to the app's error handler as before.
exports.check = async (req, res, next) => {
  try {
    const wallet = await db.find(req.body.id);
    if (!wallet) throw new errors.ValidationError('no such wallet');
    res.json({ balance: wallet.balance });
  } catch (err) {
    next(err);
  }
};

// The same class through an aliased binding: `ValidationError` there is the property read, `AppValidationError` the name.
exports.recheck = async (req, res, next) => {
  try {
    const wallet = await db.find(req.body.id);
    if (!wallet) throw new AppValidationError('still no such wallet');
    res.json({ owner: wallet.owner });
  } catch (err) {
    next(err);
  }
};

router.post('/top-up', exports.topUp);
router.post('/recheck', exports.recheck);
router.post('/check', exports.check);
exports.router = router;
