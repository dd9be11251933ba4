// Business logic of routes/users.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { ValidationError } = require('./errors');

/** @typedef {{ role: string }} GetRoleInput */

class RolesService {
  /**
   * GET /users/role/:role (routes/users.js)
   * @param {GetRoleInput} input
   */
  getRole(input) {
    var { role } = input;
    return Promise.resolve(db.query(role).then(function (found) {
      return { role: role, names: found.map(function (u) { return u.name; }) };
    }, function () {
      throw new ValidationError('Unknown role');
    }));
  }
}

module.exports = { RolesService };
