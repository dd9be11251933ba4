// Business logic of app.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { NotFoundError, ValidationError } = require('./errors');

/** @typedef {{ id: number }} ReplaceItemInput */

/** @typedef {{ id: number }} TouchItemInput */

/** @typedef {{ id: any }} GetItemLabelInput */

class ItemsService {
  /**
   * PUT /items/:id (app.js)
   * @param {ReplaceItemInput} input
   */
  async replaceItem(input) {
    const { id } = input;
    if (id > 100) {
      throw new ValidationError('id too large');
    } else {
      const label = 'item ' + id;
      const item = await db.update(id, { label });
      if (!item) throw new NotFoundError('Item not found');
      return item;
    }
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

  /**
   * GET /items/:id/label (app.js)
   * @param {GetItemLabelInput} input
   */
  async getItemLabel(input) {
    const { id } = input;
    const item = await db.update(Number(id), {});
    const label = item ? item.label : 'none';
    return label;
  }
}

module.exports = { ItemsService };
