var express = require('express');
var db = require('../db');
var router = express.Router();

// Which query fields are deleted depends on the data: neither a controller prelude nor the service can hold the
// deletion (request-in-logic).
router.get('/rows', function (req, res) {
  var rows = db.all();
  Object.keys(req.query).forEach(function (key) {
    if (!rows.some(function (row) { return key in row; })) delete req.query[key];
  });
  res.json(rows.filter(function (row) { return Object.keys(req.query).every(function (k) { return String(row[k]) === req.query[k]; }); }));
});

// A write of the request after the logic started (request-in-logic).
router.get('/first', function (req, res) {
  var rows = db.all().filter(function (row) { return row.id > 0; });
  delete req.query.q;
  res.json(rows[0]);
});

module.exports = router;
