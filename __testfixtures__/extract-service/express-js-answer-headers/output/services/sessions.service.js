// Business logic of routes/users.js, moved out of its route handlers by remodel extract-service.
const store = require('../store');

/** @typedef {{ name: any }} CreateSessionInput */

class SessionsService {
  /**
   * POST /sessions (routes/users.js)
   * @param {CreateSessionInput} input
   */
  async createSession(input) {
    const { name } = input;
    const user = await store.create(name);
    const token = store.sign(user);
    return { token, user };
  }
}

module.exports = { SessionsService };
