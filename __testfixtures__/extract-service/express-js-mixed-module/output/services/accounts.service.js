// Business logic of routes/accounts.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { respond } = require('./http-result');

/** @typedef {{ id: number }} GetAccountInput */

class AccountsService {
  /**
   * GET /:id (routes/accounts.js)
   * @param {GetAccountInput} input
   */
  async getAccount(input) {
    var { id } = input;
    var account = await db.get(id);
    if (!account) return respond().status(404).json({ error: 'no account' });
    return respond().json({ id: account.id, balance: account.cents / 100 });
  }
}

module.exports = { AccountsService };
