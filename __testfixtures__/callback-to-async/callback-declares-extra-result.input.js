const express = require('express');
const fs = require('fs');

const app = express();

// readFile gives one result; a second callback parameter has no counterpart in the promise form.
app.get('/notes', (req, res, next) => {
  fs.readFile('notes.txt', 'utf8', (err, text, extra) => {
    if (err) return next(err);
    res.send(extra ? text + extra : text);
  });
});

module.exports = app;
