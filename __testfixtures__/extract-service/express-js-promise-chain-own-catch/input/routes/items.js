const express = require('express');
const db = require('../db');

const router = express.Router();

// The chain's catch answers every failure itself: it stays in the controller as written, the chain moves.
router.get('/', (req, res) => {
  db.find({ owner: req.query.owner })
    .then((items) => res.json(items.map((i) => ({ id: i.id, name: i.name }))))
    .catch((err) => res.status(500).json({ message: err.message }));
});

// The logic answers 404 inside the chain: the kept catch answers that domain error first.
router.get('/:id', (req, res) => {
  db.findOne(Number(req.params.id))
    .then((item) => {
      if (!item) return res.status(404).json({ message: 'not found' });
      res.json({ id: item.id, label: item.name.toUpperCase() });
    })
    .catch(function (err) {
      console.error(err.message);
      res.status(500).json({ message: 'failed' });
    });
});

// Logic before the chain stays synchronous in the service (not async): its throw still leaves the handler to Express,
// and the chain's catch sees only the chain's rejections.
router.get('/:id/owner', (req, res) => {
  const id = Number(req.params.id);
  const wanted = [id, 1].find((x) => x > 0);
  db.findOne(wanted)
    .then((item) => res.json({ owner: item.owner }))
    .catch((err) => res.status(500).json({ message: err.message }));
});

// A concise arrow answering an object literal returns it in parentheses.
router.get('/:id/pair', (req, res) => {
  db.findOne(Number(req.params.id))
    .then((item) => res.json({ id: item.id, name: item.name }))
    .catch((err) => res.status(500).json({ message: err.message }));
});

// An answer before the chain becomes a domain error thrown synchronously: the controller answers it around the chain.
router.post('/', (req, res) => {
  if (!req.body.name) {
    res.status(400).json({ message: 'name is required' });
    return;
  }
  const item = { name: req.body.name, owner: req.body.owner || 'ann' };
  db.insert(item)
    .then((saved) => res.status(201).json(saved))
    .catch((err) => res.status(500).json({ message: err.message }));
});

// Left alone: a success answered before the chain (the service would return a value or the chain).
router.get('/:id/cached', (req, res) => {
  if (req.query.fresh === 'no') {
    res.json({ cached: true });
    return;
  }
  db.findOne(Number(req.params.id))
    .then((item) => res.json(item))
    .catch((err) => res.status(500).json({ message: err.message }));
});

// Left alone: the chain's catch reads a value the logic computes before the chain (it moves to the service).
router.get('/:id/label', (req, res) => {
  const id = [Number(req.params.id), 1].find((x) => x > 0);
  db.findOne(id)
    .then((item) => res.json({ label: item.name }))
    .catch(() => res.status(500).json({ message: 'failed for ' + id }));
});

module.exports = router;
