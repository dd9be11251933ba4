var express = require('express');
var db = require('./db');

var app = express();

function pick(kind) {
  var table = {
    one: async function (req, res) { res.json(await db.find(Number(req.params.id))); },
    all: async function (req, res) { res.json(await db.all()); },
  };
  return table[kind];
}

// The factory returns a function looked up at run time (unknown-factory-result).
app.get('/users/:id', pick(process.env.KIND || 'one'));

module.exports = app;
