const express = require('express');
const dns = require('dns');

const app = express();

// With options, dns.promises.lookup may resolve to an array ({ all: true }), not { address, family }.
app.get('/resolve/:host', (req, res, next) => {
  dns.lookup(req.params.host, { family: 6 }, (err, address, family) => {
    if (err) return next(err);
    res.json({ address, family });
  });
});

module.exports = app;
