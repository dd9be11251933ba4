var express = require('express');
var db = require('./db');

var app = express();

function chain(names) {
  return names.map(function (name) { return require('./handlers/' + name); });
}

// The handlers come from a spread of an array built at run time (spread-arguments).
app.get('/users/:id', ...chain(['auth', 'get-user']));

module.exports = app;
