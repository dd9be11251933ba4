// Business logic of routes/wallet.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { ValidationError: AppValidationError } = require('../lib/errors');

/** @typedef {{ id: any }} CreateRecheckInput */

class RecheckService {
  /**
   * POST /recheck (routes/wallet.js)
   * @param {CreateRecheckInput} input
   */
  async createRecheck(input) {
    const { id } = input;
    const wallet = await db.find(id);
    if (!wallet) throw new AppValidationError('still no such wallet');
    return { owner: wallet.owner };
  }
}

module.exports = { RecheckService };
