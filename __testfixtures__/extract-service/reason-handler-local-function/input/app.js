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

// The try's logic uses `Badge`, a class the handler declares before the try (kept in the controller by the second
// attempt, as the catch reads `tag`): the service could not name its type, so neither attempt applies (the report
// names the first attempt's reason, response-inside-try, and adds "the logic uses a class declared in the handler").
app.get('/users/:id/badge', async function (req, res) {
  var tag = String(req.query.tag || 'x');
  class Badge {
    static of(name) {
      return name.toUpperCase() + ':' + tag;
    }
  }
  try {
    var user = await db.find(Number(req.params.id));
    if (!user) return res.status(404).json({ error: 'none' });
    res.json({ badge: Badge.of(user.name) });
  } catch (err) {
    res.status(500).json({ error: err.message, tag: tag });
  }
});

module.exports = app;
