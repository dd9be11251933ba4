const express = require('express');

const app = express();

// A log line beside the response does not make a handler fat: nothing worth a service here, left alone.
app.get('/', (req, res) => {
  console.log('Hello');
  res.send('Welcome!');
});

module.exports = app;
