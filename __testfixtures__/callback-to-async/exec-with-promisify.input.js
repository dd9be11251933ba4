const express = require('express');
const { promisify } = require('util');
const { exec } = require('child_process');

const app = express();

// exec's promise form (util.promisify) resolves { stdout, stderr }.
app.get('/version', (req, res, next) => {
  exec('git describe --tags', (err, stdout, stderr) => {
    if (err) return next(err);
    res.json({ version: stdout.trim(), warnings: stderr });
  });
});

module.exports = app;
