const express = require('express');
const User = require('../users');
const router = express.Router();

const ferrets = (user) => user.species === 'ferret';

// Node 18 or later (engines.node): a throw of the render, kept in the controller after the service answered, is an
// unhandled rejection and with it an uncaught exception, as inside User.all's callback today.
router.get('/', (req, res, next) => {
  User.all((err, users) => {
    if (err) return next(err);
    res.render('index', { users: users.filter(ferrets) });
  });
});

module.exports = router;
