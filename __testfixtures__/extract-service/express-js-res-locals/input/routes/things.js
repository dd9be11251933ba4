var express = require('express');
var db = require('../db');
var router = express.Router();

// res.locals is written between the logic steps: later middleware may read it, so the handler stays.
router.get('/:id', async function (req, res) {
  var thing = await db.find(Number(req.params.id));
  res.locals.thing = thing;
  if (!thing.id) return res.sendStatus(404);
  res.json(thing);
});

module.exports = router;
