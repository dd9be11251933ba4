'use strict';

// Business logic of routes/things.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var fmt = require('../fmt').fmt;

/** @typedef {{ id: any }} GetThingInput */

class ThingsService {
  /**
   * GET /things/:id (routes/things.js)
   * @param {GetThingInput} input
   */
  async getThing(input) {
    const { id } = input;
    var u = await db.findThing(Number(id));
    var n = await db.count(u.id);
    return { u: fmt(u.name), n: n };
  }
}

module.exports = { ThingsService };
