'use strict';
const express = require('express');
const users = require('./controllers/users');
const posts = require('./controllers/posts');
const notFound = require('./controllers/not-found');
const adminRouter = require('./routes/admin');

const app = (module.exports = express());

app.get('/users', users.list);
app.post('/users', users.create);
app.get('/posts', posts.index);
app.get('/posts/:id', posts.show);
app.use('/admin', adminRouter);
app.get('/missing', notFound);
