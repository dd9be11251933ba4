const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();

app.get('/config/:name', function (req, res, next) {
  const file = path.join(__dirname, 'config', req.params.name + '.json');
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return next(err);
    const config = JSON.parse(text);
    res.json(config);
  });
});

module.exports = app;
