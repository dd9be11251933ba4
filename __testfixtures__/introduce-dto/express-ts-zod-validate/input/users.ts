import express from 'express';

const router = express.Router();

router.post('/users', (req, res) => {
  const name: string = req.body.name;
  const tags: string[] = req.body.tags ?? [];
  res.status(201).json({ name, tags, admin: req.body.admin === true });
});

router.get('/users/:id', (req, res) => {
  res.json({ id: req.params.id, fields: req.query.fields?.split(',') });
});

export default router;
