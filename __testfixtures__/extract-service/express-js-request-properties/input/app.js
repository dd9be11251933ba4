var express = require('express');

var app = express();
app.use(express.json());
app.use('/items', require('./routes/items'));

module.exports = app;
