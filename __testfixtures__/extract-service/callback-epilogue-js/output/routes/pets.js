var express = require('express');
var { PetsService } = require('../services/pets.service');

var petsService = new PetsService();
var router = express.Router();

function ferrets(user) {
  return user.species === 'ferret';
}

// users.filter may throw: uncaught inside User.all's callback today. The render stays in the controller with what it
// computes, after the service answered and outside its error path (rethrown on process.nextTick: the package does
// not say it runs on Node 15 or later, where an unhandled rejection is already an uncaught exception).
router.get('/', function (req, res, next) {
  petsService.listPets()
    .then(function ({ count, users }) {
      res.render('index', {
        title: 'Users',
        count: count,
        users: users.filter(ferrets)
      });
    }, next)
    .catch(function (error) { process.nextTick(function () { throw error; }); });
});

module.exports = router;
