var express = require('express');
var db = require('./db');

var app = express();
var usersService = { cache: new Map() };

// The module already has a `usersService` binding (name-clash).
app.get('/users/:id', async function (req, res) {
  var id = Number(req.params.id);
  var user = await db.find(id);
  if (!user) return res.status(404).json({ error: 'no user ' + id });
  usersService.cache.size;
  res.json(user);
});

module.exports = app;
