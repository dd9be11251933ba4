var express = require('express');
var db = require('./db');

var app = express();

// Express 3 style res.json(status, body): status and body in one call (success-response-shape).
app.post('/users', async function (req, res) {
  var name = req.body.name;
  if (!name) return res.status(400).json({ error: 'name is required' });
  var user = await db.save({ name: name.trim() });
  res.json(201, user);
});

module.exports = app;
