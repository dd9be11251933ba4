var router = require('express').Router();
var mongoose = require('mongoose');
var Post = mongoose.model('Post');
var User = mongoose.model('User');

// Two resources of one router need the User model: a lookup of a registered model gives the same model wherever it
// runs, so PostsService and CommentsService each get their own `var User = mongoose.model('User')`.
router.get('/:id', async function (req, res) {
  var post = await Post.findById(Number(req.params.id));
  if (!post) return res.status(404).json({ error: 'no post' });
  var author = await User.findById(post.author);
  res.json({ title: post.title, author: author ? author.name : null });
});

router.get('/:id/comments', async function (req, res) {
  var post = await Post.findById(Number(req.params.id));
  if (!post) return res.status(404).json({ error: 'no post' });
  var out = [];
  for (var c of post.comments) {
    var who = await User.findById(c.author);
    out.push({ body: c.body, author: who ? who.name : null });
  }
  res.json(out);
});

module.exports = router;
