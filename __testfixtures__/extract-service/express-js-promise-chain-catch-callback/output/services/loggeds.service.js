// Business logic of routes/orders.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');

/** @typedef {{ id: any }} GetLoggedInput */

class LoggedsService {
  /**
   * GET /logged/:id (routes/orders.js)
   * @param {GetLoggedInput} input
   */
  getLogged(input) {
    const { id } = input;
    return db.countOrders(Number(id))
      .then(function (count) {
        return { count: count, at: Date.now() };
      });
  }
}

module.exports = { LoggedsService };
