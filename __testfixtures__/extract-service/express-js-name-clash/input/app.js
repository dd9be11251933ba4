var express = require('express');
var db = require('./db');

var app = express();
var usersService = { cache: new Map() };

// The module already has a `usersService` binding (name-clash).
app.get('/users/:id', async function (req, res) {
  var id = Number(req.params.id);
  var user = await db.find(id);
  if (!user) return res.status(404).json({ error: 'no user ' + id });
  usersService.cache.size;
  res.json(user);
});

// A catch binding named like the generated responder is a name the module uses too (name-clash), not a call of an
// earlier run's responder (which would make the handler already thin).
app.get('/teams/:id', async function (req, res) {
  try {
    var team = await db.find(Number(req.params.id));
    if (!team) return res.status(404).json({ error: 'no team' });
    res.json(team);
  } catch (sendDomainError) {
    res.status(500).json({ error: String(sendDomainError.message) });
  }
});

module.exports = app;
