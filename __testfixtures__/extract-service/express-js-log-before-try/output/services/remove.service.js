// Business logic of routes/items.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { NotFoundError, ValidationError } = require('./errors');

/** @typedef {{ id: any }} CreateRemoveInput */

class RemoveService {
  /**
   * POST /remove (routes/items.js)
   * @param {CreateRemoveInput} input
   */
  async createRemove(input) {
    const { id } = input;
    if (id === undefined) {
      throw new ValidationError('Missing required field: id');
    }
    const item = await db.remove(Number(id));
    if (!item) {
      throw new NotFoundError('Item not found.');
    }
    return { message: 'Item removed.', id: item.id, name: item.name };
  }
}

module.exports = { RemoveService };
