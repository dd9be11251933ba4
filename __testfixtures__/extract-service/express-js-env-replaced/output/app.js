require('./strict-env');
const express = require('express');
const { BooksService } = require('./services/books.service');

const booksService = new BooksService();

const app = express();

// A read of the environment may throw here (strict-env.js): the statements before the try stay outside it, in the
// controller, so such a throw is still not handed to next.
app.get('/books', async (req, res, next) => {
  const apiKey = process.env.BOOKS_KEY;
  const url = `https://books.example/list?key=${apiKey}`;
  try {
    res.json(await booksService.listBooks({ url }));
  } catch (err) {
    next(err);
  }
});

module.exports = app;
