var express = require('express');
var db = require('./db');

var app = express();

// The success response uses a request value the logic reassigns (success-response-uses-changed-input).
app.post('/users', async function (req, res) {
  var name = req.body.name;
  if (typeof name !== 'string') return res.status(400).json({ error: 'name is required' });
  name = name.trim();
  await db.save({ name: name });
  res.status(201).set('Location', '/users/' + name).json({ ok: true });
});

module.exports = app;
