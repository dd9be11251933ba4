var express = require('express');
var store = require('../store');
var router = express.Router();

// A name that reads itself in its own initializer (undefined, then NaN): reported, never a crash of the run.
router.get('/self/:id', function (req, res, next) {
  store.find(req.params.id, function (err, row) {
    if (err) return next(err);
    var n = n + 10;
    res.json({ n: n, row: row });
  });
});

// res.json serializes the row (a BigInt, a cycle or a throwing toJSON throws there, uncaught today): it stays in the
// controller, outside the error path.
router.get('/row/:id', function (req, res, next) {
  store.find(req.params.id, function (err, row) {
    if (err) return next(err);
    res.json(row);
  });
});

// Not proven to call back once, asynchronously: a synchronous answer, a call inside try.
router.get('/cached/:id', function (req, res, next) {
  store.cached(req.params.id, function (err, row) {
    if (err) return next(err);
    res.json(row);
  });
});

router.get('/guarded/:id', function (req, res, next) {
  store.guarded(req.params.id, function (err, row) {
    if (err) return next(err);
    res.json(row);
  });
});

// The callback reads the `this` the API gives it.
router.post('/', function (req, res, next) {
  store.insert({ name: req.body.name }, function (err) {
    if (err) return next(err);
    res.status(201).json({ id: this.lastID });
  });
});

module.exports = router;
