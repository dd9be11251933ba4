// Business logic of controllers/account.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');

/** @typedef {{ id: any }} ListMethodsInput */

class MethodsService {
  /**
   * GET /account/methods (controllers/account.js)
   * @param {ListMethodsInput} input
   */
  async listMethods(input) {
    const { id } = input;
    const user = await db.find(id);
    const methods = user ? user.methods.slice() : [];
    return { methods: methods };
  }
}

module.exports = { MethodsService };
