const express = require('express');
const fs = require('fs');

const app = express();

// `err` is read again after the check, where the converted code would have no such variable.
app.get('/motd', (req, res) => {
  fs.readFile('motd.txt', 'utf8', (err, text) => {
    if (err) {
      console.warn('no motd');
    }
    res.json({ motd: err ? '' : text });
  });
});

module.exports = app;
