const express = require('express');
const users = require('./controllers/users');
const items = require('./controllers/items');
const orders = require('./controllers/orders');

const app = express();
app.use(express.json());
app.get('/users/:id', users.getUser);
app.post('/users/:id/rename', users.postRename);
app.get('/items/:id', items.getItem);
app.get('/orders/:id', orders.getOrder);
module.exports = app;
