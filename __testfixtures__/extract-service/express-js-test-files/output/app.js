const express = require('express');

const app = express();
app.use('/items', require('./routes/items'));
app.use(require('./api/tests'));

module.exports = app;
