var express = require('express');
var User = require('../users');
var router = express.Router();

function ferrets(user) {
  return user.species === 'ferret';
}

// The callback calls users.filter: a throw there is uncaught today (a crash). The render stays in the controller
// after the service (the epilogue), with or without --callback-throws-to-next.
router.get('/', function (req, res, next) {
  User.count(function (err, count) {
    if (err) return next(err);
    User.all(function (err, users) {
      if (err) return next(err);
      res.render('index', { title: 'Users', count: count, users: users.filter(ferrets) });
    });
  });
});

// A property read of an untyped value may throw too.
router.get('/first', function (req, res, next) {
  User.all(function (err, users) {
    if (err) return next(err);
    var first = users[0];
    res.json({ first: first });
  });
});

module.exports = router;
