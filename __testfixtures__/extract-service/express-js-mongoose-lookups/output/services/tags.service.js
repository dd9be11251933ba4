// Business logic of routes/tags.js, moved out of its route handlers by remodel extract-service.
var mongoose = require('mongoose');
var { NotFoundError } = require('./errors');

var Tag = mongoose.model('Tag');

var LIMIT = 3;

/** @typedef {{ id: any }} GetTagInput */

class TagsService {
  /**
   * GET /tags/:id (routes/tags.js)
   * @param {GetTagInput} input
   */
  async getTag(input) {
    const { id } = input;
    var tag = await Tag.findById(Number(id));
    if (!tag) throw new NotFoundError('no tag');
    return { name: tag.name.slice(0, LIMIT).toUpperCase() };
  }
}

module.exports = { TagsService };
