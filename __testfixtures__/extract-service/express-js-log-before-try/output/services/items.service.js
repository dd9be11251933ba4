// Business logic of routes/items.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { respond } = require('./http-result');

/** @typedef {{ id: any }} PostItemsRemoveInput */

class ItemsService {
  /**
   * POST /remove (routes/items.js)
   * @param {PostItemsRemoveInput} input
   */
  async postItemsRemove(input) {
    const { id } = input;
    if (id === undefined) {
      return respond().status(400).json({ error: 'Missing required field: id' });
    }
    const item = await db.remove(Number(id));
    if (!item) {
      return respond().status(404).json({ error: 'Item not found.' });
    }
    return respond().status(200).json({ message: 'Item removed.', id: item.id, name: item.name });
  }
}

module.exports = { ItemsService };
