var express = require('express');
var db = require('./db');

var app = express();

// The success header uses a value the logic computes besides the body (success-response-needs-logic-values).
app.get('/users', async function (req, res) {
  var limit = Number(req.query.limit || 10);
  var users = await db.all();
  var total = users.length;
  var page = users.slice(0, limit);
  res.set('X-Total-Count', String(total)).json(page);
});

module.exports = app;
