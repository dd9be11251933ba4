// Business logic of routes/orders.js, moved out of its route handlers by remodel extract-service.
const store = require('../store');
const { respond } = require('./http-result');

/** @typedef {{ items: any }} PlaceOrderInput */

class OrdersService {
  /**
   * POST / (routes/orders.js)
   * @param {PlaceOrderInput} input
   */
  async placeOrder(input) {
    const { items } = input;
    if (!Array.isArray(items) || items.length === 0) {
      return respond().status(400).json({ error: 'items required' });
    }
    const total = items.reduce((sum, item) => sum + item.price * item.quantity, 0);
    const order = await store.save({ items, total });
    return respond().status(201).json(order);
  }
}

module.exports = { OrdersService };
