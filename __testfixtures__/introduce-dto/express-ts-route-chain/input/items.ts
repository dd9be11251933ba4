import { Router } from 'express';

const router = Router();

router
  .route('/items/:itemId')
  .get((req, res) => {
    res.json({ id: req.params.itemId });
  })
  .put((req, res) => {
    const title = String(req.body.title).trim();
    const tags: string[] = req.body.tags;
    res.json({ id: req.params.itemId, title, tags });
  });

export { router };
