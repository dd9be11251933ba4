// Business logic of routes/posts.js, moved out of its route handlers by remodel extract-service.
var mongoose = require('mongoose');
var { NotFoundError } = require('./errors');

var Post = mongoose.model('Post');
var User = mongoose.model('User');

/** @typedef {{ id: any }} ListCommentsInput */

class CommentsService {
  /**
   * GET /posts/:id/comments (routes/posts.js)
   * @param {ListCommentsInput} input
   */
  async listComments(input) {
    const { id } = input;
    var post = await Post.findById(Number(id));
    if (!post) throw new NotFoundError('no post');
    var out = [];
    for (var c of post.comments) {
      var who = await User.findById(c.author);
      out.push({ body: c.body, author: who ? who.name : null });
    }
    return out;
  }
}

module.exports = { CommentsService };
