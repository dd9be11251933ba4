'use strict';
const fastify = require('fastify');

const app = fastify();
app.register(require('./routes/things'));

module.exports = app;
