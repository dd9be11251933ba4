const express = require('express');
const db = require('./db');

const app = express();

// Express 5 hands a rejected handler promise to next: a throw outside the try reached next already.
app.put('/items/:id', async (req, res, next) => {
  const id = Number(req.params.id);
  const before = db.peek(id);
  const label = before ? before.label + '!' : 'new';
  try {
    const item = await db.update(id, { label });
    if (!item) return res.status(404).json({ error: 'Item not found' });
    res.json(item);
  } catch (err) {
    next(err);
  }
});

// Express 5 too: `next(new Error(…)); return` becomes a throw, the rejection reaches next.
app.post('/items/:id/touch', async (req, res, next) => {
  const id = Number(req.params.id);
  if (id < 1) {
    next(new Error('bad id ' + id));
    return;
  }
  const item = await db.update(id, { touched: true });
  res.json({ touched: !!item });
});

module.exports = app;
