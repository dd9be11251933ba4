// Business logic of routes/users.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { ConflictError, ValidationError } = require('./errors');

var NAME_MAX = 40;

class UsersService {
  /**
   * POST / (routes/users.js)
   * @param {import('../routes/users').CreateUserBody} input
   */
  createUser(input) {
    var { name } = input;
    if (!name || name.length > NAME_MAX) throw new ValidationError('name must be 1 to ' + NAME_MAX + ' characters');
    if (db.findByName(name)) throw new ConflictError('name ' + name + ' is taken');
    var user = db.insertUser(name);
    return user;
  }
}

module.exports = { UsersService };
