// Business logic of routes/rows.js, moved out of its route handlers by remodel extract-service.
var store = require('../store');

/** @typedef {{ id: any }} GetRowInput */

class RowsService {
  /**
   * GET /row/:id (routes/rows.js)
   * @param {GetRowInput} input
   */
  async getRow(input) {
    const { id } = input;
    var row = await new Promise(function (resolve, reject) { store.find(id, function (error, value) { if (error) reject(error); else resolve(value); }); });
    return row;
  }
}

module.exports = { RowsService };
