var express = require('express');
var { PetsService } = require('../services/pets.service');
var { FirstService } = require('../services/first.service');

var petsService = new PetsService();
var firstService = new FirstService();
var router = express.Router();

function ferrets(user) {
  return user.species === 'ferret';
}

// The callback calls users.filter: a throw there is uncaught today (a crash). The render stays in the controller
// after the service (the epilogue), with or without --callback-throws-to-next.
router.get('/', function (req, res, next) {
  petsService.listPets()
    .then(function ({ count, users }) {
      res.render('index', { title: 'Users', count: count, users: users.filter(ferrets) });
    }, next)
    .catch(function (error) { queueMicrotask(function () { throw error; }); });
});

// A property read of an untyped value may throw too.
router.get('/first', function (req, res, next) {
  firstService.getFirst()
    .then(function (first) {
      res.json({ first: first });
    }, next)
    .catch(function (error) { queueMicrotask(function () { throw error; }); });
});

module.exports = router;
