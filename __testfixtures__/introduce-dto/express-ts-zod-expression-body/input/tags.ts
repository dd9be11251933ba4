import express from 'express';

const router = express.Router();

router.get('/tags/:tagId', (req, res) => res.json({ id: req.params.tagId }));

export default router;
