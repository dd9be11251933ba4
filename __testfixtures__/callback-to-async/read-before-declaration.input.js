const fs = require('fs');
const express = require('express');

const router = express.Router();

// `label` reads `name` before its declaration ran: a ReferenceError that Express sends to next(err); in an
// async handler it would be an unhandled rejection, so the handler stays.
router.get('/file', (req, res, next) => {
  const label = name;
  const name = 'report.txt';
  fs.readFile('data/report.txt', 'utf8', (err, text) => {
    if (err) return next(err);
    res.send(label + text);
  });
});

module.exports = router;
