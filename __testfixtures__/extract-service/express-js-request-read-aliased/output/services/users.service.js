// Business logic of app.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { ValidationError } = require('./errors');

/** @typedef {{ name: any, body: any }} CreateUserInput */

/** @typedef {{ body: any }} CreateUserLateInput */

/** @typedef {{ body: any }} CreateUserGuardedInput */

/** @typedef {{ body: any }} CreateUserOptionalInput */

/** @typedef {{ id: any, idBody: any, body: any }} ReplaceUserInput */

/** @typedef {{ id: any, idParam: any, body: any, name: any }} ReplaceUserEitherInput */

/** @typedef {{ tag: any, name: any, body: any }} CreateUserOptionalCallInput */

/** @typedef {{ mode: any, body: any }} CreateUserLabelledInput */

/** @typedef {{ body: any, requestBody: any }} CreateUserDestructuredInput */

/** @typedef {{ b: any, query: any, body: any }} CreateUserDestructuredRenamedInput */

/** @typedef {{ b: any, body: any }} CreateUserElementAccessInput */

/** @typedef {{ name: any, nameBody: any }} CreateUserNestedPatternInput */

/** @typedef {{ b: any, body: any }} CreateUserComputedKeyInput */

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
   * POST /users/late (app.js)
   * @param {CreateUserLateInput} input
   */
  async createUserLate(input) {
    const { body } = input;
    var user = await db.save(body);
    if (!body.name) throw new ValidationError('name is required');
    user.created = true;
    return user;
  }

  /**
   * POST /users/guarded (app.js)
   * @param {CreateUserGuardedInput} input
   */
  async createUserGuarded(input) {
    const { body } = input;
    if (!body) throw new ValidationError('body required');
    if (!body.name) throw new ValidationError('name is required');
    var user = await db.save(body);
    return user;
  }

  /**
   * POST /users/optional (app.js)
   * @param {CreateUserOptionalInput} input
   */
  async createUserOptional(input) {
    const { body } = input;
    var user = await db.save(body);
    if (!body?.name) throw new ValidationError('name is required');
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
    const { mode, body } = input;
    var name = 'none';
    found: {
      if (mode === 'skip') break found;
      name = body.name;
    }
    var user = await db.save({ name: name });
    user.mode = mode;
    return user;
  }

  /**
   * POST /users/destructured (app.js)
   * @param {CreateUserDestructuredInput} input
   */
  async createUserDestructured(input) {
    const { body, requestBody } = input;
    await db.rename(body);
    var user = await db.save({ name: requestBody.name });
    return user;
  }

  /**
   * POST /users/destructured-renamed (app.js)
   * @param {CreateUserDestructuredRenamedInput} input
   */
  async createUserDestructuredRenamed(input) {
    const { b, query, body } = input;
    await db.rename(b);
    var user = await db.save({ name: body.name, tag: query.tag });
    return user;
  }

  /**
   * POST /users/element-access (app.js)
   * @param {CreateUserElementAccessInput} input
   */
  async createUserElementAccess(input) {
    const { b, body } = input;
    await db.rename(b);
    var user = await db.save({ name: body.name });
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

  /**
   * POST /users/computed-key (app.js)
   * @param {CreateUserComputedKeyInput} input
   */
  async createUserComputedKey(input) {
    const { b, body } = input;
    await db.rename(b);
    var user = await db.save({ name: body.name });
    return user;
  }
}

module.exports = { UsersService };
