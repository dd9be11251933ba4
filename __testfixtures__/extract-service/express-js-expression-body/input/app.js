var express = require('express');
var db = require('./db');

var app = express();

// A single-expression arrow handler: left alone (expression-body).
app.get('/users', (req, res) => db.all().then((users) => users.filter((u) => u.name)).then((users) => res.json(users)));

module.exports = app;
