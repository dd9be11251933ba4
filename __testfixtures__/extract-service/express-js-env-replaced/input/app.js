require('./strict-env');
const express = require('express');
const { fetchBooks } = require('./books');

const app = express();

// A read of the environment may throw here (strict-env.js): the statements before the try stay outside it, in the
// controller, so such a throw is still not handed to next.
app.get('/books', async (req, res, next) => {
  const apiKey = process.env.BOOKS_KEY;
  const url = `https://books.example/list?key=${apiKey}`;
  try {
    const books = await fetchBooks(url);
    const titles = books.map((b) => b.title.toUpperCase());
    res.json({ titles, count: titles.length });
  } catch (err) {
    next(err);
  }
});

module.exports = app;
