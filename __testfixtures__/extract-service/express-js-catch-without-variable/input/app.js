var express = require('express');
var db = require('./db');

var app = express();

// The final catch does not name the error: left alone (catch-without-variable).
app.get('/users/:id', async function (req, res) {
  var id = Number(req.params.id);
  try {
    var user = await db.find(id);
    if (!user) return res.status(404).json({ error: 'no user ' + id });
    res.json(user);
  } catch {
    res.status(500).json({ error: 'failed' });
  }
});

module.exports = app;
