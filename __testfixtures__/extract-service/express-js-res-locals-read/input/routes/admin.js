const express = require('express');
const users = require('../users');

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
  if (res.locals.role !== 'admin') return res.status(403).json({ error: 'forbidden' });
  const list = users.all().map((u) => ({ id: u.id, name: u.name }));
  res.json(list);
});

router.post('/users', function (req, res) {
  if (res.locals.role !== 'admin') return res.status(403).json({ error: 'forbidden' });
  const name = req.body.name;
  if (!name) return res.status(400).json({ error: 'name is required' });
  const user = users.add(name, res.locals.userId);
  res.status(201).json(user);
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
