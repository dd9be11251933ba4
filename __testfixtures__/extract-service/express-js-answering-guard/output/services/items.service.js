// Business logic of routes/items.js, moved out of its route handlers by remodel extract-service.
const items = require('../items');
const { ConflictError, NotFoundError } = require('./errors');

/** @typedef {{ count: number, item: { id: number; name: string; stock: number; owner: string; [key: string]: any; } }} CreateItemTakeInput */

/** @typedef {{ id: any }} DeleteItemInput */

class ItemsService {
  /**
   * POST /:id/take (routes/items.js)
   * @param {CreateItemTakeInput} input
   */
  createItemTake(input) {
    const { count, item } = input;
    if (item.stock < count) throw new ConflictError('not enough left');
    const left = items.take(item, count);
    return { name: left.name, stock: left.stock };
  }

  /**
   * DELETE /:id (routes/items.js)
   * @param {DeleteItemInput} input
   */
  deleteItem(input) {
    const { id } = input;
    const item = items.find(id);
    if (!item) throw new NotFoundError('no such item');
    item.stock = 0;
    return { name: item.name, stock: item.stock };
  }
}

module.exports = { ItemsService };
