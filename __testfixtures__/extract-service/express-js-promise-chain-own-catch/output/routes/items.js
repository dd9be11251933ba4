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

// Left alone: logic before the chain (its throw leaves the handler to Express; from the service it would reach the catch).
router.get('/:id/owner', (req, res) => {
  const id = Number(req.params.id);
  const wanted = [id, 1].find((x) => x > 0);
  db.findOne(wanted)
    .then((item) => res.json({ owner: item.owner }))
    .catch((err) => res.status(500).json({ message: err.message }));
});

module.exports = router;
