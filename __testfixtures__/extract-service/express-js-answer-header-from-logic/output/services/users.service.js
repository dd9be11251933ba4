// Business logic of app.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');

/** @typedef {{ limit: number }} ListUsersInput */

class UsersService {
  /**
   * GET /users (app.js)
   * @param {ListUsersInput} input
   */
  async listUsers(input) {
    var { limit } = input;
    var users = await db.all();
    var total = users.length;
    var page = users.slice(0, limit);
    return { total, page };
  }
}

module.exports = { UsersService };
