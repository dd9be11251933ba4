// Business logic of app.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');

/** @typedef {{ min: any }} ListItemsInput */

class ItemsService {
  /**
   * GET /items (app.js)
   * @param {ListItemsInput} input
   */
  listItems(input) {
    const { min } = input;
    const list = db.items.filter((i) => i.size > Number(min || 0));
    const names = list.map((i) => i.name);
    return names;
  }
}

module.exports = { ItemsService };
