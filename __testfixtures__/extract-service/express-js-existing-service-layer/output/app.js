const express = require('express');

const app = express();
app.use('/users', require('./controllers/user.controller'));

module.exports = app;
