var express = require('express');
var db = require('./db');

var app = express();

// Only a request read inside the final try: nothing to extract (no-logic).
app.get('/users/:id', function (req, res, next) {
  try {
    var id = req.params.id;
  } catch (err) {
    next(err);
  }
});

module.exports = app;
