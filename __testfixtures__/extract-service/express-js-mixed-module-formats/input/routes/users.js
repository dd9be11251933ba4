var express = require('express');
var db = require('../db');

var router = express.Router();

// CommonJS, like most router modules of the app: the errors module is written as CommonJS beside them.
router.get('/:id', async function (req, res) {
  var user = await db.find(Number(req.params.id));
  if (!user) return res.status(404).json({ error: 'no user' });
  res.json({ name: user.name.toUpperCase() });
});

module.exports = router;
