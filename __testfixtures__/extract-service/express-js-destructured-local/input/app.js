var express = require('express');
var db = require('./db');

var app = express();

// `tags`, destructured in the logic, is a name of its own: the `user.tags` the next handler reads is a property
// of another object, no use of it, so both handlers move.
app.get('/users/:id/tags', async function (req, res) {
  var user = await db.find(Number(req.params.id));
  if (!user) return res.status(404).json({ error: 'no user' });
  var { tags, name } = user;
  res.json({ name: name.toUpperCase(), tags: tags.join(',') });
});

app.get('/users/:id/count', async function (req, res) {
  var user = await db.find(Number(req.params.id));
  if (!user) return res.status(404).json({ error: 'no user' });
  res.json({ count: user.tags.length });
});

module.exports = app;
