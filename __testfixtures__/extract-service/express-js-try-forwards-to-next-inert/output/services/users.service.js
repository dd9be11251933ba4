// Business logic of routes/users.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { UnauthorizedError } = require('./errors');

/** @typedef {{ email: any, answer: any, password: any, repeat: any, ip: any }} ResetUserInput */

class UsersService {
  /**
   * POST /users/reset (routes/users.js)
   * @param {ResetUserInput} input
   */
  async resetUser(input) {
    const { email, answer, password, repeat, ip } = input;
    if (!email || !answer) {
      throw new Error('Blocked illegal activity by ' + ip);
    }
    if (!password) {
      throw new UnauthorizedError('Password cannot be empty.');
    }
    if (password !== repeat) {
      throw new UnauthorizedError('New and repeated password do not match.');
    }
    const user = await db.findByEmail(email);
    if (!user || user.answer !== answer) {
      throw new UnauthorizedError('Wrong answer to security question.');
    }
    const updated = await db.update(user, { password });
    return { user: { id: updated.id, email: updated.email } };
  }
}

module.exports = { UsersService };
