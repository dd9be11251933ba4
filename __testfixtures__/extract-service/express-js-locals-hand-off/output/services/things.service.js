// Business logic of routes/things.js, moved out of its route handlers by remodel extract-service.

/** @typedef {{ db: any, name: any, opts: any, body: any }} CreateThingInput */

/** @typedef {{ db: any, name: any, body: any }} ReplaceThingInput */

/** @typedef {{ db: any, name: any, opts: any, id: any }} GetThingInput */

/** @typedef {{ db: any, name: any, id: any, method: any, body: any }} UpdateThingInput */

/** @typedef {{ db: any, name: any, id: any }} DeleteThingInput */

class ThingsService {
  /**
   * POST /things (routes/things.js)
   * @param {CreateThingInput} input
   */
  createThing(input) {
    const { db, name, opts, body } = input
    let resource
    if (opts.fake) {
      resource = { ...body, id: 0 }
    } else {
      resource = db.get(name).insert(body).value()
    }
    return resource
  }

  /**
   * PUT /things (routes/things.js)
   * @param {ReplaceThingInput} input
   */
  async replaceThing(input) {
    const { db, name, body } = input
    const resource = await db.get(name).insert(body).value()
    return resource
  }

  /**
   * GET /things/:id (routes/things.js)
   * @param {GetThingInput} input
   */
  getThing(input) {
    const { db, name, opts, id } = input
    if (opts.fake) {
      return { id: id }
    } else {
      const found = db.get(name).find(id).value()
      return found
    }
  }

  /**
   * PATCH /things/:id (routes/things.js)
   * @param {UpdateThingInput} input
   */
  updateThing(input) {
    const { db, name, id, method, body } = input
    let resource = db.get(name).find(id).value()
    if (resource && method === 'PATCH') {
      resource = { ...resource, ...body }
    }
    if (resource) {
      return resource
    }
  }

  /**
   * DELETE /things/:id (routes/things.js)
   * @param {DeleteThingInput} input
   */
  deleteThing(input) {
    const { db, name, id } = input
    const resource = db.get(name).remove(id).value()
    if (resource) {
      return {}
    }
  }
}

module.exports = { ThingsService }
