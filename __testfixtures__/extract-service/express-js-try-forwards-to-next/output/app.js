const express = require('express');
const db = require('./db');
const { ItemsService } = require('./services/items.service');
const { sendDomainError } = require('./error-responses');

const itemsService = new ItemsService();

const app = express();

// A synchronous handler: a throw outside the try reaches next too (Express catches it), so the try goes.
app.get('/items/:id', (req, res, next) => {
  const id = Number(req.params.id);
  try {
    res.json(itemsService.getItem({ id }));
  } catch (e) {
    if (!sendDomainError(res, e)) throw e;
  }
});

// Async, and a throw before the try was an unhandled rejection, which the service would hand to next: the statements
// before the try stay in the controller as they are, and only the try's logic moves.
app.put('/items/:id', async (req, res, next) => {
  const id = Number(req.params.id);
  const before = db.peek(id);
  const label = before ? before.label + '!' : 'new';
  try {
    res.json(await itemsService.replaceItem({ id, label }));
  } catch (err) {
    if (sendDomainError(res, err)) return;
    next(err);
  }
});

// Left alone: the catch does more than hand the error on.
app.patch('/items/:id', async (req, res, next) => {
  const id = Number(req.params.id);
  const before = db.peek(id);
  const label = before ? before.label + '?' : 'new';
  try {
    const item = await db.update(id, { label });
    res.json(item);
  } catch (err) {
    console.error(err);
    next(err);
  }
});

// Left alone: without the try, its `item` would be declared twice in one block.
app.get('/items/:id/twice', (req, res, next) => {
  const id = Number(req.params.id);
  const item = db.peek(id);
  const wanted = item ? item.id * 2 : 0;
  try {
    const item = db.peek(wanted);
    res.json(item);
  } catch (err) {
    next(err);
  }
});

module.exports = app;
