// Business logic of routes/authors.js, moved out of its route handlers by remodel extract-service.
var mongoose = require('mongoose');
var { NotFoundError } = require('./errors');

var Author = mongoose.model('Author', {
  findById: async function (id) { return id === 1 ? { id: 1, name: 'ann', books: ['a', 'b'] } : null; },
});

/** @typedef {{ id: any }} GetAuthorInput */

class AuthorsService {
  /**
   * GET /authors/:id (routes/authors.js)
   * @param {GetAuthorInput} input
   */
  async getAuthor(input) {
    const { id } = input;
    var author = await Author.findById(Number(id));
    if (!author) throw new NotFoundError('no author');
    return { name: author.name.toUpperCase() };
  }
}

module.exports = { AuthorsService, Author };
