// Business logic of routes/carts.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { total } = require('../lib/math');
var { NotFoundError } = require('./errors');

/** @typedef {{ id: any }} GetCartTotalInput */

class CartsService {
  /**
   * GET /:id/total (routes/carts.js)
   * @param {GetCartTotalInput} input
   */
  async getCartTotal(input) {
    const { id } = input;
    var items = await db.cart(id);
    if (!items) throw new NotFoundError('no cart');
    return { total: total(items) };
  }
}

module.exports = { CartsService };
