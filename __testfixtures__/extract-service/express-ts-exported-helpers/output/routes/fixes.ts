import { Router, type Request, type Response } from 'express';
import { defaultStore } from '../store';
import { FixesService, readFixes } from '../services/fixes.service';
export { readFixes };
export type { Fixes } from '../services/fixes.service';
import { sendDomainError } from './error-responses';

const fixesService = new FixesService();

export const router = Router();

export let lookups = 0;

export function bumpLookups(): number {
  return ++lookups;
}

router.get('/fixes/:key', (req: Request, res: Response) => {
  const key = req.params.key;
  try {
    const result = fixesService.getFix({ key });
    res.status(200).json(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
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
    try {
      res.json(fixesService.getFixCount({ store, key: req.params.key }));
    } catch (err) {
      if (!sendDomainError(res, err)) throw err;
    }
  };
}

router.get('/fixes/:key/count', countFixes());
