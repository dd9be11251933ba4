const express = require('express');
const db = require('../db');
const router = express.Router();

// The request is logged before the try/catch: the log line stays in the handler, the try/catch stays the
// handler's error path, and only the logic inside the try moves.
router.post('/remove', async (req, res) => {
  console.log('HIT /remove with body:', req.body);

  try {
    const { id } = req.body;
    if (id === undefined) {
      return res.status(400).json({ error: 'Missing required field: id' });
    }
    const item = await db.remove(Number(id));
    if (!item) {
      return res.status(404).json({ error: 'Item not found.' });
    }
    res.status(200).json({ message: 'Item removed.', id: item.id, name: item.name });
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: 'Database query failed.' });
  }
});

module.exports = router;
