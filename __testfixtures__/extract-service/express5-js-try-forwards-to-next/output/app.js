const express = require('express');
const { ItemsService } = require('./services/items.service');
const { sendDomainError } = require('./error-responses');

const itemsService = new ItemsService();

const app = express();

// Express 5 hands a rejected handler promise to next: a throw outside the try reached next already.
app.put('/items/:id', async (req, res, next) => {
  const id = Number(req.params.id);
  try {
    res.json(await itemsService.replaceItem({ id }));
  } catch (e) {
    if (!sendDomainError(res, e)) throw e;
  }
});

// Express 5 too: `next(new Error(…)); return` becomes a throw, the rejection reaches next.
app.post('/items/:id/touch', async (req, res, next) => {
  const id = Number(req.params.id);
  res.json(await itemsService.touchItem({ id }));
});

module.exports = app;
