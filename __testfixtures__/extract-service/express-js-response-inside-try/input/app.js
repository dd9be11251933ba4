var express = require('express');
var db = require('./db');

var app = express();

// A response is written in a try block that is not the handler's final try/catch (response-inside-try).
app.get('/users/:id', async function (req, res) {
  var id = Number(req.params.id);
  var user;
  try {
    user = await db.find(id);
    if (!user) return res.status(404).json({ error: 'no user ' + id });
  } catch (err) {
    user = { id: id, name: 'fallback' };
  }
  user.seen = true;
  res.json(user);
});

module.exports = app;
