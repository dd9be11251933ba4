var express = require('express');
var db = require('./db');

var app = express();

// The handler never answers (the request hangs): nothing to move the response around (no-response-in-logic).
app.post('/users/:id/touch', async function (req, res) {
  var id = Number(req.params.id);
  var user = await db.find(id);
  await db.save(Object.assign({}, user, { touched: Date.now() }));
});

module.exports = app;
