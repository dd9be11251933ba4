// Business logic of routes/users.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { NotFoundError, ValidationError } = require('./errors');

/** @typedef {{ id: number, idParam: any }} GetUserInput */

class UsersService {
  /**
   * GET /:id (routes/users.js)
   * @param {GetUserInput} input
   */
  async getUser(input) {
    const { id, idParam } = input;
    if (isNaN(id)) throw new ValidationError('bad id ' + idParam);
    return db.findUser(id)
      .then(function (user) {
        if (!user) throw new NotFoundError('not found');
        return db.countOrders(user.id).then(function (count) {
          return { id: user.id, name: user.name, orders: count };
        });
      });
  }
}

module.exports = { UsersService };
