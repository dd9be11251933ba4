const express = require('express');
const db = require('../db');
const { UsersService } = require('../services/users.service');
const { sendDomainError } = require('./error-responses');

const usersService = new UsersService();
const router = express.Router();

// An async Express 4 handler whose logic before the try cannot throw (request reads, plain answers, next with a new
// Error of a plain message): what the service throws went to next before, or is a domain error answered first.
router.post('/reset', async (req, res, next) => {
  const { email, answer, password, repeat } = req.body;
  try {
    res.json(await usersService.resetUser({ email, answer, password, repeat, ip: req.ip }));
  } catch (err) {
    if (!sendDomainError(res, err)) next(err);
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
