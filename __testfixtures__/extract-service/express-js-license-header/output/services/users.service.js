// Business logic of app.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');

/** @typedef {{ id: any }} GetUserInput */

class UsersService {
  /**
   * GET /users/:id (app.js)
   * @param {GetUserInput} input
   */
  async getUser(input) {
    const { id } = input;
    var user = await db.find(Number(id));
    var all = await db.all();
    return { user: user, count: all.length };
  }
}

module.exports = { UsersService };
