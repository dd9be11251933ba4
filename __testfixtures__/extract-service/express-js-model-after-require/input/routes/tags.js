var router = require('express').Router();
var db = require('../db');
var Article = db.model('Article');

// The model is all the module needs its require for (mongoose's `var Article = mongoose.model('Article')`): both go
// to the service, and the service's import takes their place.
router.get('/', function(req, res, next) {
  Article.find().distinct('tagList').then(function(tags){
    return res.json({tags: tags});
  }).catch(next);
});

module.exports = router;
