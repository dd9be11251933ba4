const express = require('express');
const { promisify } = require('util');
const { exec } = require('child_process');

const app = express();

// On a non-zero exit exec still passes stdout; the error branch falls through to use it.
app.get('/status', (req, res) => {
  exec('git status --short', (err, stdout) => {
    if (err) console.error('git status failed', err.code);
    res.type('text').send(stdout);
  });
});

module.exports = app;
