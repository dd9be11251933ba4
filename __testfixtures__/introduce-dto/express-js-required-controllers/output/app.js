const express = require('express');
const addresses = require('./controllers/addresses');

const app = express();
app.use(express.json());
app.post('/addresses', addresses.create);
app.get('/addresses/:id', addresses.show);
app.get('/addresses', addresses.list);

module.exports = app;
