import { Router, type Request, type Response } from 'express';
import { findProducts } from '../db';

export const router = Router();

// product names translated for the client's locale, in the logic
router.get('/:id', async (req: Request, res: Response) => {
  const ids = String(req.query.ids ?? '').split(',').map(Number);
  const products = await findProducts(ids);
  if (products.length === 0) {
    res.status(404).json({ error: res.__('Empty basket') });
    return;
  }
  for (const p of products) {
    p.name = req.__(p.name);
  }
  res.json({ id: req.params.id, products });
});
