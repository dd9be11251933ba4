const express = require('express');
const db = require('./db');

const app = express();

app.get('/users/:id', async function (req, res) {
  const id = Number(req.params.id);
  const user = await db.find(id);
  if (!user) return res.status(404).json({ error: 'no user ' + id });
  user.seen = true;
  res.json(user);
});

module.exports = app;
