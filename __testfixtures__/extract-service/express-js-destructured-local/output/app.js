var express = require('express');
var { TagsService } = require('./services/tags.service');
var { UsersService } = require('./services/users.service');
var { sendDomainError } = require('./error-responses');

var tagsService = new TagsService();
var usersService = new UsersService();

var app = express();

// `tags`, destructured in the logic, is a name of its own: the `user.tags` the next handler reads is a property
// of another object, no use of it, so both handlers move.
app.get('/users/:id/tags', async function (req, res) {
  try {
    res.json(await tagsService.listTags({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

app.get('/users/:id/count', async function (req, res) {
  try {
    res.json(await usersService.getUserCount({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

module.exports = app;
