const express = require('express');

const app = express();
require('./lib/boot')(app, { verbose: process.env.VERBOSE === '1' });
require('./lib/plugins')(app);
module.exports = app;
