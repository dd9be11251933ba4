var express = require('express');
var db = require('./db');

var app = express();

// maxSize is declared by the head of a module-level loop, a statement that is not a declaration: it cannot move
// to a service module (module-side-effect).
var sizes = [];
for (var size = 8, maxSize = 64; size <= maxSize; size *= 2) sizes.push(size);

app.post('/thumbnails', async function (req, res) {
  var width = Number(req.body.width);
  var existing = await db.all();
  var thumb = await db.save({ width: Math.min(width, maxSize), n: existing.length });
  res.status(201).json(thumb);
});

module.exports = app;
