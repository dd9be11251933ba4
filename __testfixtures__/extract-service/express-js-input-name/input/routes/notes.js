const express = require('express');
const input = require('../lib/input');
const store = require('../lib/store');

const router = express.Router();

// The service method's parameter is not called `input` here: the logic uses a module named so, which it would hide.
router.post('/', async (req, res) => {
  const { text, tag } = req.body;
  const note = await store.save({ text: input.clean(text), tag });
  res.status(201).json(note);
});

// Nor here: the logic declares its own `input`.
router.post('/draft', async (req, res) => {
  const { text } = req.body;
  const input = { text, draft: true };
  if (!input.text) return res.status(400).json({ error: 'text is required' });
  const note = await store.save(input);
  res.status(201).json(note);
});

module.exports = router;
