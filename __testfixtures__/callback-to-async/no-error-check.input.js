const fs = require('fs');
const express = require('express');

const app = express();

// The error is ignored (data is undefined on error): awaiting would reject instead.
app.get('/motd', (req, res) => {
  fs.readFile('motd.txt', 'utf8', (err, text) => {
    res.send(text || 'hello');
  });
});

module.exports = app;
