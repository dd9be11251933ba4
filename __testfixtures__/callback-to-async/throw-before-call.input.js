const express = require('express');
const fs = require('fs');

const app = express();

app.post('/upload', (req, res, next) => {
  // Throws without a body parser; Express sends that to next(err) today, an async handler would not.
  const name = req.body.name.trim();
  fs.writeFile('uploads/' + name, 'x', (err) => {
    if (err) return next(err);
    res.sendStatus(201);
  });
});

module.exports = app;
