// Business logic of controllers/user.controller.js, moved out of its route handlers by remodel extract-service.
const audit = require('../audit');
const { userService } = require('./');
const { NotFoundError } = require('./errors');

/** @typedef {{ userId: any }} GetUserAuditedInput */

class UsersService {
  /**
   * GET /users/:userId/audited (controllers/user.controller.js)
   * @param {GetUserAuditedInput} input
   */
  async getUserAudited(input) {
    const { userId } = input;
    const user = await userService.getUserById(userId);
    if (!user) throw new NotFoundError('User not found');
    const seq = audit.record('read ' + user.id);
    return { user, seq };
  }
}

module.exports = { UsersService };
