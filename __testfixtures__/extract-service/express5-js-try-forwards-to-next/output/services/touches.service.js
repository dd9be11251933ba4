// Business logic of app.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');

/** @typedef {{ id: number }} CreateTouchInput */

class TouchesService {
  /**
   * POST /items/:id/touch (app.js)
   * @param {CreateTouchInput} input
   */
  async createTouch(input) {
    const { id } = input;
    if (id < 1) {
      throw new Error('bad id ' + id);
    }
    const item = await db.update(id, { touched: true });
    return { touched: !!item };
  }
}

module.exports = { TouchesService };
