import express from 'express';
import * as db from '../db';
import * as format from '../lib/format';

var Money = format.Money;
var UserView = format.UserView;

var router = express.Router();

var EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
var DEFAULT_LIMIT = 10;
var MAX_LIMIT = 50;

function parseId(raw: string) {
  var id = parseInt(raw, 10);
  if (isNaN(id) || id < 1) return null;
  return id;
}

// GET /users?limit=&offset=
router.get('/', async function (req, res, next) {
  var limit = parseInt(req.query.limit as any, 10) || DEFAULT_LIMIT;
  var offset = parseInt(req.query.offset as any, 10) || 0;
  try {
    if (limit < 0) {
      return res.status(400).json({ error: 'Query parameter `limit` must not be negative, got ' + limit });
    }
    if (offset < 0) {
      return res.status(400).json({ error: 'Query parameter `offset` must not be negative, got ' + offset });
    }
    if (limit > MAX_LIMIT) limit = MAX_LIMIT;

    var result = await db.listUsers(offset, limit);
    var page = result.users;
    var body: any = { users: page.map(function (user) { return new UserView(user); }), total: result.total, limit: limit, offset: offset };
    body.range = page.length ? offset + 1 + '-' + (offset + page.length) : null;
    body.next = null;
    if (offset + limit < result.total) {
      body.next = '/users?limit=' + limit + '&offset=' + (offset + limit);
    }
    res.json(body);
  } catch (err) {
    next(err);
  }
});

// GET /users/:id?fields=id,name
router.get('/:id', function (req, res, next) {
  var id = parseId(req.params.id);
  var fields = req.query.fields;
  if (!id) return res.status(400).json({ error: 'Invalid user id: ' + req.params.id });

  db.findUserById(id)
    .then(function (user) {
      if (!user) return res.status(404).json({ error: 'User ' + id + ' not found' });
      var body = new UserView(user).toJSON();
      if (fields) body = format.pick(body, String(fields).split(','));
      res.json(body);
    })
    .catch(next);
});

// POST /users { name, email }
router.post('/', async (req, res, next) => {
  var { name, email } = req.body || {};
  try {
    if (typeof name !== 'string' || !name.trim()) {
      return res.status(400).json({ error: 'name is required' });
    }
    name = name.trim();
    email = typeof email === 'string' ? email.trim().toLowerCase() : '';
    if (!EMAIL_PATTERN.test(email)) {
      return res.status(400).json({ error: 'email must be a valid email address' });
    }

    var existing = await db.findUserByEmail(email);
    if (existing) {
      res.status(409).json({ error: 'Email ' + email + ' is already registered' });
      return;
    }
    var user = await db.insertUser({ name: name, email: email });
    var view = new UserView(user);
    res.status(201).location(view.url()).json(view);
  } catch (err) {
    next(err);
  }
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
router.get('/:id/orders', async function (req, res, next) {
  var id = parseId(req.params.id);
  try {
    if (!id) return res.status(400).json({ error: 'Invalid user id: ' + req.params.id });
    var user = await db.findUserById(id);
    if (!user) return res.status(404).json({ error: 'User ' + id + ' not found' });
    var userId = user.id;
    var orders = await new Promise<db.Order[]>(function (resolve, reject) {
      db.listOrders(userId, function (err, found) {
        if (err) return reject(err);
        resolve(found || []);
      });
    });
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
  } catch (err) {
    next(err);
  }
});

export default router;
