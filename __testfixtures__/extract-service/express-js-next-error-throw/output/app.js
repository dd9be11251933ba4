const express = require('express');
const db = require('./db');
const { CouponsService } = require('./services/coupons.service');
const { UsersService } = require('./services/users.service');

const couponsService = new CouponsService();
const usersService = new UsersService();

const app = express();

// The final catch forwards every error to next: `next(new Error(…)); return` becomes a throw in the service.
app.put('/baskets/:id/coupon/:coupon', async (req, res, next) => {
  try {
    const id = req.params.id;
    const coupon = decodeURIComponent(req.params.coupon);
    res.json(await couponsService.replaceCoupon({ id, coupon }));
  } catch (error) {
    next(error);
  }
});

// A synchronous handler: Express turns a throw into next(err) too.
app.get('/users/:id', (req, res, next) => {
  res.json(usersService.getUser({ id: req.params.id }));
});

// Left alone: an async handler without a catch forwarding to next (a throw would be an unhandled rejection).
app.get('/baskets/:id', async (req, res, next) => {
  const basket = await db.findBasket(req.params.id);
  if (!basket) {
    next(new Error('no basket'));
    return;
  }
  const coupon = basket.coupon || 'none';
  res.json({ id: basket.id, coupon });
});

// Left alone: the error is not one of the language's own (it may be an answer the app maps itself).
class NotThere extends Error {}
app.get('/baskets/:id/coupon', (req, res, next) => {
  const found = db.findUser(req.params.id);
  if (!found) {
    next(new NotThere('gone'));
    return;
  }
  const label = found.name + '!';
  res.send(label);
});

module.exports = app;
