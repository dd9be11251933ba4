var express = require('express');
var User = require('../users');
var router = express.Router();

// Two nested error-first callbacks of functions that answer once: each becomes an await in the service.
router.get('/', function (req, res, next) {
  var title = req.query.title;
  User.count(function (err, count) {
    if (err) return next(err);
    if (!count) return res.status(404).json({ error: 'no pets' });
    User.all(function (err, users) {
      if (err) return next(err);
      res.render('index', {
        title: title,
        count: count,
        users: users
      });
    });
  });
});

router.delete('/:name', function (req, res, next) {
  var name = req.params.name;
  User.remove(name, function (err, removed) {
    if (err) return next(err);
    if (!removed) return res.status(404).json({ error: 'no pets' });
    res.sendStatus(204);
  });
});

module.exports = router;
