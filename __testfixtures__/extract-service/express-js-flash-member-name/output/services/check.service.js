// Business logic of routes/wallet.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const errors = require('../lib/errors');

/** @typedef {{ id: any }} CreateCheckInput */

class CheckService {
  /**
   * POST /check (routes/wallet.js)
   * @param {CreateCheckInput} input
   */
  async createCheck(input) {
    const { id } = input;
    const wallet = await db.find(id);
    if (!wallet) throw new errors.ValidationError('no such wallet');
    return { balance: wallet.balance };
  }
}

module.exports = { CheckService };
