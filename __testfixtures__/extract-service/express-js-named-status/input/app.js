const express = require('express');
const httpStatus = require('./statuses');
const db = require('./db');

const app = express();

// The status is a named constant, not a number written here: which domain error or answer it stands for is not known.
app.post('/things', async (req, res) => {
  const name = String(req.body.name || '').trim();
  const thing = await db.insert({ name });
  const count = await db.count();
  res.status(httpStatus.CREATED).json({ thing, count });
});

module.exports = app;
