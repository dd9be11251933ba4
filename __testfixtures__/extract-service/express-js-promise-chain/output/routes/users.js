var express = require('express');
var { UsersService } = require('../services/users.service');
var { sendDomainError } = require('./error-responses');

var usersService = new UsersService();

var router = express.Router();

// A promise chain ending in .catch(next): the chain becomes the service's result; the trap is the request read
// inside the logic (req.params.id), passed in as an input.
router.get('/:id', function (req, res, next) {
  var id = parseInt(req.params.id, 10);
  usersService.getUser({ id, idParam: req.params.id })
    .then(function (result) {
      res.json(result);
    })
    .catch(function (err) {
      if (!sendDomainError(res, err)) next(err);
    });
});

module.exports = router;
