const express = require('express');
const db = require('../db');
const router = express.Router();

// An async Express 4 handler whose logic before the try cannot throw (request reads, plain answers, next with a new
// Error of a plain message): what the service throws went to next before, or is a domain error answered first.
router.post('/reset', async (req, res, next) => {
  const { email, answer, password, repeat } = req.body;
  if (!email || !answer) {
    next(new Error('Blocked illegal activity by ' + req.ip));
    return;
  }
  if (!password) {
    return res.status(401).send('Password cannot be empty.');
  }
  if (password !== repeat) {
    return res.status(401).send('New and repeated password do not match.');
  }
  try {
    const user = await db.findByEmail(email);
    if (!user || user.answer !== answer) {
      return res.status(401).send('Wrong answer to security question.');
    }
    const updated = await db.update(user, { password });
    res.json({ user: { id: updated.id, email: updated.email } });
  } catch (error) {
    next(error);
  }
});

// Left alone: a call before the try may throw, an unhandled rejection today; from the service it would reach next.
router.post('/lookup', async (req, res, next) => {
  const { email } = req.body;
  const normalized = db.normalize(email);
  try {
    const user = await db.findByEmail(normalized);
    res.json({ found: !!user });
  } catch (error) {
    next(error);
  }
});

// Left alone: `req.body.email` before the try throws when no body parser ran, outside the try; read inside the
// controller's try, it would go to next.
router.post('/check', async (req, res, next) => {
  if (!req.body.email) {
    return res.status(400).send('email is required');
  }
  try {
    const user = await db.findByEmail(req.body.email);
    res.json({ found: !!user });
  } catch (error) {
    next(error);
  }
});

module.exports = router;
