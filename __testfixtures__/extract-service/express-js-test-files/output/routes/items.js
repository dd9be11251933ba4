const express = require('express');
const { ItemsService } = require('../services/items.service');
const { sendDomainError } = require('./error-responses');

const itemsService = new ItemsService();

const router = express.Router();

router.get('/:id', async (req, res, next) => {
  try {
    res.json(await itemsService.getItem({ id: req.params.id }));
  } catch (err) {
    if (sendDomainError(res, err)) return;
    next(err);
  }
});

module.exports = router;
