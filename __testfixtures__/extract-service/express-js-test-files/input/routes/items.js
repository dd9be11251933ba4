const express = require('express');
const db = require('../db');

const router = express.Router();

router.get('/:id', async (req, res, next) => {
  try {
    const item = await db.find(req.params.id);
    if (!item) return res.status(404).json({ error: 'not found' });
    res.json(item);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
