// Business logic of routes/orders.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { NotFoundError } = require('./errors');

/** @typedef {{ id: any }} GetOrderInput */

class OrdersService {
  /**
   * GET /:id (routes/orders.js)
   * @param {GetOrderInput} input
   */
  async getOrder(input) {
    const { id } = input;
    return db.findUser(Number(id))
      .then((user) => {
        if (!user) throw new NotFoundError('not found');
        return { id: user.id, name: user.name };
      });
  }
}

module.exports = { OrdersService };
