// The app's entry (not part of the fixture's routes): every request's body is parsed before the routers run.
const express = require('express');

const app = express();
app.use(express.json());

module.exports = app;
