import { Router, type Request, type Response } from 'express';

export const router = Router();

function findItem(id: string): { id: string } | undefined {
  return id === '1' ? { id } : undefined;
}

// exported under another name in an export list, which stays: left alone
export { findItem as lookup };

router.get('/items/:id', (req: Request, res: Response) => {
  const id = req.params.id;
  const item = findItem(id.trim());
  if (!item) {
    res.status(404).json({ error: 'No item' });
    return;
  }
  res.json(item);
});
