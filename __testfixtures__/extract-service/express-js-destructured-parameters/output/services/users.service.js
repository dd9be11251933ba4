// Business logic of app.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { NotFoundError } = require('./errors');

/** @typedef {{ id: number }} GetUserInput */

/** @typedef {{ data: any }} CreateUserInput */

class UsersService {
  /**
   * GET /users/:id (app.js)
   * @param {GetUserInput} input
   */
  async getUser(input) {
    var { id } = input;
    var user = await db.find(id);
    if (!user) throw new NotFoundError('no user ' + id);
    return user;
  }

  /**
   * POST /users (app.js)
   * @param {CreateUserInput} input
   */
  async createUser(input) {
    const { data } = input;
    var saved = await db.save(data);
    var all = await db.all();
    return { saved: saved, count: all.length };
  }
}

module.exports = { UsersService };
