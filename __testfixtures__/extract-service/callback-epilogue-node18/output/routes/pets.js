const express = require('express');
const { PetsService } = require('../services/pets.service');

const petsService = new PetsService();
const router = express.Router();

const ferrets = (user) => user.species === 'ferret';

// Node 18 or later (engines.node): a throw of the render, kept in the controller after the service answered, is an
// unhandled rejection and with it an uncaught exception, as inside User.all's callback today.
router.get('/', (req, res, next) => {
  petsService.listPets()
    .then((users) => {
      res.render('index', { users: users.filter(ferrets) });
    }, next);
});

module.exports = router;
