// Business logic of routes/orders.js, moved out of its route handlers by remodel extract-service.
const store = require('../store');
const { ValidationError } = require('./errors');

/** @typedef {{ items: any }} CreateOrderInput */

class OrdersService {
  /**
   * POST / (routes/orders.js)
   * @param {CreateOrderInput} input
   */
  async createOrder(input) {
    const { items } = input;
    if (!Array.isArray(items) || items.length === 0) {
      throw new ValidationError('items required');
    }
    const total = items.reduce((sum, item) => sum + item.price * item.quantity, 0);
    const order = await store.save({ items, total });
    return order;
  }
}

module.exports = { OrdersService };
