var express = require('express');

var app = express();
app.use('/tags', require('./routes/tags'));
app.use('/things', require('./routes/things'));

module.exports = app;
