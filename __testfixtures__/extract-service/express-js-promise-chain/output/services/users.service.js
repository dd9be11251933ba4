// Business logic of routes/users.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { respond } = require('./http-result');

/** @typedef {{ id: number, idParam: any }} GetUserInput */

class UsersService {
  /**
   * GET /:id (routes/users.js)
   * @param {GetUserInput} input
   */
  async getUser(input) {
    const { id, idParam } = input;
    if (isNaN(id)) return respond().status(400).json({ error: 'bad id ' + idParam });
    return db.findUser(id)
      .then(function (user) {
        if (!user) return respond().status(404).json({ error: 'not found' });
        return db.countOrders(user.id).then(function (count) {
          return respond().json({ id: user.id, name: user.name, orders: count });
        });
      });
  }
}

module.exports = { UsersService };
