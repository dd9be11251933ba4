// Business logic of routes/orders.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');

/** @typedef {{ id: any }} GetCountInput */

class CountsService {
  /**
   * GET /count/:id (routes/orders.js)
   * @param {GetCountInput} input
   */
  async getCount(input) {
    const { id } = input;
    return db.countOrders(Number(id))
      .then(function (count) {
        return { count: count, at: Date.now() };
      });
  }
}

module.exports = { CountsService };
