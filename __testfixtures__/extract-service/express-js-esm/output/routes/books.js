import { Router } from 'express';
import { BooksService } from '../services/books.service.js';
import { sendDomainError } from './error-responses.js';

const booksService = new BooksService();

export const router = Router();

// An ES module with .js specifiers: the service is an ES module too, imports keep their extensions.
router.get('/:isbn', async (req, res) => {
  const isbn = req.params.isbn.replace(/-/g, '');
  try {
    res.json(await booksService.getBook({ isbn }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});
