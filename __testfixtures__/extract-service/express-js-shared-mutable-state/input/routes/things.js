var express = require('express');
var db = require('../db');
var router = express.Router();

var hits = 0;

// `hits` is module state the handler reassigns and another route reads: moving it would split the variable.
router.get('/:id', async function (req, res) {
  var id = Number(req.params.id);
  hits = hits + 1;
  var thing = await db.find(id);
  if (!thing) return res.status(404).json({ error: 'no thing' });
  res.json(thing);
});

router.get('/stats/hits', function (req, res) {
  res.json({ hits: hits });
});

module.exports = router;
