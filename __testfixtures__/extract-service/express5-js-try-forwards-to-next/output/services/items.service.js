// Business logic of app.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { NotFoundError } = require('./errors');

/** @typedef {{ id: number }} ReplaceItemInput */

/** @typedef {{ id: number }} TouchItemInput */

class ItemsService {
  /**
   * PUT /items/:id (app.js)
   * @param {ReplaceItemInput} input
   */
  async replaceItem(input) {
    const { id } = input;
    const before = db.peek(id);
    const label = before ? before.label + '!' : 'new';
    const item = await db.update(id, { label });
    if (!item) throw new NotFoundError('Item not found');
    return item;
  }

  /**
   * POST /items/:id/touch (app.js)
   * @param {TouchItemInput} input
   */
  async touchItem(input) {
    const { id } = input;
    if (id < 1) {
      throw new Error('bad id ' + id);
    }
    const item = await db.update(id, { touched: true });
    return { touched: !!item };
  }
}

module.exports = { ItemsService };
