var express = require('express');
var app = express();
app.use(express.json());
app.use('/', require('./routes/search'));
app.use('/articles', require('./routes/articles'));
module.exports = app;
