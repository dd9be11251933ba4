// Business logic of routes/users.js, moved out of its route handlers by remodel extract-service.
const store = require('../store');

/** @typedef {{ name: any }} CreateUserInput */

class UsersService {
  /**
   * POST / (routes/users.js)
   * @param {CreateUserInput} input
   */
  async createUser(input) {
    const { name } = input;
    const user = await store.create(name);
    const token = store.sign(user);
    return { token, user };
  }

  /**
   * GET / (routes/users.js)
   */
  async listUsers() {
    const users = await store.list();
    return users;
  }
}

module.exports = { UsersService };
