// Business logic of app.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { NotFoundError } = require('./errors');

/** @typedef {{ id: any }} GetUserCountInput */

class UsersService {
  /**
   * GET /users/:id/count (app.js)
   * @param {GetUserCountInput} input
   */
  async getUserCount(input) {
    const { id } = input;
    var user = await db.find(Number(id));
    if (!user) throw new NotFoundError('no user');
    return { count: user.tags.length };
  }
}

module.exports = { UsersService };
