// Business logic of controllers/account.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { NotFoundError } = require('./errors');

/** @typedef {{ id: any, name: any }} CreateAccountRenameInput */

class AccountService {
  /**
   * POST /account/rename (controllers/account.js)
   * @param {CreateAccountRenameInput} input
   */
  async createAccountRename(input) {
    const { id, name } = input;
    const user = await db.find(id);
    if (!user) {
      throw new NotFoundError('No such user');
    }
    user.name = String(name);
    await db.save(user);
    return;
  }
}

module.exports = { AccountService };
