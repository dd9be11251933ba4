// Business logic of routes/wallet.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { ValidationError } = require('./errors');

/** @typedef {{ id: any }} CreateTopUpInput */

class TopUpService {
  /**
   * POST /top-up (routes/wallet.js)
   * @param {CreateTopUpInput} input
   */
  async createTopUp(input) {
    const { id } = input;
    const wallet = await db.find(id);
    if (!wallet) {
      throw new ValidationError('No such wallet.');
    }
    wallet.balance += 5;
    await db.save(wallet);
  }
}

module.exports = { TopUpService };
