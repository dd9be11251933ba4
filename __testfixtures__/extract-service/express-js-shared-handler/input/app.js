var express = require('express');
var db = require('./db');

var app = express();

async function getUser(req, res) {
  var id = Number(req.params.id);
  var user = await db.find(id);
  if (!user) return res.status(404).json({ error: 'no user ' + id });
  res.json(user);
}

// One handler serves two routes: extracted once, at the first (shared-handler on the second).
app.get('/users/:id', getUser);
app.get('/people/:id', getUser);

module.exports = app;
