var express = require('express');
var db = require('../db');
var router = express.Router();

// The callback answers its error itself: the API is proven to call back once, error first, so the answer becomes
// the controller's reaction to a failed service call, kept as written.
router.get('/search/:query', function (req, res) {
  var query = req.params.query;
  db.members(query, function (err, vals) {
    if (err) return res.send(500);
    res.send(vals);
  });
});

// The same with an API that may call back twice (callback-not-proven).
router.get('/scan/:query', function (req, res) {
  var query = req.params.query;
  db.scan(query, function (err, vals) {
    if (err) return res.sendStatus(500);
    res.json(vals);
  });
});

module.exports = router;
