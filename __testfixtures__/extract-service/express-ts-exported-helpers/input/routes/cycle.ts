import { Router, type Request, type Response } from 'express';
import { sizeOfA } from '../sizes';

export const router = Router();

export function readCycle(key: string): string[] {
  return key === 'a' ? ['x', 'y'] : [];
}

// sizes.ts, which this module imports, imports readCycle back and uses it as it loads: an import cycle, left alone
router.get('/cycle/:key', (req: Request, res: Response) => {
  const key = req.params.key;
  const found = readCycle(key.trim());
  if (found.length === 0) {
    res.status(404).json({ error: 'Nothing', sizeOfA });
    return;
  }
  res.json({ found });
});
