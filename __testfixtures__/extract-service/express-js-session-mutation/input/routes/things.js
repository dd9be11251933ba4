var express = require('express');
var db = require('../db');
var router = express.Router();

// The session is mutated in the middle of the logic: left alone (session-mutation).
router.post('/:id/select', async function (req, res) {
  var id = Number(req.params.id);
  var thing = await db.find(id);
  if (!thing) return res.sendStatus(404);
  req.session.selected = thing.id;
  res.json({ selected: thing.id });
});

module.exports = router;
