// Business logic of app.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { NotFoundError } = require('./errors');

/** @typedef {{ wanted: number }} GetItemInput */

class ItemsService {
  /**
   * GET /items/:id (app.js)
   * @param {GetItemInput} input
   */
  getItem(input) {
    const { wanted } = input;
    const item = db.peek(wanted);
    if (!item) throw new NotFoundError('Item not found');
    return item;
  }
}

module.exports = { ItemsService };
