import { Router, type Request, type Response } from 'express';

export const router = Router();

export function findCode(key: string): string | undefined {
  return key === 'a' ? 'A-1' : undefined;
}

// loader.ts imports this module as a whole (import()): its exports stay where they are
router.get('/codes/:key', (req: Request, res: Response) => {
  const key = req.params.key;
  const code = findCode(key.trim());
  if (!code) {
    res.status(404).json({ error: 'No code' });
    return;
  }
  res.json({ code });
});
