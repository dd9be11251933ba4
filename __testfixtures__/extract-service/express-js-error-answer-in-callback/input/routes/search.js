var express = require('express');
var db = require('../db');
var router = express.Router();

// The callback answers its error itself: the API is proven, the answer is not kept by a controller yet
// (error-answer-in-callback).
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
