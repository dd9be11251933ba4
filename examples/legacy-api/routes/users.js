var express = require('express');
var db = require('../db');
var format = require('../lib/format');

var Money = format.Money;
var UserView = format.UserView;

var router = express.Router();

var EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
var DEFAULT_LIMIT = 10;
var MAX_LIMIT = 50;

function parseId(raw) {
  var id = parseInt(raw, 10);
  if (isNaN(id) || id < 1) return null;
  return id;
}

// GET /users?limit=&offset=
router.get('/', function (req, res, next) {
  var limit = parseInt(req.query.limit, 10) || DEFAULT_LIMIT,
    offset = parseInt(req.query.offset, 10) || 0;
  if (limit < 0) {
    return res.status(400).json({ error: 'Query parameter `limit` must not be negative, got ' + limit });
  }
  if (offset < 0) {
    return res.status(400).json({ error: 'Query parameter `offset` must not be negative, got ' + offset });
  }
  if (limit > MAX_LIMIT) limit = MAX_LIMIT;

  db.listUsers(offset, limit)
    .then(function (result) {
      var page = result.users;
      var body = { users: page.map(UserView), total: result.total, limit: limit, offset: offset };
      body.range = page.length ? offset + 1 + '-' + (offset + page.length) : null;
      body.next = null;
      if (offset + limit < result.total) {
        body.next = '/users?limit=' + limit + '&offset=' + (offset + limit);
      }
      res.json(body);
    })
    .catch(next);
});

// GET /users/:id?fields=id,name
router.get('/:id', function (req, res, next) {
  var id = parseId(req.params.id);
  if (!id) return res.status(400).json({ error: 'Invalid user id: ' + req.params.id });
  if (req.query.fields) {
    var fields = String(req.query.fields).split(',');
  }

  db.findUserById(id)
    .then(function (user) {
      if (!user) return res.status(404).json({ error: 'User ' + id + ' not found' });
      var body = new UserView(user).toJSON();
      if (fields) body = format.pick(body, fields);
      res.json(body);
    })
    .catch(next);
});

// POST /users { name, email }
router.post('/', function (req, res, next) {
  var { name, email } = req.body || {};
  if (typeof name !== 'string' || !name.trim()) {
    return res.status(400).json({ error: 'name is required' });
  }
  name = name.trim();
  email = typeof email === 'string' ? email.trim().toLowerCase() : '';
  if (!EMAIL_PATTERN.test(email)) {
    return res.status(400).json({ error: 'email must be a valid email address' });
  }

  db.findUserByEmail(email)
    .then(function (existing) {
      if (existing) {
        res.status(409).json({ error: 'Email ' + email + ' is already registered' });
        return;
      }
      return db.insertUser({ name: name, email: email }).then(function (user) {
        var view = UserView(user);
        res.status(201).location(view.url()).json(view);
      });
    })
    .catch(next);
});

// DELETE /users/:id (also drops the user's orders)
router.delete('/:id', function (req, res, next) {
  var id = parseId(req.params.id);
  if (!id) return res.status(400).json({ error: 'Invalid user id: ' + req.params.id });
  db.removeUser(id, function (err, removed) {
    if (err) return next(err);
    if (!removed) return res.status(404).json({ error: 'User ' + id + ' not found' });
    res.sendStatus(204);
  });
});

// GET /users/:id/orders
router.get('/:id/orders', function (req, res, next) {
  var id = parseId(req.params.id);
  if (!id) return res.status(400).json({ error: 'Invalid user id: ' + req.params.id });

  db.findUserById(id)
    .then(function (user) {
      if (!user) return res.status(404).json({ error: 'User ' + id + ' not found' });
      db.listOrders(user.id, function (err, orders) {
        if (err) return next(err);
        var spent = new Money(0);
        for (var i = 0; i < orders.length; i++) {
          spent = spent.plus(new Money(orders[i].totalCents));
        }
        res.json({
          userId: user.id,
          count: orders.length,
          summary: user.name + ' has ' + format.pluralize(orders.length, 'order') + ' worth ' + spent.format(),
          totalSpent: spent,
          orders: orders.map(format.presentOrder)
        });
      });
    })
    .catch(next);
});

module.exports = router;
