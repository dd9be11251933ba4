var express = require('express');
var { UsersService } = require('../services/users.service');
var { sendDomainError } = require('./error-responses');

var usersService = new UsersService();

var router = express.Router();

/**
 * @typedef {object} CreateUserBody
 * @property {string} name
 */

// The JSDoc typedef above is a declaration (introduce-dto writes such blocks): it stays in the router when
// NAME_MAX moves to the service, and the service takes CreateUserBody by name.
router.post('/', /** @param {{ body: CreateUserBody }} req */ function (req, res) {
  var name = req.body.name;
  try {
    var result = usersService.createUser({ name });
    res.status(201).json(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

module.exports = router;
