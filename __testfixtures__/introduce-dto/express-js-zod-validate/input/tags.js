import express from 'express';

export const router = express.Router();

router.post('/tags', (req, res) => {
  const { label } = req.body;
  res.status(201).json({ label: String(label).toLowerCase() });
});
