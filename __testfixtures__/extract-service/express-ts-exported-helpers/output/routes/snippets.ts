import { Router, type Request, type Response } from 'express';

export const router = Router();

export function findSnippet(key: string): string | undefined {
  return key === 'sql' ? 'SELECT 1' : undefined;
}

router.get('/snippets/:key', (req: Request, res: Response) => {
  const key = req.params.key;
  const snippet = findSnippet(key.trim());
  if (!snippet) {
    res.status(404).json({ error: 'No snippet' });
    return;
  }
  res.json({ snippet });
});
