var router = require('express').Router();
var { PostsService } = require('../services/posts.service');
var { CommentsService } = require('../services/comments.service');
var { sendDomainError } = require('./error-responses');

var postsService = new PostsService();
var commentsService = new CommentsService();

// Two resources of one router need the User model: a lookup of a registered model gives the same model wherever it
// runs, so PostsService and CommentsService each get their own `var User = mongoose.model('User')`.
router.get('/:id', async function (req, res) {
  try {
    res.json(await postsService.getPost({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

router.get('/:id/comments', async function (req, res) {
  try {
    res.json(await commentsService.listComments({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

module.exports = router;
