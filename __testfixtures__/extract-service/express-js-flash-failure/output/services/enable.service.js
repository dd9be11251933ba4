// Business logic of controllers/two-factor.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { ValidationError } = require('./errors');

/** @typedef {{ id: any }} CreateEnableInput */

class EnableService {
  /**
   * POST /account/2fa/enable (controllers/two-factor.js)
   * @param {CreateEnableInput} input
   */
  async createEnable(input) {
    const { id } = input;
    const user = await db.find(id);
    if (!user.password) {
      throw new ValidationError('You must set a password before enabling 2FA.');
    }
    if (!user.emailVerified) {
      throw new ValidationError('You must verify your email (' + user.name + ') first.');
    }
    user.enabled = true;
    await db.save(user);
  }
}

module.exports = { EnableService };
