// Business logic of routes/things.js, moved out of its route handlers by remodel extract-service.

/** @typedef {{ db: any, name: any, tag: any }} ListTaggedsInput */

class TaggedsService {
  /**
   * GET /things/tagged (routes/things.js)
   * @param {ListTaggedsInput} input
   */
  listTaggeds(input) {
    const { db, name, tag } = input
    const all = db.get(name).value()
    return all.filter((t) => (t.tag || 'none') === tag)
  }
}

module.exports = { TaggedsService }
