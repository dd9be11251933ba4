var router = require('express').Router();
require('../tag-model');
var { TagsService } = require('../services/tags.service');
var { sendDomainError } = require('./error-responses');

var tagsService = new TagsService();

// The model is registered by the require just above its lookup: the service, which now looks it up, is required
// after that require, not before it. The guard shares its line with a constant that moves: it stays.
router.use(function (req, res, next) { if (req.query.deny) return res.status(403).json({ denied: true }); next(); });

router.get('/:id', async function (req, res) {
  try {
    res.json(await tagsService.getTag({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

module.exports = router;
