// Business logic of routes/things.js, moved out of its route handlers by remodel extract-service.

/** @typedef {{ db: any, name: any, q: any, limit: any }} SearchThingsInput */

/** @typedef {{ db: any, name: any, tag: any }} GetThingsTaggedInput */

class ThingsService {
  /**
   * GET /things/search (routes/things.js)
   * @param {SearchThingsInput} input
   */
  searchThings(input) {
    const { db, name, q, limit } = input
    let found = db.get(name).value().filter((t) => t.name.includes(q))
    if (limit) found = found.slice(0, Number(limit))
    return found
  }

  /**
   * GET /things/tagged (routes/things.js)
   * @param {GetThingsTaggedInput} input
   */
  getThingsTagged(input) {
    const { db, name, tag } = input
    const all = db.get(name).value()
    return all.filter((t) => (t.tag || 'none') === tag)
  }
}

module.exports = { ThingsService }
