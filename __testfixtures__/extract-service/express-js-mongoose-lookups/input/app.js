var express = require('express');
require('./models');

var app = express();
app.use(express.json());
app.use('/posts', require('./routes/posts'));
app.use('/authors', require('./routes/authors'));
app.use('/tags', require('./routes/tags'));
app.use('/labels', require('./routes/labels'));
app.use('/badges', require('./routes/badges'));

module.exports = app;
