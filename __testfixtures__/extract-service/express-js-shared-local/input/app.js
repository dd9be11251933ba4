var express = require('express');
var db = require('./db');

var app = express();

// `user` is declared by the logic and read by the catch clause, which stays in the handler (shared-local).
app.get('/users/:id', async function (req, res, next) {
  var id = Number(req.params.id);
  try {
    var user = await db.find(id);
    if (!user) return res.status(404).json({ error: 'no user ' + id });
    user.seen = true;
    res.json(user);
  } catch (err) {
    console.error('failed to serve', user);
    next(err);
  }
});

module.exports = app;
