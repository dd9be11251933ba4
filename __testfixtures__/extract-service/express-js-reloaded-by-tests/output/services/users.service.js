// Business logic of controllers/users.js, moved out of its route handlers by remodel extract-service.
const { ValidationError } = require('./errors');

/** @typedef {{ name: string }} CreateUserRenameInput */

class UsersService {
  /**
   * POST /users/:id/rename (controllers/users.js)
   * @param {CreateUserRenameInput} input
   */
  createUserRename(input) {
    const { name } = input;
    if (!name) throw new ValidationError('A name is required');
    return { name: name.toUpperCase() };
  }
}

module.exports = { UsersService };
