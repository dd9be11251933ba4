// Business logic of routes/books.js, moved out of its route handlers by remodel extract-service.
import { findBook } from '../catalog.js';
import { respond } from './http-result.js';

/** @typedef {{ isbn: any }} GetBookInput */

export class BooksService {
  /**
   * GET /:isbn (routes/books.js)
   * @param {GetBookInput} input
   */
  async getBook(input) {
    const { isbn } = input;
    if (isbn.length !== 13) return respond().status(400).json({ error: 'isbn must have 13 digits' });
    const book = await findBook(isbn);
    if (!book) return respond().status(404).json({ error: 'unknown isbn' });
    return respond().json({ isbn, title: book.title });
  }
}
