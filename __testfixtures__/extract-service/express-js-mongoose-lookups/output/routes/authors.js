var router = require('express').Router();
var { AuthorsService, Author } = require('../services/authors.service');
var { sendDomainError } = require('./error-responses');

var authorsService = new AuthorsService();

// The first route takes the registration to its service; the second, of another resource, is left alone: registering
// the model twice is not a lookup (helper-shared-between-services).
router.get('/:id', async function (req, res) {
  try {
    res.json(await authorsService.getAuthor({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

router.get('/:id/books', async function (req, res) {
  var author = await Author.findById(Number(req.params.id));
  if (!author) return res.status(404).json({ error: 'no author' });
  res.json(author.books.map(function (b) { return b.toUpperCase(); }));
});

module.exports = router;
