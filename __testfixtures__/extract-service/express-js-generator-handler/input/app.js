var express = require('express');
var db = require('./db');

var app = express();

// A generator handler (co-style): left alone (generator-handler).
app.get('/users/:id', function* (req, res) {
  var id = Number(req.params.id);
  var user = yield db.find(id);
  if (!user) return res.status(404).json({ error: 'no user ' + id });
  res.json(user);
});

module.exports = app;
