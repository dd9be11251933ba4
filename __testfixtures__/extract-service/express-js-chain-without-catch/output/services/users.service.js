// Business logic of routes/users.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { NotFoundError, ValidationError } = require('./errors');

/** @typedef {{ id: any }} GetUserInput */

/** @typedef {{ id: any }} GetUserNameInput */

class UsersService {
  /**
   * GET /users/:id (routes/users.js)
   * @param {GetUserInput} input
   */
  getUser(input) {
    const { id } = input;
    return db.find(id).then(function (user) {
      if (!user) throw new NotFoundError('No such user');
      return { id: user.id, name: user.name };
    });
  }

  /**
   * GET /users/:id/name (routes/users.js)
   * @param {GetUserNameInput} input
   */
  getUserName(input) {
    const { id } = input;
    if (!/^\w+$/.test(id)) throw new ValidationError('Malformed id');
    return db.find(id).then(function (user) {
      if (!user) throw new NotFoundError('No such user');
      return user.name;
    });
  }
}

module.exports = { UsersService };
