const db = require('../db');

// Failures flashed and redirected become domain errors; a catch around the service call, inside the handler's kept
// try, answers them with the same flash and redirect and rethrows anything else to the kept catch (next), which also
// gets what the flash itself throws (no session), as before.
exports.postEnable = async (req, res, next) => {
  try {
    const user = await db.find(req.body.id);
    if (!user.password) {
      req.flash('errors', { msg: 'You must set a password before enabling 2FA.' });
      return res.redirect('/account');
    }
    if (!user.emailVerified) {
      req.flash('errors', { msg: 'You must verify your email (' + user.name + ') first.' });
      return res.redirect('/account');
    }
    user.enabled = true;
    await db.save(user);
    req.flash('success', { msg: 'Two-factor authentication has been enabled.' });
    res.redirect('/account');
  } catch (err) {
    next(err);
  }
};

// Without a final try: the controller writes one, and rethrows what is not a flashed failure (an async handler's
// rejection, as before).
exports.postReset = async (req, res) => {
  const user = await db.find(req.body.id);
  if (!user) {
    req.flash('errors', 'No such user.');
    res.redirect('/forgot');
    return;
  }
  user.enabled = false;
  await db.save(user);
  res.redirect('/done');
};

// Left alone: two failures redirect to different pages (one catch could not answer both).
exports.postDisable = async (req, res) => {
  const user = await db.find(req.body.id);
  if (!user) {
    req.flash('errors', { msg: 'No such user.' });
    return res.redirect('/forgot');
  }
  if (!user.enabled) {
    req.flash('errors', { msg: 'Already disabled.' });
    return res.redirect('/account');
  }
  user.enabled = false;
  await db.save(user);
  res.redirect('/done');
};

// Left alone: a flashed failure and a 400 answer would both be the same domain error.
exports.postCheck = async (req, res) => {
  const user = await db.find(req.body.id);
  if (!user) {
    return res.status(400).json({ error: 'No such user.' });
  }
  if (!user.password) {
    req.flash('errors', { msg: 'Set a password first.' });
    return res.redirect('/account');
  }
  res.redirect('/done');
};

// A flashed failure inside a try block the service keeps is not thrown there (its catch would take it): the answer
// stays an ordinary one with a flash, and the answers differ, so the handler is left alone.
exports.postCode = async (req, res) => {
  const user = await db.find(req.body.id);
  try {
    if (!user.enabled) {
      req.flash('errors', { msg: 'Not enabled.' });
      return res.redirect('/account');
    }
    await db.save(user);
  } catch (err) {
    return res.status(409).json({ error: 'Try again.' });
  }
  res.redirect('/done');
};
