const express = require('express');
const { exec } = require('child_process');

const app = express();

// exec's promise form is util.promisify(exec); the file has no util binding to build it from.
app.get('/version', (req, res, next) => {
  exec('git describe --tags', (err, stdout) => {
    if (err) return next(err);
    res.json({ version: stdout.trim() });
  });
});

module.exports = app;
