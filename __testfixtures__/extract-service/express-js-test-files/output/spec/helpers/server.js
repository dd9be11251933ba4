// A Jasmine helper's app (spec/): nothing of the app imports it.
const express = require('express');
const db = require('../../db');

const app = express();
app.get('/fixture-items/:id', async (req, res) => {
  const item = await db.find(req.params.id);
  if (!item) return res.status(404).json({ error: 'missing' });
  res.json({ fixture: item.name });
});

module.exports = app;
