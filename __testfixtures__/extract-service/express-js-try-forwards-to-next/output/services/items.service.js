// Business logic of app.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { NotFoundError } = require('./errors');

/** @typedef {{ id: number }} GetItemInput */

/** @typedef {{ id: number, label: string }} ReplaceItemInput */

class ItemsService {
  /**
   * GET /items/:id (app.js)
   * @param {GetItemInput} input
   */
  getItem(input) {
    const { id } = input;
    const wanted = id * 2;
    const item = db.peek(wanted);
    if (!item) throw new NotFoundError('Item not found');
    return item;
  }

  /**
   * PUT /items/:id (app.js)
   * @param {ReplaceItemInput} input
   */
  async replaceItem(input) {
    const { id, label } = input;
    const item = await db.update(id, { label });
    if (!item) throw new NotFoundError('Item not found');
    return item;
  }
}

module.exports = { ItemsService };
