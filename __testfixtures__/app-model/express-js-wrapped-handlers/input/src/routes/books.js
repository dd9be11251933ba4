const express = require('express');
const check = require('../middlewares/check');
const books = require('../controllers/books');

const router = express.Router();

router.route('/').get(books.listBooks).post(check(['title']), books.createBook);
router.get('/:id', books.showBook);

module.exports = router;
