const express = require('express');
const fs = require('fs');

const app = express();

app.get('/file', (req, res) => {
  // ?name=a&name=b makes req.query.name an array: readFile throws a TypeError synchronously, which
  // Express sends to its error handler today; after conversion it would reach the 404 branch.
  fs.readFile(req.query.name, (err, buf) => {
    if (err) return res.status(404).send('not found');
    res.send(buf);
  });
});

module.exports = app;
