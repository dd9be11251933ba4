var express = require('express');
var online = require('online');
var User = require('../users');
var events = require('events');
var bus = new events.EventEmitter();
var router = express.Router();

// User.twice calls its callback twice: not a once-only error-first API.
router.get('/twice', function (req, res, next) {
  User.twice(function (err, n) {
    if (err) return next(err);
    res.json({ n: n });
  });
});

// A package without types: nothing proves how it calls back.
router.get('/online', function (req, res, next) {
  online.last(5, function (err, ids) {
    if (err) return next(err);
    res.json({ ids: ids });
  });
});

// A listener, not a callback.
router.get('/events', function (req, res, next) {
  bus.once('ready', function (err) {
    if (err) return next(err);
    res.json({ done: true });
  });
});

router.get('/maybe', function (req, res, next) {
  User.maybeTwice(req.query.n, function (err, n) {
    if (err) return next(err);
    res.json({ n: n });
  });
});

module.exports = router;
