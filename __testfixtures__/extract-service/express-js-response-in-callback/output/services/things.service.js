// Business logic of routes/things.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { NotFoundError, ValidationError } = require('./errors');

/** @typedef {{ id: number }} DeleteThingInput */

class ThingsService {
  /**
   * DELETE /:id (routes/things.js)
   * @param {DeleteThingInput} input
   */
  async deleteThing(input) {
    var { id } = input;
    if (!id) throw new ValidationError('bad id');
    var removed = await new Promise(function (resolve, reject) { db.remove(id, function (error, value) { if (error) reject(error); else resolve(value); }); });
    if (!removed) throw new NotFoundError();
  }
}

module.exports = { ThingsService };
