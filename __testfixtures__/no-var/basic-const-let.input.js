var express = require('express');
var router = express.Router();
var counter = 0;

router.get('/', function (req, res) {
  counter += 1;
  var payload = { count: counter };
  res.json(payload);
});

module.exports = router;
