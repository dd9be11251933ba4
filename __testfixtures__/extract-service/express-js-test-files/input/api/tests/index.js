// The app's own "tests" resource (lab tests), in a folder named tests/: the app imports it, so it is the app's.
const express = require('express');
const db = require('../../db');

const router = express.Router();
router.get('/lab-tests/:id', async (req, res) => {
  const test = await db.find(req.params.id);
  if (!test) return res.status(404).json({ error: 'no such test' });
  res.json(test);
});

module.exports = router;
