'use strict';

const express = require('express');
const jobs = require('./routes/jobs');

const app = express();
app.use(express.json());
app.use('/jobs', jobs);

module.exports = app;
