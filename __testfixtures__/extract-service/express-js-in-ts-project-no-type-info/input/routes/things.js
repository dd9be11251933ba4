const express = require('express');
const db = require('../db');

const router = express.Router();

// A JavaScript router in a TypeScript project without allowJs: no type information (no-type-info).
router.get('/:id', async function (req, res) {
  const id = Number(req.params.id);
  const thing = await db.find(id);
  if (!thing) return res.status(404).json({ error: 'no thing ' + id });
  thing.seen = true;
  res.json(thing);
});

module.exports = router;
