var express = require('express');
var users = require('./routes/users');

var app = express();
app.use(express.json());
app.use('/users', users);
module.exports = app;
