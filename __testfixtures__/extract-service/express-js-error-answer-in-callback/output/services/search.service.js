// Business logic of routes/search.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');

/** @typedef {{ query: any }} GetSearchInput */

class SearchService {
  /**
   * GET /search/:query (routes/search.js)
   * @param {GetSearchInput} input
   */
  async getSearch(input) {
    var { query } = input;
    var vals = await new Promise(function (resolve, reject) { db.members(query, function (error, value) { if (error) reject(error); else resolve(value); }); });
    return vals;
  }
}

module.exports = { SearchService };
