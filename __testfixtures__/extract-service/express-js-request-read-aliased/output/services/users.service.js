// Business logic of app.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { ValidationError } = require('./errors');

/** @typedef {{ name: any, body: any }} CreateUserInput */

class UsersService {
  /**
   * POST /users (app.js)
   * @param {CreateUserInput} input
   */
  async createUser(input) {
    const { name, body } = input;
    if (!name) throw new ValidationError('name is required');
    var user = await db.save(body);
    user.created = true;
    return user;
  }
}

module.exports = { UsersService };
