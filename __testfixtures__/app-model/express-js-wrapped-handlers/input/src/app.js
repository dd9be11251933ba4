const express = require('express');
const passport = require('passport');
const routes = require('./routes');

const app = express();
passport.use('bearer', { authenticate() {} });
app.use(express.json());
app.use('/v2', routes);

module.exports = app;
