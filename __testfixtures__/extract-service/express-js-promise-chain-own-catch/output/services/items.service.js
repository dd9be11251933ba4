// Business logic of routes/items.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { NotFoundError, ValidationError } = require('./errors');

/** @typedef {{ owner: any }} ListItemsInput */

/** @typedef {{ id: any }} GetItemInput */

/** @typedef {{ id: number }} GetItemOwnerInput */

/** @typedef {{ id: any }} GetItemPairInput */

/** @typedef {{ name: any, owner: any }} CreateItemInput */

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

  /**
   * GET /:id/owner (routes/items.js)
   * @param {GetItemOwnerInput} input
   */
  getItemOwner(input) {
    const { id } = input;
    const wanted = [id, 1].find((x) => x > 0);
    return db.findOne(wanted)
      .then((item) => ({ owner: item.owner }));
  }

  /**
   * GET /:id/pair (routes/items.js)
   * @param {GetItemPairInput} input
   */
  getItemPair(input) {
    const { id } = input;
    return db.findOne(Number(id))
      .then((item) => ({ id: item.id, name: item.name }));
  }

  /**
   * POST / (routes/items.js)
   * @param {CreateItemInput} input
   */
  createItem(input) {
    const { name, owner } = input;
    if (!name) {
      throw new ValidationError('name is required');
    }
    const item = { name: name, owner: owner || 'ann' };
    return db.insert(item)
      .then((saved) => saved);
  }
}

module.exports = { ItemsService };
