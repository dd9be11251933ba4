// Things: the other router of the app.
'use strict';

var router = require('express').Router();
var db = require('../db'); // the store
var fmt = require('../fmt').fmt;

// Both requires move to the service; the first one's comment goes with it. The module is strict after its header
// comment, and so is the service.
router.get('/:id', async function (req, res) {
  var u = await db.findThing(Number(req.params.id));
  var n = await db.count(u.id);
  res.json({ u: fmt(u.name), n: n });
});

module.exports = router;
