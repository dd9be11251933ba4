const express = require('express');

const router = express.Router();

// a direct eval in the module may name it from anywhere: it stays
let secret = 0;

router.post('/secret/:id', async (req, res) => {
  const id = Number(req.params.id);
  if (!(id > 0)) {
    res.status(400).json({ error: 'bad id' });
    return;
  }
  secret = await Promise.resolve(id * 2);
  res.json({ ok: true });
});

router.get('/peek', (req, res) => {
  res.json({ v: eval('sec' + 'ret') });
});

module.exports = router;
