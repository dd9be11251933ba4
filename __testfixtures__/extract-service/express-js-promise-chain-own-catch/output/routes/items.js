const express = require('express');
const db = require('../db');
const { ItemsService } = require('../services/items.service');
const { sendDomainError } = require('./error-responses');

const itemsService = new ItemsService();

const router = express.Router();

// The chain's catch answers every failure itself: it stays in the controller as written, the chain moves.
router.get('/', (req, res) => {
  itemsService.listItems({ owner: req.query.owner })
    .then((result) => {
      res.json(result);
    })
    .catch((err) => res.status(500).json({ message: err.message }));
});

// The logic answers 404 inside the chain: the kept catch answers that domain error first.
router.get('/:id', (req, res) => {
  itemsService.getItem({ id: req.params.id })
    .then((result) => {
      res.json(result);
    })
    .catch(function (err) {
      if (sendDomainError(res, err)) return;
      console.error(err.message);
      res.status(500).json({ message: 'failed' });
    });
});

// Logic before the chain stays synchronous in the service (not async): its throw still leaves the handler to Express,
// and the chain's catch sees only the chain's rejections.
router.get('/:id/owner', (req, res) => {
  const id = Number(req.params.id);
  itemsService.getItemOwner({ id })
    .then((result) => {
      res.json(result);
    })
    .catch((err) => res.status(500).json({ message: err.message }));
});

// A concise arrow answering an object literal returns it in parentheses.
router.get('/:id/pair', (req, res) => {
  itemsService.getItemPair({ id: req.params.id })
    .then((result) => {
      res.json(result);
    })
    .catch((err) => res.status(500).json({ message: err.message }));
});

// An answer before the chain becomes a domain error thrown synchronously: the controller answers it around the chain.
router.post('/', (req, res) => {
  try {
    itemsService.createItem({ name: req.body.name, owner: req.body.owner })
      .then((result) => {
        res.status(201).json(result);
      })
      .catch((err) => { if (sendDomainError(res, err)) return; return res.status(500).json({ message: err.message }); });
  } catch (error) {
    if (!sendDomainError(res, error)) throw error;
  }
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
