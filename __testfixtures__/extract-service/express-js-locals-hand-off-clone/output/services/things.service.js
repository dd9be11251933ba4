// Business logic of routes/things.js, moved out of its route handlers by remodel extract-service.
const _ = require('lodash')

/** @typedef {{ db: any, name: any, _embed: any, id: any }} GetThingInput */

class ThingsService {
  /**
   * GET /things/:id (routes/things.js)
   * @param {GetThingInput} input
   */
  getThing(input) {
    const { db, name, _embed, id } = input
    const found = db.get(name).find(id).value()
    if (found) {
      const clone = _.cloneDeep(found)
      if (_embed) clone.embedded = _embed
      return clone
    }
  }
}

module.exports = { ThingsService }
