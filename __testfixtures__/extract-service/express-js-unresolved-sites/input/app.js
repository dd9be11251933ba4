var express = require('express');
var items = require('./routes/items');

var app = express();
var verbs = process.env.VERBS ? process.env.VERBS.split(',') : ['get'];

var plugins = [express.Router()];

// a method computed at run time: no route the app model can name
app[verbs[0]]('/status', function (req, res) {
  res.send('ok');
});

// a router mounted twice: its routes appear once per mount
app.use('/items', items);
app.use('/things', items);

// a router taken out of an array: the app model cannot follow what is mounted
app.use('/plugins', plugins[0]);

module.exports = app;
