const express = require('express');
const router = express.Router();
let counter = 0;

router.get('/', function (req, res) {
  counter += 1;
  const payload = { count: counter };
  res.json(payload);
});

module.exports = router;
