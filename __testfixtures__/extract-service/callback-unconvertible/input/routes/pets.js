var express = require('express');
var User = require('../users');
var router = express.Router();

// A comment closes the callback: flattening it would lose the comment.
router.get('/', function (req, res, next) {
  User.all(function (err, users) {
    if (err) return next(err);
    res.json({ users: users });
    // answered
  });
});

// The call reads a name the promise's executor would shadow.
router.get('/resolve', function (req, res, next) {
  var resolve = req.query.resolve;
  User.get(resolve, function (err, pet) {
    if (err) return next(err);
    res.json({ pet: pet });
  });
});

module.exports = router;
