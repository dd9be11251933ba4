const express = require('express');
const db = require('../db');

const router = express.Router();
const codePattern = /^[a-z0-9]+$/;

// Two variants of one resource (continue-code-find, continue-code-fix) share codePattern: one service holds both.
router.put('/continue-code-find/apply/:code', async (req, res) => {
  const code = req.params.code;
  if (!codePattern.test(code)) {
    return res.status(404).send('Invalid code.');
  }
  const count = await db.solve('find', code);
  res.json({ data: count + ' solved' });
});

router.put('/continue-code-fix/apply/:code', async (req, res) => {
  const code = req.params.code;
  if (!codePattern.test(code)) {
    return res.status(404).send('Invalid code.');
  }
  const count = await db.solve('fix', code);
  res.json({ data: count + ' fixed' });
});

module.exports = router;
