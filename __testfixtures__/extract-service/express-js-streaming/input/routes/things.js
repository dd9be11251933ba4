var express = require('express');
var db = require('../db');
var router = express.Router();

// A streamed response (res.write) cannot be recorded as one result: left alone.
router.get('/:id/export', async function (req, res) {
  var thing = await db.find(Number(req.params.id));
  res.write('id,' + thing.id + '\n');
  res.end();
});

module.exports = router;
