var express = require('express');
var db = require('./db');
var { UsersService } = require('./services/users.service');

var usersService = new UsersService();

var app = express();

// The success header uses a value the logic computes besides the body: the service returns both by name.
app.get('/users', async function (req, res) {
  var limit = Number(req.query.limit || 10);
  var { total, page } = await usersService.listUsers({ limit });
  res.set('X-Total-Count', String(total)).json(page);
});

// Two answers that take values of the logic: left alone (success-response-needs-logic-values).
app.get('/users/page', async function (req, res) {
  var users = await db.all();
  if (req.query.first) return res.set('X-Total-Count', String(users.length)).json(users.slice(0, 1));
  res.set('X-Total-Count', String(users.length)).json(users);
});

module.exports = app;
