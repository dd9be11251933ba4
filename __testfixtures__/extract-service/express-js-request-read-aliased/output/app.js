var express = require('express');
var db = require('./db');
var { UsersService } = require('./services/users.service');
var { sendDomainError } = require('./error-responses');

var usersService = new UsersService();

var app = express();

// The logic reads req.body.name before anything could change req.body, then passes req.body as a whole: read when
// the service is called, the field has the same value.
app.post('/users', async function (req, res) {
  try {
    var result = await usersService.createUser({ name: req.body.name, body: req.body });
    res.status(201).json(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

// Left alone: req.body is handed to a call before its field is read (request-read-aliased).
app.post('/users/late', async function (req, res) {
  var user = await db.save(req.body);
  if (!req.body.name) return res.status(400).json({ error: 'name is required' });
  user.created = true;
  res.status(201).json(user);
});

// Left alone: the part itself is tested before its field is read (without a body, the field read only ran when there
// was one; read at the service call it would throw).
app.post('/users/guarded', async function (req, res) {
  if (!req.body) return res.status(400).json({ error: 'body required' });
  if (!req.body.name) return res.status(400).json({ error: 'name is required' });
  var user = await db.save(req.body);
  res.status(201).json(user);
});

// Left alone: an optional-chained read after the part was handed to a call is a late read all the same.
app.post('/users/optional', async function (req, res) {
  var user = await db.save(req.body);
  if (!req.body?.name) return res.status(400).json({ error: 'name is required' });
  res.status(201).json(user);
});

module.exports = app;
