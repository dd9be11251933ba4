import express from 'express';

const router = express.Router();

router.get('/search', (req, res) => {
  const q = typeof req.query.q === 'string' ? req.query.q : '';
  const tags = Array.isArray(req.query.tag) ? req.query.tag : [];
  res.json({ q, tags, debug: Boolean(req.query.debug) });
});

router.post('/search/saved', (req, res) => {
  if (!req.body.name) {
    res.status(400).json({ error: 'name required' });
    return;
  }
  const label = req.body?.label?.trim();
  res.json({ name: req.body.name.toUpperCase(), label });
});

export default router;
