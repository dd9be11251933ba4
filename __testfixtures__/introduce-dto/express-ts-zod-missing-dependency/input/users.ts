import express from 'express';

const router = express.Router();

router.post('/users', (req, res) => {
  res.json({ name: req.body.name.trim() });
});

export default router;
