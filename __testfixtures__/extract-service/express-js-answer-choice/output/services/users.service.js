// Business logic of routes/repos.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');

/** @typedef {{ name: any }} GetUserInput */

class UsersService {
  /**
   * GET /user/:name (routes/repos.js)
   * @param {GetUserInput} input
   */
  getUser(input) {
    var { name } = input;
    var key = name.toLowerCase();
    var found = db.find(key);
    return found;
  }
}

module.exports = { UsersService };
