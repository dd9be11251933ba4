// Business logic of app.js, moved out of its route handlers by remodel extract-service.
const { fetchBooks } = require('../books');

/** @typedef {{ url: string }} ListBooksInput */

class BooksService {
  /**
   * GET /books (app.js)
   * @param {ListBooksInput} input
   */
  async listBooks(input) {
    const { url } = input;
    const books = await fetchBooks(url);
    const titles = books.map((b) => b.title.toUpperCase());
    return { titles, count: titles.length };
  }
}

module.exports = { BooksService };
