var express = require('express');
var db = require('../db');

var router = express.Router();

router.get('/:id', async function (req, res) {
  var team = await db.find(Number(req.params.id));
  if (!team) return res.status(404).json({ error: 'no team' });
  res.json({ team: team.name.toUpperCase(), size: (await db.all()).length });
});

module.exports = router;
