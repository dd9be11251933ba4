// Business logic of routes/sums.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { total } = require('../lib/math');
var { NotFoundError } = require('./errors');

/** @typedef {{ id: any }} GetSumSumInput */

class SumsService {
  /**
   * GET /:id/sum (routes/sums.js)
   * @param {GetSumSumInput} input
   */
  async getSumSum(input) {
    const { id } = input;
    var items = await db.cart(id);
    if (!items) throw new NotFoundError('no cart');
    return { sum: total(items) };
  }
}

module.exports = { SumsService };
