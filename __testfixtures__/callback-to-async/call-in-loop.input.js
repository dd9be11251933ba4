const express = require('express');
const fs = require('fs');

const app = express();

// A call inside a loop cannot become a single await in the handler body.
app.post('/cleanup', (req, res) => {
  for (const name of req.body.files) {
    fs.unlink(name, (err) => {
      if (err) console.error(err);
    });
  }
  res.sendStatus(204);
});

module.exports = app;
