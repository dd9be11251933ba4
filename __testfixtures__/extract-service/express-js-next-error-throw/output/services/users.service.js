// Business logic of app.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');

/** @typedef {{ id: any }} GetUserInput */

class UsersService {
  /**
   * GET /users/:id (app.js)
   * @param {GetUserInput} input
   */
  getUser(input) {
    const { id } = input;
    const user = db.findUser(id);
    if (!user) {
      throw new Error('no user ' + id);
    }
    const name = user.name.toUpperCase();
    return { id: user.id, name };
  }
}

module.exports = { UsersService };
