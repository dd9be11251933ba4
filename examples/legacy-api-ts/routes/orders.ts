import express from 'express';
import * as db from '../db';
import * as format from '../lib/format';

var Money = format.Money;
var router = express.Router();

var DISCOUNT_THRESHOLD = Money.fromDecimal(100);
var DISCOUNT_PERCENT = 10;

var ITEM_CHECKS = [
  { field: 'productId', message: 'must be a non-empty string', test: function (item: any) {
    return typeof item.productId === 'string' && item.productId.length > 0;
  } },
  { field: 'quantity', message: 'must be a positive integer', test: function (item: any) {
    return typeof item.quantity === 'number' && item.quantity % 1 === 0 && item.quantity > 0;
  } },
  { field: 'price', message: 'must be a non-negative number', test: function (item: any) {
    return typeof item.price === 'number' && isFinite(item.price) && item.price >= 0;
  } }
];

// POST /orders { userId, items: [{ productId, quantity, price }] }
router.post('/', async function (req, res, next) {
  var body = req.body || {};
  var userId = body.userId;
  var items = body.items;

  if (typeof userId !== 'number' || userId % 1 !== 0 || userId < 1) {
    return res.status(400).json({ error: 'userId must be a positive integer' });
  }
  if (!Array.isArray(items) || items.length === 0) {
    return res.status(400).json({ error: 'items must be a non-empty array' });
  }

  var problems: string[] = [];
  for (var i = 0; i < items.length; i++) {
    var item = items[i] || {};
    ITEM_CHECKS.forEach(function (check) {
      if (!check.test(item)) {
        problems.push('items[' + i + '].' + check.field + ' ' + check.message);
      }
    });
  }
  if (problems.length > 0) {
    return res.status(400).json({ error: 'Invalid items', details: problems });
  }

  // Work out the money before touching the database.
  var subtotal = new Money(0);
  var lines: db.OrderLine[] = [];
  for (var i = 0; i < items.length; i++) {
    var lineTotal = Money.fromDecimal(items[i].price).times(items[i].quantity);
    subtotal = subtotal.plus(lineTotal);
    lines.push({ productId: items[i].productId, quantity: items[i].quantity, price: items[i].price,
      lineTotalCents: lineTotal.cents });
  }
  var discount = new Money(0);
  if (subtotal.isGreaterThan(DISCOUNT_THRESHOLD)) {
    discount = subtotal.percent(DISCOUNT_PERCENT);
  }
  var total = subtotal.minus(discount);

  try {
    var user = await db.findUserById(userId);
    if (!user) {
      return res.status(404).json({ error: 'User ' + userId + ' not found' });
    }
    var order = { userId: user.id, items: lines,
      subtotalCents: subtotal.cents, discountCents: discount.cents, totalCents: total.cents };
    var saved = await new Promise<db.Order>(function (resolve, reject) {
      db.insertOrder(order, function (err, result) {
        if (err || !result) return reject(err);
        resolve(result);
      });
    });
    res.status(201).location('/users/' + user.id + '/orders').json(format.presentOrder(saved));
  } catch (err) {
    next(err);
  }
});

export default router;
