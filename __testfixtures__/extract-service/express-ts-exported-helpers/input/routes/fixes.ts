import { Router, type Request, type Response } from 'express';
import { defaultStore } from '../store';

export const router = Router();

// exported for the report, a type: moves with the logic and is exported again as a type
export interface Fixes {
  fixes: string[];
  correct: number;
}

const cache: Record<string, Fixes> = {};

// exported for the report, with overloads: moves with the logic, and this module exports it again from the service
export function readFixes(key: string): Fixes;
export function readFixes(key: string, limit: number): Fixes;
export function readFixes(key: string, limit?: number): Fixes {
  if (!cache[key]) cache[key] = { fixes: defaultStore.get(key) ?? [], correct: 0 };
  return limit === undefined ? cache[key] : { ...cache[key], fixes: cache[key].fixes.slice(0, limit) };
}

export let lookups = 0;

export function bumpLookups(): number {
  return ++lookups;
}

router.get('/fixes/:key', (req: Request, res: Response) => {
  const key = req.params.key;
  const fixData = readFixes(key.toLowerCase());
  if (fixData.fixes.length === 0) {
    res.status(404).json({ error: 'No fixes found' });
    return;
  }
  res.status(200).json({ fixes: fixData.fixes });
});

// uses an exported function that assigns an exported `let`: stays
router.get('/lookups', (req: Request, res: Response) => {
  const extra = Number(req.query.extra ?? 0);
  const count = bumpLookups() + extra;
  if (count < 0) {
    res.status(400).json({ error: 'Negative' });
    return;
  }
  res.json({ count });
});

// the factory's parameter is handed to the service as it is
export function countFixes(store = defaultStore) {
  return (req: Request, res: Response) => {
    const fixes = store.get(req.params.key);
    if (!fixes) {
      res.status(404).json({ error: 'No fixes found' });
      return;
    }
    res.json({ count: fixes.length });
  };
}

router.get('/fixes/:key/count', countFixes());
