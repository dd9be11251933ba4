var express = require('express');
var db = require('../db');
var router = express.Router();

// `this` inside the handler would mean the service instance once moved: left alone.
router.get('/:id', async function (req, res) {
  var id = Number(req.params.id);
  var thing = await db.find(id);
  if (!thing) return res.status(404).json({ error: 'no thing' });
  res.json({ thing: thing, handler: typeof this });
});

module.exports = router;
