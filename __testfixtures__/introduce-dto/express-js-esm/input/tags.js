import express from 'express';

export const router = express.Router();

router.post('/tags', (req, res) => {
  const { label, color = '#ccc' } = req.body;
  res.status(201).json({ label: String(label).toLowerCase(), color });
});

router.get('/tags/:tagId', async (req, res) => {
  res.json({ id: req.params.tagId });
});
