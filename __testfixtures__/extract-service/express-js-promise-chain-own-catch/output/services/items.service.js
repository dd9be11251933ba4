// Business logic of routes/items.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { NotFoundError } = require('./errors');

/** @typedef {{ owner: any }} ListItemsInput */

/** @typedef {{ id: any }} GetItemInput */

class ItemsService {
  /**
   * GET / (routes/items.js)
   * @param {ListItemsInput} input
   */
  listItems(input) {
    const { owner } = input;
    return db.find({ owner: owner })
      .then((items) => items.map((i) => ({ id: i.id, name: i.name })));
  }

  /**
   * GET /:id (routes/items.js)
   * @param {GetItemInput} input
   */
  getItem(input) {
    const { id } = input;
    return db.findOne(Number(id))
      .then((item) => {
        if (!item) throw new NotFoundError('not found');
        return { id: item.id, label: item.name.toUpperCase() };
      });
  }
}

module.exports = { ItemsService };
