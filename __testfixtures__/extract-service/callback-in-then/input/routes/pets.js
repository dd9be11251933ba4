var express = require('express');
var User = require('../users');
var router = express.Router();

// The error-first call is inside a .then callback: await cannot go there, so the handler stays as it is.
router.get('/:name', function (req, res, next) {
  User.find(req.params.name)
    .then(function (user) {
      User.all(function (err, users) {
        if (err) return next(err);
        res.json({ user: user, count: users.length });
      });
    })
    .catch(next);
});

module.exports = router;
