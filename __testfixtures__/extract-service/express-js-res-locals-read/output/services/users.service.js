// Business logic of routes/admin.js, moved out of its route handlers by remodel extract-service.
const users = require('../users');
const { ForbiddenError, ValidationError } = require('./errors');

/** @typedef {{ role: any }} ListUsersInput */

/** @typedef {{ role: any, body: any, userId: any }} CreateUserInput */

class UsersService {
  /**
   * GET /users (routes/admin.js)
   * @param {ListUsersInput} input
   */
  listUsers(input) {
    const { role } = input;
    if (role !== 'admin') throw new ForbiddenError('forbidden');
    const list = users.all().map((u) => ({ id: u.id, name: u.name }));
    return list;
  }

  /**
   * POST /users (routes/admin.js)
   * @param {CreateUserInput} input
   */
  createUser(input) {
    const { role, body, userId } = input;
    if (role !== 'admin') throw new ForbiddenError('forbidden');
    const name = body.name;
    if (!name) throw new ValidationError('name is required');
    const user = users.add(name, userId);
    return user;
  }
}

module.exports = { UsersService };
