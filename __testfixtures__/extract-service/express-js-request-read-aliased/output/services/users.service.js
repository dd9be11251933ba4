// Business logic of app.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { ValidationError } = require('./errors');

/** @typedef {{ name: any, body: any }} CreateUserInput */

/** @typedef {{ id: any, idBody: any, body: any }} ReplaceUserInput */

/** @typedef {{ id: any, idParam: any, body: any, name: any }} ReplaceUserEitherInput */

/** @typedef {{ tag: any, name: any, body: any }} CreateUserOptionalCallInput */

/** @typedef {{ mode: any, nameBody: any }} CreateUserLabelledInput */

/** @typedef {{ name: any, nameBody: any }} CreateUserNestedPatternInput */

class UsersService {
  /**
   * POST /users (app.js)
   * @param {CreateUserInput} input
   */
  async createUser(input) {
    const { name, body } = input;
    if (!name) throw new ValidationError('name is required');
    var user = await db.save(body);
    user.created = true;
    return user;
  }

  /**
   * PUT /users/:id (app.js)
   * @param {ReplaceUserInput} input
   */
  async replaceUser(input) {
    const { id, idBody, body } = input;
    if (idBody === id) {
      await db.rename(body);
      return;
    } else {
      throw new ValidationError('param ID (' + id + ') does not match body ID (' + idBody + ')');
    }
  }

  /**
   * PUT /users/:id/either (app.js)
   * @param {ReplaceUserEitherInput} input
   */
  async replaceUserEither(input) {
    const { id, idParam, body, name } = input;
    var user = id === idParam ? await db.rename(body) : await db.find(name);
    return user;
  }

  /**
   * POST /users/optional-call (app.js)
   * @param {CreateUserOptionalCallInput} input
   */
  async createUserOptionalCall(input) {
    const { tag, name, body } = input;
    var user = await db.save({ name: name || 'none', body: body });
    user.tagged = !!tag;
    user.count = (await db.all()).length;
    return user;
  }

  /**
   * POST /users/labelled (app.js)
   * @param {CreateUserLabelledInput} input
   */
  async createUserLabelled(input) {
    const { mode, nameBody } = input;
    var name = 'none';
    found: {
      if (mode === 'skip') break found;
      name = nameBody;
    }
    var user = await db.save({ name: name });
    user.mode = mode;
    return user;
  }

  /**
   * POST /users/nested-pattern (app.js)
   * @param {CreateUserNestedPatternInput} input
   */
  async createUserNestedPattern(input) {
    const { name, nameBody } = input;
    var user = await db.save({ name: name, again: nameBody });
    user.count = (await db.all()).length;
    return user;
  }
}

module.exports = { UsersService };
