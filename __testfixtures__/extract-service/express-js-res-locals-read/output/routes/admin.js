const express = require('express');
const users = require('../users');
const { UsersService } = require('../services/users.service');
const { sendDomainError } = require('./error-responses');

const usersService = new UsersService();

const router = express.Router();

// the app's own middleware leaves the caller for the handlers in res.locals, then hands on
function session(req, res, next) {
  const id = req.get('x-user');
  if (!id) return res.status(401).json({ error: 'no session' });
  res.locals.userId = id;
  res.locals.role = id === 'root' ? 'admin' : 'user';
  next();
}

// sets a field after handing on: a handler may read it before or after that
function mood(req, res, next) {
  next();
  res.locals.mood = 'set late';
}

router.use(session);

router.get('/users', function (req, res) {
  try {
    res.json(usersService.listUsers({ role: res.locals.role }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

router.post('/users', function (req, res) {
  try {
    const result = usersService.createUser({ role: res.locals.role, body: req.body, userId: res.locals.userId });
    res.status(201).json(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

router.get('/mood', mood, function (req, res) {
  const text = String(res.locals.mood).toUpperCase();
  users.log(text);
  res.json({ mood: text });
});

// the whole res.locals is no read
router.get('/whoami', function (req, res) {
  const all = Object.keys(res.locals);
  users.log(all);
  res.json({ keys: all });
});

module.exports = router;
