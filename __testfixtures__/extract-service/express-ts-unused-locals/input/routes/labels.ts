import { Router, type Request, type Response } from 'express';
import { find, type Row } from '../db';

export const router = Router();

// An overloaded helper moves whole: its signatures and its implementation.
function label(r: Row): string;
function label(r: Row, suffix: string): string;
function label(r: Row, suffix?: string): string {
  return r.name.toUpperCase() + (suffix ?? '');
}

// A helper merged with a namespace the router keeps using: its declarations cannot move apart (merged-declaration).
function tag(r: Row): string {
  return '#' + r.name;
}
namespace tag {
  export const prefix = '#';
}

router.get('/:id/label', async (req: Request, res: Response) => {
  const row = await find(Number(req.params.id));
  if (!row) return res.status(404).json({ error: 'none' });
  res.json({ label: label(row, '!') });
});

router.get('/:id/tag', async (req: Request, res: Response) => {
  const row = await find(Number(req.params.id));
  if (!row) return res.status(404).json({ error: 'none' });
  res.json({ tag: tag(row), prefix: tag.prefix });
});
