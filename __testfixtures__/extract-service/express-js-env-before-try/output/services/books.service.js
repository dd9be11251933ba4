// Business logic of app.js, moved out of its route handlers by remodel extract-service.
const { fetchBooks } = require('../books');

class BooksService {
  /**
   * GET /books (app.js)
   */
  async listBooks() {
    const apiKey = process.env.BOOKS_KEY;
    const url = `https://books.example/list?key=${apiKey}`;
    const books = await fetchBooks(url);
    if (!books.length) throw new Error('no books');
    return { books };
  }
}

module.exports = { BooksService };
