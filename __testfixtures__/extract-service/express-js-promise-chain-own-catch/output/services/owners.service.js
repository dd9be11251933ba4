// Business logic of routes/items.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');

/** @typedef {{ id: number }} GetOwnerInput */

class OwnersService {
  /**
   * GET /:id/owner (routes/items.js)
   * @param {GetOwnerInput} input
   */
  getOwner(input) {
    const { id } = input;
    const wanted = [id, 1].find((x) => x > 0);
    return db.findOne(wanted)
      .then((item) => ({ owner: item.owner }));
  }
}

module.exports = { OwnersService };
