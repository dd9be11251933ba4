var express = require('express');
var db = require('../db');

var router = express.Router();

var MAX_PAGE = 100;

function clamp(n) {
  return Math.min(Math.max(n, 1), MAX_PAGE);
}

// clamp() is used by the moved logic and by a handler that stays: it moves and is exported back.
router.get('/', async function (req, res) {
  var size = Number(req.query.size);
  var items = await db.list(clamp(size));
  res.json({ items: items, size: clamp(size) });
});

router.get('/count', function (req, res) {
  db.count(function (err, n) {
    res.json({ count: clamp(n) });
  });
});

module.exports = router;
