const express = require('express');
const users = require('./controllers/users');

const app = express();
app.use(express.json());
app.get('/users/:id', users.getUser);
app.post('/users/:id/rename', users.postRename);
module.exports = app;
