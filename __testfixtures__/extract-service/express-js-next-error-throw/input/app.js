const express = require('express');
const db = require('./db');

const app = express();

// The final catch forwards every error to next: `next(new Error(…)); return` becomes a throw in the service.
app.put('/baskets/:id/coupon/:coupon', async (req, res, next) => {
  try {
    const id = req.params.id;
    const coupon = decodeURIComponent(req.params.coupon);
    const basket = await db.findBasket(id);
    if (!basket) {
      next(new Error(`Basket with id=${id} does not exist.`));
      return;
    }
    if (coupon.length < 4) {
      return next(new Error('Coupon too short'));
    }
    await db.saveCoupon(basket, coupon);
    res.json({ discount: 10 });
  } catch (error) {
    next(error);
  }
});

// A synchronous handler: Express turns a throw into next(err) too.
app.get('/users/:id', (req, res, next) => {
  const user = db.findUser(req.params.id);
  if (!user) {
    next(new Error('no user ' + req.params.id));
    return;
  }
  const name = user.name.toUpperCase();
  res.json({ id: user.id, name });
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
