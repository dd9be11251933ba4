// Business logic of routes/codes.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { NotFoundError } = require('./errors');

const codePattern = /^[a-z0-9]+$/;

/** @typedef {{ code: any }} ApplyContinueCodeFindInput */

/** @typedef {{ code: any }} ApplyContinueCodeFixInput */

class ContinueCodeFindService {
  /**
   * PUT /continue-code-find/apply/:code (routes/codes.js)
   * @param {ApplyContinueCodeFindInput} input
   */
  async applyContinueCodeFind(input) {
    const { code } = input;
    if (!codePattern.test(code)) {
      throw new NotFoundError('Invalid code.');
    }
    const count = await db.solve('find', code);
    return { data: count + ' solved' };
  }

  /**
   * PUT /continue-code-fix/apply/:code (routes/codes.js)
   * @param {ApplyContinueCodeFixInput} input
   */
  async applyContinueCodeFix(input) {
    const { code } = input;
    if (!codePattern.test(code)) {
      throw new NotFoundError('Invalid code.');
    }
    const count = await db.solve('fix', code);
    return { data: count + ' fixed' };
  }
}

module.exports = { ContinueCodeFindService };
