const express = require('express');
const repo = require('../repo');

const router = express.Router();

// res.send, res.end, res.sendStatus and a header call in the chain are all recorded and replayed in order.
router.get('/:name', async (req, res) => {
  const name = req.params.name;
  if (name.startsWith('.')) return res.sendStatus(403);
  const file = await repo.read(name);
  if (!file) {
    res.status(404).end();
    return;
  }
  res.set('Content-Type', 'text/plain').send(file.text);
});

// `send()` without a body answers through send's own header logic: the mapping writes it the same way.
router.delete('/:name', async (req, res) => {
  const name = req.params.name;
  const file = await repo.read(name);
  if (!file) return res.status(410).send();
  const size = file.text.length;
  res.json({ removed: name, size });
});

module.exports = router;
