var express = require('express');
var db = require('./db');

var app = express();

// error-responses.js beside the router is hand-written (error-module-exists).
app.get('/users/:id', async function (req, res) {
  var id = Number(req.params.id);
  var user = await db.find(id);
  if (!user) return res.status(404).json({ error: 'no user ' + id });
  user.seen = true;
  res.json(user);
});

module.exports = app;
