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

// two phrases through one bound function; the handler's request is named like the function's parameter would be
router.get('/:id/summary', async (phrase: Request, res: Response) => {
  const ids = String(phrase.query.ids ?? '').split(',').map(Number);
  const products = await findProducts(ids);
  const title = phrase.__('Basket');
  const footer = phrase.__('Thanks');
  res.json({ title, footer, count: products.length });
});
