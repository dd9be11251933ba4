const zlib = require('zlib');
const { promisify } = require('util');
const express = require('express');

const router = express.Router();

// The call is the last statement of an if branch that is itself last: nothing runs after it.
router.post('/echo', async (req, res, next) => {
  const text = 'pong';
  if (req.query.gzip) {
    let buf;
    try {
      buf = await promisify(zlib.gzip)(text);
    } catch (err) {
      return next(err);
    }
    res.set('Content-Encoding', 'gzip').send(buf);
  } else {
    res.send(text);
  }
});

module.exports = router;
