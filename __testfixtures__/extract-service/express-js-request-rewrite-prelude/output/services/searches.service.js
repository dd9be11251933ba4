// Business logic of routes/things.js, moved out of its route handlers by remodel extract-service.

/** @typedef {{ db: any, name: any, q: any, limit: any }} ListSearchesInput */

class SearchesService {
  /**
   * GET /things/search (routes/things.js)
   * @param {ListSearchesInput} input
   */
  listSearches(input) {
    const { db, name, q, limit } = input
    let found = db.get(name).value().filter((t) => t.name.includes(q))
    if (limit) found = found.slice(0, Number(limit))
    return found
  }
}

module.exports = { SearchesService }
