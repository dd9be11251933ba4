const express = require('express');
const db = require('./db');

const app = express();

// With --throws-to-next: the try whose catch hands errors to next goes, and the controller forwards instead.
app.put('/items/:id', async (req, res, next) => {
  const id = Number(req.params.id);
  if (id > 100) {
    res.status(400).json({ error: 'id too large' });
  } else {
    const label = 'item ' + id;
    try {
      const item = await db.update(id, { label });
      if (!item) return res.status(404).json({ error: 'Item not found' });
      res.json(item);
    } catch (err) {
      next(err);
    }
  }
});

// With --throws-to-next: `next(new Error(…)); return` in an async handler becomes a throw.
app.post('/items/:id/touch', async (req, res, next) => {
  const id = Number(req.params.id);
  if (id < 1) {
    next(new Error('bad id ' + id));
    return;
  }
  const item = await db.update(id, { touched: true });
  res.json({ touched: !!item });
});

// Nothing of the option needed: no catch is added.
app.get('/items/:id/label', async (req, res) => {
  const item = await db.update(Number(req.params.id), {});
  const label = item ? item.label : 'none';
  res.send(label);
});

module.exports = app;
