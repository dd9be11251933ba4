// Business logic of routes/users.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { NotFoundError } = require('./errors');

/** @typedef {{ id: any }} GetUserInput */

class UsersService {
  /**
   * GET /:id (routes/users.js)
   * @param {GetUserInput} input
   */
  async getUser(input) {
    const { id } = input;
    var user = await db.find(Number(id));
    if (!user) throw new NotFoundError('no user');
    return { name: user.name.toUpperCase() };
  }
}

module.exports = { UsersService };
