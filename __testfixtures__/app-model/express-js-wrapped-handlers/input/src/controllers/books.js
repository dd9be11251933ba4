const catchErrors = require('../utils/catchErrors');
const store = require('../store');

const listBooks = catchErrors(async (req, res) => {
  const books = await store.find(req.query.author);
  res.json(books);
});

const createBook = catchErrors(async (req, res) => {
  const book = await store.insert(req.body.title);
  res.status(201).json(book);
});

async function showBook(req, res) {
  res.json(await store.get(req.params.id));
}

module.exports = { listBooks, createBook, showBook: catchErrors(showBook) };
