const express = require('express');
const { promisify } = require('util');
const { exec } = require('child_process');

const app = express();

// exec's promise form (util.promisify) resolves { stdout, stderr }.
app.get('/version', async (req, res, next) => {
  let stdout, stderr;
  try {
    ({ stdout, stderr } = await promisify(exec)('git describe --tags'));
  } catch (err) {
    return next(err);
  }
  res.json({ version: stdout.trim(), warnings: stderr });
});

module.exports = app;
