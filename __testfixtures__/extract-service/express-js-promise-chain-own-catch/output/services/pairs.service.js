// Business logic of routes/items.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');

/** @typedef {{ id: any }} GetPairInput */

class PairsService {
  /**
   * GET /:id/pair (routes/items.js)
   * @param {GetPairInput} input
   */
  getPair(input) {
    const { id } = input;
    return db.findOne(Number(id))
      .then((item) => ({ id: item.id, name: item.name }));
  }
}

module.exports = { PairsService };
