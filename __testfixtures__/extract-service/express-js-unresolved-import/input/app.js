var express = require('express');
var slugify = require('slugify-not-installed');
var db = require('./db');

var app = express();

// The logic uses a package that is not installed (unresolved-import).
app.post('/users', async function (req, res) {
  var name = req.body.name;
  if (!name) return res.status(400).json({ error: 'name is required' });
  var user = await db.save({ name: name, slug: slugify(name) });
  user.created = true;
  res.status(201).json(user);
});

module.exports = app;
