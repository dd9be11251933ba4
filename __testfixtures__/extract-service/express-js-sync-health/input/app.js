var express = require('express');
var stats = require('./stats');

var VERSION = '1.2.3';

var app = express();

// A synchronous handler: the service method stays synchronous, the constant and the import move with it.
app.get('/health', function (req, res) {
  var counts = stats.counts();
  var healthy = counts.users >= 0;
  res.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'down', version: VERSION, users: counts.users });
});

module.exports = app;
