var router = require('express').Router();
var { TagsService } = require('../services/tags.service');

var tagsService = new TagsService();

// The model is all the module needs its require for (mongoose's `var Article = mongoose.model('Article')`): both go
// to the service, and the service's import takes their place.
router.get('/', function(req, res, next) {
  tagsService.listTags()
    .then(function (result) {
      res.json(result);
    })
    .catch(next);
});

module.exports = router;
