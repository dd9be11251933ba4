// Business logic of routes/items.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');

var MAX_PAGE = 100;

function clamp(n) {
  return Math.min(Math.max(n, 1), MAX_PAGE);
}

/** @typedef {{ size: number }} ListItemsInput */

class ItemsService {
  /**
   * GET / (routes/items.js)
   * @param {ListItemsInput} input
   */
  async listItems(input) {
    var { size } = input;
    var items = await db.list(clamp(size));
    return { items: items, size: clamp(size) };
  }
}

module.exports = { ItemsService, clamp };
