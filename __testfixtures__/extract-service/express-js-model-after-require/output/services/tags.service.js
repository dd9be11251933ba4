// Business logic of routes/tags.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');

var Article = db.model('Article');

class TagsService {
  /**
   * GET /tags (routes/tags.js)
   */
  async listTags() {
    return Article.find().distinct('tagList').then(function(tags){
      return {tags: tags};
    });
  }
}

module.exports = { TagsService };
