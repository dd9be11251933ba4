// Business logic of app.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { NotFoundError } = require('./errors');

/** @typedef {{ id: any }} ListTagsInput */

class TagsService {
  /**
   * GET /users/:id/tags (app.js)
   * @param {ListTagsInput} input
   */
  async listTags(input) {
    const { id } = input;
    var user = await db.find(Number(id));
    if (!user) throw new NotFoundError('no user');
    var { tags, name } = user;
    return { name: name.toUpperCase(), tags: tags.join(',') };
  }
}

module.exports = { TagsService };
