var express = require('express');
var db = require('../db');
var router = express.Router();

function sendThing(res, thing) {
  res.json({ thing: thing });
}

// `res` is handed to a helper: the helper could do anything with it, so the handler stays.
router.get('/:id', async function (req, res) {
  var thing = await db.find(Number(req.params.id));
  if (!thing) return res.sendStatus(404);
  sendThing(res, thing);
});

module.exports = router;
