import { Router, type Request, type Response } from 'express';
import { count } from '../db';
import { RowsService } from '../services/rows.service';
import { sendDomainError } from './error-responses';

const rowsService = new RowsService();

export const router = Router();

router.get('/:id', async (req: Request, res: Response) => {
  try {
    res.json(await rowsService.getRow({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

// Stays (already thin): it keeps `count` in the router's import.
router.get('/', (req: Request, res: Response) => {
  res.json({ counter: typeof count, id: req.query.id });
});
