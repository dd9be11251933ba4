var express = require('express');
var serveIndex = require('serve-index');

var app = express();

// The handler comes from a package, not from the files being transformed (external-handler).
app.get('/files', serveIndex('public'));

module.exports = app;
