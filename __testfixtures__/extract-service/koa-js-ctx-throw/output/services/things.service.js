// Business logic of routes/things.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { NotFoundError } = require('./errors');

/** @typedef {{ id: any }} GetThingInput */

class ThingsService {
  /**
   * GET /things/:id (routes/things.js)
   * @param {GetThingInput} input
   */
  async getThing(input) {
    const { id } = input;
    const thing = await db.find(Number(id));
    if (!thing) throw new NotFoundError('no thing');
    return thing;
  }
}

module.exports = { ThingsService };
