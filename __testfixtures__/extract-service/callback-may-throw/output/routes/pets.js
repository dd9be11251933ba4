var express = require('express');
var User = require('../users');
var { PetsService } = require('../services/pets.service');

var petsService = new PetsService();
var router = express.Router();

function ferrets(user) {
  return user.species === 'ferret';
}

// The callback calls users.filter: a throw there is uncaught today (a crash); in the service it would reach
// next(err). The render stays in the controller after the service (no engines.node of 15 or later, no @types/node:
// rethrown with queueMicrotask, which the DOM lib of the default program declares).
router.get('/', function (req, res, next) {
  petsService.listPets()
    .then(function ({ count, users }) {
      res.render('index', { title: 'Users', count: count, users: users.filter(ferrets) });
    }, next)
    .catch(function (error) { queueMicrotask(function () { throw error; }); });
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
