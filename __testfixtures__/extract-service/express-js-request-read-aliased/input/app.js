var express = require('express');
var db = require('./db');

var app = express();

// The logic reads req.body.name before anything could change req.body, then passes req.body as a whole: read when
// the service is called, the field has the same value.
app.post('/users', async function (req, res) {
  if (!req.body.name) return res.status(400).json({ error: 'name is required' });
  var user = await db.save(req.body);
  user.created = true;
  res.status(201).json(user);
});

// Left alone: req.body is handed to a call before its field is read (request-read-aliased).
app.post('/users/late', async function (req, res) {
  var user = await db.save(req.body);
  if (!req.body.name) return res.status(400).json({ error: 'name is required' });
  user.created = true;
  res.status(201).json(user);
});

module.exports = app;
