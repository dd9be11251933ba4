// Business logic of app.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { NotFoundError } = require('./errors');

/** @typedef {{ id: number }} GetUserInput */

class UsersService {
  /**
   * GET /users/:id (app.js)
   * @param {GetUserInput} input
   */
  async getUser(input) {
    const { id } = input;
    const user = await db.find(id);
    if (!user) throw new NotFoundError('no user ' + id);
    user.seen = true;
    return user;
  }
}

module.exports = { UsersService };
