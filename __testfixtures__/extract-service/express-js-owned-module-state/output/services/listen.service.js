// Business logic of routes/things.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { NotFoundError } = require('./errors');

// only the listener route and the helper moving with it read and assign these: they move whole to the service
let listening = false;
let started = 0;

function start() {
  started += 1;
  return started;
}

/** @typedef {{ id: any }} CreateListenInput */

class ListenService {
  /**
   * POST /listen (routes/things.js)
   * @param {CreateListenInput} input
   */
  async createListen(input) {
    const { id } = input;
    const thing = await db.find(Number(id));
    if (!thing) {
      throw new NotFoundError('no thing');
    }
    if (!listening) {
      start();
      listening = true;
    }
    return { name: thing.name, started };
  }
}

module.exports = { ListenService };
