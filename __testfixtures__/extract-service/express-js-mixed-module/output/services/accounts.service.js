// Business logic of routes/accounts.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { NotFoundError } = require('./errors');

/** @typedef {{ id: number }} GetAccountInput */

/** @typedef {{ id: number }} DeleteAccountInput */

class AccountsService {
  /**
   * GET /:id (routes/accounts.js)
   * @param {GetAccountInput} input
   */
  async getAccount(input) {
    var { id } = input;
    var account = await db.get(id);
    if (!account) throw new NotFoundError('no account');
    return { id: account.id, balance: account.cents / 100 };
  }

  /**
   * DELETE /:id (routes/accounts.js)
   * @param {DeleteAccountInput} input
   */
  async deleteAccount(input) {
    var { id } = input;
    await new Promise(function (resolve, reject) { db.remove(id, function (error) { if (error) reject(error); else resolve(); }); });
  }
}

module.exports = { AccountsService };
