// Business logic of app.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');

/** @typedef {{ id: any, coupon: string }} ReplaceCouponInput */

class CouponsService {
  /**
   * PUT /baskets/:id/coupon/:coupon (app.js)
   * @param {ReplaceCouponInput} input
   */
  async replaceCoupon(input) {
    const { id, coupon } = input;
    const basket = await db.findBasket(id);
    if (!basket) {
      throw new Error(`Basket with id=${id} does not exist.`);
    }
    if (coupon.length < 4) {
      throw new Error('Coupon too short');
    }
    await db.saveCoupon(basket, coupon);
    return { discount: 10 };
  }
}

module.exports = { CouponsService };
