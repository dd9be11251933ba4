const express = require('express');
const { findThing } = require('./db');

const router = express.Router();

// The service would go to services/ at the root, an ES module there ("type": "module"), while this router is
// CommonJS (api/package.json): written in the router's syntax it would not load, so the handler stays.
router.get('/things/:id', async (req, res) => {
  const thing = await findThing(Number(req.params.id));
  if (!thing) return res.status(404).json({ error: 'no such thing' });
  res.json({ name: thing.name, inStock: thing.stock > 0 });
});

module.exports = router;
