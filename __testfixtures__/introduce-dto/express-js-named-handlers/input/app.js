const express = require('express');
const { createComment, listComments } = require('./handlers/comments');

const app = express();
app.use(express.json());
app.post('/posts/:postId/comments', createComment);
app.get('/posts/:postId/comments', listComments);

module.exports = app;
