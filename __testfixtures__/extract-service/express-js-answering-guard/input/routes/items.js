const express = require('express');
const items = require('../items');

const router = express.Router();

// answers 404 itself and hands back nothing when there is no such item
const verifyItem = (id, res) => {
  const item = items.find(id);
  if (!item) {
    res.status(404).json({ error: 'no such item' });
    return;
  }
  return item;
};

function verifyOwner(req, res) {
  if (req.get('x-user') !== 'ada') {
    res.status(403).json({ error: 'not yours' });
    return false;
  }
  return true;
}

// the guard and what sets it up stay in the controller; the logic after it moves, the item passed in
router.post('/:id/take', function (req, res) {
  const count = Number(req.body.count || 1);
  const item = verifyItem(req.params.id, res);
  if (!item) return;
  if (item.stock < count) return res.status(409).json({ error: 'not enough left' });
  const left = items.take(item, count);
  res.json({ name: left.name, stock: left.stock });
});

// `if (!helper(…, res)) return;`
router.delete('/:id', function (req, res) {
  if (!verifyOwner(req, res)) {
    return;
  }
  const item = items.find(req.params.id);
  if (!item) return res.status(404).json({ error: 'no such item' });
  item.stock = 0;
  res.json({ name: item.name, stock: item.stock });
});

// awaited work before the guard is logic, not set-up: left alone
router.post('/:id/check', async function (req, res) {
  await Promise.resolve();
  const item = verifyItem(req.params.id, res);
  if (!item) return;
  const note = item.name.toUpperCase();
  res.json({ note: note });
});

module.exports = router;
