var express = require('express');
var db = require('./db');

var app = express();

// The logic (the try block) calls `fallback`, a function the handler declares outside the logic: a `var` of its
// catch clause, which is function-scoped (handler-local-function). Every other function a handler declares lies
// inside the logic and moves with it; request reads and a final catch are the only parts that stay.
app.post('/users', async function (req, res) {
  try {
    var users = await db.all();
    var user = await db.save({ name: req.body.name, rank: users.length || (fallback && fallback()) });
    res.status(201).json(user);
  } catch (err) {
    var fallback = function () {
      return 0;
    };
    res.status(500).json({ error: err.message });
  }
});

module.exports = app;
