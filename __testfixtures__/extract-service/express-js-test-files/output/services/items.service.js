// Business logic of routes/items.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { NotFoundError } = require('../api/tests/services/errors');

/** @typedef {{ id: any }} GetItemInput */

class ItemsService {
  /**
   * GET /items/:id (routes/items.js)
   * @param {GetItemInput} input
   */
  async getItem(input) {
    const { id } = input;
    const item = await db.find(id);
    if (!item) throw new NotFoundError('not found');
    return item;
  }
}

module.exports = { ItemsService };
