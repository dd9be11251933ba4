// Business logic of controllers/account.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');

/** @typedef {{ id: any }} RemoveEmailInput */

class EmailService {
  /**
   * POST /account/email/remove (controllers/account.js)
   * @param {RemoveEmailInput} input
   */
  async removeEmail(input) {
    const { id } = input;
    const user = await db.find(id);
    user.methods = user.methods.filter((m) => m !== 'email');
    await db.save(user);
  }
}

module.exports = { EmailService };
