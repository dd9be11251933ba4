var express = require('express');
var db = require('../db');
var { SearchService } = require('../services/search.service');

var searchService = new SearchService();
var router = express.Router();

// The callback answers its error itself: the API is proven to call back once, error first, so the answer becomes
// the controller's reaction to a failed service call, kept as written.
router.get('/search/:query', function (req, res) {
  var query = req.params.query;
  searchService.getSearch({ query })
    .then(function (result) {
      res.send(result);
    }, function (err) {
      return res.send(500);
    })
    .catch(function (error) { queueMicrotask(function () { throw error; }); });
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
