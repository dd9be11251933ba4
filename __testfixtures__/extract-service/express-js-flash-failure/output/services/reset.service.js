// Business logic of controllers/two-factor.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { ValidationError } = require('./errors');

/** @typedef {{ id: any }} CreateResetInput */

class ResetService {
  /**
   * POST /account/2fa/reset (controllers/two-factor.js)
   * @param {CreateResetInput} input
   */
  async createReset(input) {
    const { id } = input;
    const user = await db.find(id);
    if (!user) {
      throw new ValidationError('No such user.');
    }
    user.enabled = false;
    await db.save(user);
  }
}

module.exports = { ResetService };
