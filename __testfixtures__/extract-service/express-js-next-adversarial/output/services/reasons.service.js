// Business logic of app.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { GoneError } = require('./errors');

const REASONS = ['unknown item', 'item archived'];

/** @typedef {{ id: number, code: number }} GetReasonInput */

class ReasonsService {
  /**
   * GET /reasons/:id (app.js)
   * @param {GetReasonInput} input
   */
  async getReason(input) {
    const { id, code } = input;
    const item = await db.find(id);
    if (!item) throw new GoneError(undefined, { error: REASONS[code], id });
    return item;
  }
}

module.exports = { ReasonsService };
