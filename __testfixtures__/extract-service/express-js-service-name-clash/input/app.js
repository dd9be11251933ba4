var express = require('express');
var db = require('./db');

var app = express();

function publicView(user) {
  return { id: user.id, name: user.name };
}

// services/users.service.js already has a different `publicView` (service-name-clash).
app.get('/users/:id', async function (req, res) {
  var id = Number(req.params.id);
  var user = await db.find(id);
  if (!user) return res.status(404).json({ error: 'no user ' + id });
  res.json(publicView(user));
});

module.exports = app;
