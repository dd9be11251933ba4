var express = require('express');
var db = require('../db');
var router = express.Router();

// The logic hands over to the next route itself (next()): left alone.
router.get('/:id', async function (req, res, next) {
  var id = Number(req.params.id);
  if (id === 0) return next();
  var thing = await db.find(id);
  res.json(thing);
});

module.exports = router;
