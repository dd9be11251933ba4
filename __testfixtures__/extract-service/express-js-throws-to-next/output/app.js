const express = require('express');
const { ItemsService } = require('./services/items.service');
const { sendDomainError } = require('./error-responses');

const itemsService = new ItemsService();

const app = express();

// With --throws-to-next: the try whose catch hands errors to next goes, and the controller forwards instead.
app.put('/items/:id', async (req, res, next) => {
  const id = Number(req.params.id);
  try {
    res.json(await itemsService.replaceItem({ id }));
  } catch (e) {
    if (!sendDomainError(res, e)) next(e);
  }
});

// With --throws-to-next: `next(new Error(…)); return` in an async handler becomes a throw.
app.post('/items/:id/touch', async (req, res, next) => {
  const id = Number(req.params.id);
  try {
    res.json(await itemsService.touchItem({ id }));
  } catch (err) {
    next(err);
  }
});

// Nothing of the option needed: no catch is added.
app.get('/items/:id/label', async (req, res) => {
  res.send(await itemsService.getItemLabel({ id: req.params.id }));
});

module.exports = app;
