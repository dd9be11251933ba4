import express from 'express';

const router = express.Router();
const ALLOWED = ['theme', 'language'];

router.patch('/settings', (req, res) => {
  // Dynamic keys: no fixed shape to describe, left alone.
  const out: Record<string, unknown> = {};
  for (const key of ALLOWED) out[key] = req.body[key];
  res.json(out);
});

export default router;
