const express = require('express');
const items = require('../items');
const { ItemsService } = require('../services/items.service');
const { sendDomainError } = require('./error-responses');

const itemsService = new ItemsService();

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
  try {
    res.json(itemsService.createItemTake({ count, item }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

// `if (!helper(…, res)) return;`
router.delete('/:id', function (req, res) {
  if (!verifyOwner(req, res)) {
    return;
  }
  try {
    res.json(itemsService.deleteItem({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
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
