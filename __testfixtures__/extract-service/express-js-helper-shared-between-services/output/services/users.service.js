// Business logic of routes/api.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');

function page(list, n) {
  return list.slice(0, Math.max(1, Number(n) || 10));
}

/** @typedef {{ n: any }} ListUsersInput */

class UsersService {
  /**
   * GET /users (routes/api.js)
   * @param {ListUsersInput} input
   */
  async listUsers(input) {
    var { n } = input;
    var users = await db.users();
    var shown = page(users, n);
    return shown;
  }
}

module.exports = { UsersService, page };
