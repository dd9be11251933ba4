/*
 * Copyright (c) the authors.
 * SPDX-License-Identifier: MIT
 */

var express = require('express');
var { UsersService } = require('./services/users.service');

var usersService = new UsersService();

var app = express();

// The first import moves to the service: the license header above it stays, the comment attached to it goes.
app.get('/users/:id', async function (req, res) {
  res.json(await usersService.getUser({ id: req.params.id }));
});

module.exports = app;
