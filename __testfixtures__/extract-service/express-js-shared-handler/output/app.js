var express = require('express');
var { UsersService } = require('./services/users.service');
var { sendDomainError } = require('./error-responses');

var usersService = new UsersService();

var app = express();

async function getUser(req, res) {
  var id = Number(req.params.id);
  try {
    res.json(await usersService.getUser({ id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
}

// One handler serves two routes: extracted once, at the first (shared-handler on the second).
app.get('/users/:id', getUser);
app.get('/people/:id', getUser);

module.exports = app;
