var express = require('express');
var db = require('./db');

var app = express();

// Four-parameter error middleware registered on a path: not a route handler (error-middleware).
app.get('/users/:id', function (err, req, res, next) {
  var status = err.status || 500;
  db.all();
  res.status(status).json({ error: err.message });
});

module.exports = app;
