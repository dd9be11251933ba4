// Business logic of routes/books.js, moved out of its route handlers by remodel extract-service.
import { findBook } from '../catalog.js';
import { NotFoundError, ValidationError } from './errors.js';

/** @typedef {{ isbn: any }} GetBookInput */

export class BooksService {
  /**
   * GET /:isbn (routes/books.js)
   * @param {GetBookInput} input
   */
  async getBook(input) {
    const { isbn } = input;
    if (isbn.length !== 13) throw new ValidationError('isbn must have 13 digits');
    const book = await findBook(isbn);
    if (!book) throw new NotFoundError('unknown isbn');
    return { isbn, title: book.title };
  }
}
