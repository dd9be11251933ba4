const express = require('express');
const fs = require('fs');

const app = express();

// Making the handler async affects every path through it: JSON.parse in the other branch throws
// synchronously today (Express answers 500) and would become an unhandled rejection.
app.get('/items', (req, res, next) => {
  if (req.query.filter) {
    res.json(JSON.parse(req.query.filter));
  } else {
    fs.readFile('items.json', 'utf8', (err, text) => {
      if (err) return next(err);
      res.type('json').send(text);
    });
  }
});

module.exports = app;
