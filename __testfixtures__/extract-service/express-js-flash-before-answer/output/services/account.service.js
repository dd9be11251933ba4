// Business logic of controllers/account.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { NotFoundError, ValidationError } = require('./errors');

/** @typedef {{ id: any, name: any }} CreateAccountRenameInput */

/** @typedef {{ id: any }} NotifyAccountInput */

/** @typedef {{ id: any }} ResetAccountInput */

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

  /**
   * POST /account/notify (controllers/account.js)
   * @param {NotifyAccountInput} input
   */
  async notifyAccount(input) {
    const { id } = input;
    const user = await db.find(id);
    return user;
  }

  /**
   * POST /account/reset (controllers/account.js)
   * @param {ResetAccountInput} input
   */
  async resetAccount(input) {
    const { id } = input;
    const user = await db.find(id);
    if (!user) {
      throw new ValidationError('No such user.');
    }
    user.methods = [];
    await db.save(user);
  }
}

module.exports = { AccountService };
