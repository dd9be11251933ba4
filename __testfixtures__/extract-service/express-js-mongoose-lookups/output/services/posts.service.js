// Business logic of routes/posts.js, moved out of its route handlers by remodel extract-service.
var mongoose = require('mongoose');
var { NotFoundError } = require('./errors');

var Post = mongoose.model('Post');
var User = mongoose.model('User');

/** @typedef {{ id: any }} GetPostInput */

class PostsService {
  /**
   * GET /posts/:id (routes/posts.js)
   * @param {GetPostInput} input
   */
  async getPost(input) {
    const { id } = input;
    var post = await Post.findById(Number(id));
    if (!post) throw new NotFoundError('no post');
    var author = await User.findById(post.author);
    return { title: post.title, author: author ? author.name : null };
  }
}

module.exports = { PostsService };
