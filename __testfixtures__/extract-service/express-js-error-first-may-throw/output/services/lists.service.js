// Business logic of routes/lists.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { ValidationError } = require('./errors');

/** @typedef {{ id: number }} GetListInput */

class ListsService {
  /**
   * GET /:id (routes/lists.js)
   * @param {GetListInput} input
   */
  async getList(input) {
    var { id } = input;
    if (!id) throw new ValidationError('bad id');
    var list = await new Promise(function (resolve, reject) { db.remove(id, function (error, value) { if (error) reject(error); else resolve(value); }); });
    return list;
  }
}

module.exports = { ListsService };
