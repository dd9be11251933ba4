/**
 * @typedef {object} PostCommentParams
 * @property {string} postId
 */
/**
 * @typedef {object} CreatePostCommentBody
 * @property {string} text
 * @property {boolean} pinned
 */
/** @typedef {import('express').Request<PostCommentParams, unknown, CreatePostCommentBody>} CreatePostCommentRequest */
/**
 * @typedef {object} ListPostCommentsQuery
 * @property {string} [since]
 */
/** @typedef {import('express').Request<PostCommentParams, unknown, unknown, ListPostCommentsQuery>} ListPostCommentsRequest */

function normalise(text) {
  return text.trim().replace(/\s+/g, ' ');
}

// The comment text reaches `normalise`, whose uses tell it is a string.
/** @param {CreatePostCommentRequest} req */
function createComment(req, res) {
  var text = normalise(req.body.text);
  res.status(201).json({ postId: req.params.postId, text: text, pinned: req.body.pinned === true });
}

/**
 * Lists comments of a post.
 */
const listComments = /** @param {ListPostCommentsRequest} req */ (req, res) => {
  const { since } = req.query;
  res.json({ postId: req.params.postId, since: since ? since.slice(0, 10) : null });
};

module.exports = { createComment, listComments };
