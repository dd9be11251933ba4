const express = require('express');
const db = require('../db');

const router = express.Router();

// --style functions: exported functions instead of a class.
router.post('/', async (req, res) => {
  const title = String(req.body.title || '').trim();
  if (!title) return res.status(400).json({ error: 'title required' });
  const todo = await db.insert({ title, done: false });
  res.status(201).json(todo);
});

router.delete('/:id', async (req, res) => {
  const id = Number(req.params.id);
  const removed = await db.remove(id);
  if (!removed) return res.status(404).json({ error: 'no such todo' });
  res.sendStatus(204);
});

module.exports = router;
