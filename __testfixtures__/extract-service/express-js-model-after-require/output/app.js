var express = require('express');

var app = express();
app.use('/tags', require('./routes/tags'));

module.exports = app;
