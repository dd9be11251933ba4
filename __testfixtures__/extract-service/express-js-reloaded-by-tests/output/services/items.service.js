// Business logic of controllers/items.js, moved out of its route handlers by remodel extract-service.
const Item = require('../models/item');
const { NotFoundError } = require('./errors');

/** @typedef {{ id: any }} GetItemInput */

class ItemsService {
  /**
   * GET /items/:id (controllers/items.js)
   * @param {GetItemInput} input
   */
  async getItem(input) {
    const { id } = input;
    const item = await Item.find(id);
    if (!item) throw new NotFoundError('No such item');
    return { id: item.id, title: item.title, inStock: item.stock > 0 };
  }
}

module.exports = { ItemsService };
