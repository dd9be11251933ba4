var express = require('express');
var db = require('../db');
var audit = [];
var router = express.Router();

// The response is sent before more work on the same path: replaying it after the service returns would
// reorder the side effects, so the handler stays.
router.get('/:id', async function (req, res) {
  var id = Number(req.params.id);
  var thing = await db.find(id);
  res.json(thing);
  audit.push(id);
});

module.exports = router;
