var express = require('express');
var db = require('./db');

var app = express();

// The handler destructures its request parameter: left alone (destructured-parameters).
app.get('/users/:id', async function ({ params }, res) {
  var id = Number(params.id);
  var user = await db.find(id);
  if (!user) return res.status(404).json({ error: 'no user ' + id });
  res.json(user);
});

module.exports = app;
