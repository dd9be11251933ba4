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

// Express 5 leaves req.body undefined without a body: `req.body.note`, read after db.create, passes the body itself,
// so a missing body still throws after the create, as before.
app.post('/notes', async (req, res) => {
  const kind = String(req.query.kind || 'note');
  const created = await db.create({ kind });
  const note = req.body.note;
  if (!note) return res.status(400).json({ error: 'note required' });
  res.status(201).json({ id: created.id, note });
});

module.exports = app;
