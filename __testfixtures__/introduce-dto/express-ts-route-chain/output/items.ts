import { Router } from 'express';
import type { Request } from 'express';
import type { ItemParams, ReplaceItemBody } from './items.dto';

const router = Router();

router
  .route('/items/:itemId')
  .get((req: Request<ItemParams>, res) => {
    res.json({ id: req.params.itemId });
  })
  .put((req: Request<ItemParams, unknown, ReplaceItemBody>, res) => {
    const title = String(req.body.title).trim();
    const tags: string[] = req.body.tags;
    res.json({ id: req.params.itemId, title, tags });
  });

export { router };
