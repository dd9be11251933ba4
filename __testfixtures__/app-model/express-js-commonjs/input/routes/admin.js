const express = require('express');
const router = express.Router();

router.get('/stats', function (req, res) {
  res.json({ users: 1 });
});

module.exports = router;
