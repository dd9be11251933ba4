// Business logic of routes/items.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');

/** @typedef {{ id: number }} GetItemNameInput */

class ItemsService {
  /**
   * GET /items/:id/name (routes/items.js)
   * @param {GetItemNameInput} input
   */
  async getItemName(input) {
    const { id } = input;
    const item = await db.find(id);
    const name = item ? item.name.toUpperCase() : '';
    return { name };
  }
}

module.exports = { ItemsService };
