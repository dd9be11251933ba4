var express = require('express');
var db = require('./db');

var app = express();

// The logic reads req.body.name and also passes req.body as a whole (request-read-aliased).
app.post('/users', async function (req, res) {
  if (!req.body.name) return res.status(400).json({ error: 'name is required' });
  var user = await db.save(req.body);
  user.created = true;
  res.status(201).json(user);
});

module.exports = app;
