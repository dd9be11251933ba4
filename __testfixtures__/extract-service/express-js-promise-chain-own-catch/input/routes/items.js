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

// Left alone: logic before the chain (its throw leaves the handler to Express; from the service it would reach the catch).
router.get('/:id/owner', (req, res) => {
  const id = Number(req.params.id);
  const wanted = [id, 1].find((x) => x > 0);
  db.findOne(wanted)
    .then((item) => res.json({ owner: item.owner }))
    .catch((err) => res.status(500).json({ message: err.message }));
});

module.exports = router;
