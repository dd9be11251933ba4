var express = require('express');
var { UsersService } = require('../services/users.service');
var { sendDomainError } = require('./error-responses');

var usersService = new UsersService();

var router = express.Router();

// CommonJS, like most router modules of the app: the errors module is written as CommonJS beside them.
router.get('/:id', async function (req, res) {
  try {
    res.json(await usersService.getUser({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

module.exports = router;
