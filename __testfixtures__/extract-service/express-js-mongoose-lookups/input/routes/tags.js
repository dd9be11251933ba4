var router = require('express').Router();
var mongoose = require('mongoose');
require('../tag-model');
var Tag = mongoose.model('Tag');

// The model is registered by the require just above its lookup: the service, which now looks it up, is required
// after that require, not before it. The guard shares its line with a constant that moves: it stays.
router.use(function (req, res, next) { if (req.query.deny) return res.status(403).json({ denied: true }); next(); }); var LIMIT = 3;

router.get('/:id', async function (req, res) {
  var tag = await Tag.findById(Number(req.params.id));
  if (!tag) return res.status(404).json({ error: 'no tag' });
  res.json({ name: tag.name.slice(0, LIMIT).toUpperCase() });
});

module.exports = router;
