import { Router } from 'express';
import { findBook } from '../catalog.js';

export const router = Router();

// An ES module with .js specifiers: the service is an ES module too, imports keep their extensions.
router.get('/:isbn', async (req, res) => {
  const isbn = req.params.isbn.replace(/-/g, '');
  if (isbn.length !== 13) return res.status(400).json({ error: 'isbn must have 13 digits' });
  const book = await findBook(isbn);
  if (!book) return res.status(404).json({ error: 'unknown isbn' });
  res.json({ isbn, title: book.title });
});
