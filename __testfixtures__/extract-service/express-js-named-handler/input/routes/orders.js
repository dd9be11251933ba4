const express = require('express');
const store = require('../store');

const router = express.Router();

// A named handler: the service method keeps its name.
async function placeOrder(req, res) {
  const items = req.body.items;
  if (!Array.isArray(items) || items.length === 0) {
    res.status(400).json({ error: 'items required' });
    return;
  }
  const total = items.reduce((sum, item) => sum + item.price * item.quantity, 0);
  const order = await store.save({ items, total });
  res.status(201).json(order);
}

router.post('/', placeOrder);

module.exports = router;
