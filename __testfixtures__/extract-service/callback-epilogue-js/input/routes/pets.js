var express = require('express');
var User = require('../users');
var router = express.Router();

function ferrets(user) {
  return user.species === 'ferret';
}

// users.filter may throw: uncaught inside User.all's callback today. The render stays in the controller with what it
// computes, after the service answered and outside its error path (rethrown on process.nextTick: the package does
// not say it runs on Node 15 or later, where an unhandled rejection is already an uncaught exception).
router.get('/', function (req, res, next) {
  User.count(function (err, count) {
    if (err) return next(err);
    User.all(function (err, users) {
      if (err) return next(err);
      res.render('index', {
        title: 'Users',
        count: count,
        users: users.filter(ferrets)
      });
    });
  });
});

module.exports = router;
