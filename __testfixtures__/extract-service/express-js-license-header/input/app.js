/*
 * Copyright (c) the authors.
 * SPDX-License-Identifier: MIT
 */

// the data layer
var db = require('./db');
var express = require('express');

var app = express();

// The first import moves to the service: the license header above it stays, the comment attached to it goes.
app.get('/users/:id', async function (req, res) {
  var user = await db.find(Number(req.params.id));
  var all = await db.all();
  res.json({ user: user, count: all.length });
});

module.exports = app;
