var express = require('express');
var db = require('./db');

var app = express();
var handlers = [];
handlers.push(async function (req, res) {
  var user = await db.find(Number(req.params.id));
  res.json(user);
});

// The handler is an element of an array filled at run time (unresolved-handler-expression).
app.get('/users/:id', handlers[0]);

module.exports = app;
