var router = require('express').Router();
var mongoose = require('mongoose');
var Author = mongoose.model('Author', {
  findById: async function (id) { return id === 1 ? { id: 1, name: 'ann', books: ['a', 'b'] } : null; },
});

// The first route takes the registration to its service; the second, of another resource, is left alone: registering
// the model twice is not a lookup (helper-shared-between-services).
router.get('/:id', async function (req, res) {
  var author = await Author.findById(Number(req.params.id));
  if (!author) return res.status(404).json({ error: 'no author' });
  res.json({ name: author.name.toUpperCase() });
});

router.get('/:id/books', async function (req, res) {
  var author = await Author.findById(Number(req.params.id));
  if (!author) return res.status(404).json({ error: 'no author' });
  res.json(author.books.map(function (b) { return b.toUpperCase(); }));
});

module.exports = router;
