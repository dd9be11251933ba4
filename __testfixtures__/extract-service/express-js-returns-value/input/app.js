var express = require('express');
var db = require('./db');

var app = express();

// A path returns a value that is not a response: left alone (returns-value).
app.get('/users/:id', async function (req, res) {
  var id = Number(req.params.id);
  var user = await db.find(id);
  if (!user) return false;
  user.seen = true;
  res.json(user);
});

module.exports = app;
