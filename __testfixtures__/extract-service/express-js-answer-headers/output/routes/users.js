const express = require('express');
const store = require('../store');
const { UsersService } = require('../services/users.service');
const { SessionsService } = require('../services/sessions.service');
const { CountedService } = require('../services/counted.service');

const usersService = new UsersService();
const sessionsService = new SessionsService();
const countedService = new CountedService();

const router = express.Router();

// The answer's headers take values of the logic: the service returns them, the controller keeps the answer.
router.post('/', async (req, res, next) => {
  try {
    const { token, user } = await usersService.createUser({ name: req.body.name });
    res.cookie('token', token).location('/users/' + user.id).status(201).json(user);
  } catch (err) {
    next(err);
  }
});

// Headers set by statements of their own right before the answer stay with it.
router.post('/sessions', async (req, res, next) => {
  try {
    const { token, user } = await sessionsService.createSession({ name: req.body.name });
    res.cookie('token', token);
    res.location('/users/' + user.id);
    res.redirect('/profile');
  } catch (err) {
    next(err);
  }
});

// A success status on a line of its own; the body is an expression of the logic's values.
router.get('/', async (req, res, next) => {
  try {
    const users = await usersService.listUsers();
    res.status(200);
    res.set('X-Total-Count', String(users.length));
    res.json({ users: users.map((u) => u.name), total: users.length });
  } catch (err) {
    next(err);
  }
});

// The body does something and a header reads what it changes: the answer stays whole in the controller, in order.
router.post('/counted', async (req, res, next) => {
  try {
    await countedService.createCounted();
    res.set('X-Count-Before', String(store.count()));
    res.status(201).json(await store.create(req.body.name));
  } catch (err) {
    next(err);
  }
});

// The answer changes a value of the logic that it also reads (a closure over `let`): copies would not follow, left alone.
router.get('/bumped', async (req, res, next) => {
  try {
    const users = await store.list();
    let seen = 0;
    const bump = () => ++seen;
    res.set('X-Bump', String(bump())).json({ seen, total: users.length });
  } catch (err) {
    next(err);
  }
});

// A header before an error answer: the error answer is not moved (refused as before).
router.get('/:id', async (req, res, next) => {
  try {
    const user = await store.find(req.params.id);
    if (!user) {
      res.set('X-Reason', 'missing');
      return res.status(404).json({ error: 'not found' });
    }
    res.json(user);
  } catch (err) {
    next(err);
  }
});

// A comment between the header and the answer would be lost: left alone.
router.put('/:id', async (req, res, next) => {
  try {
    const user = await store.find(req.params.id);
    res.set('X-Id', String(user.id));
    // the user as stored
    res.json(user);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
