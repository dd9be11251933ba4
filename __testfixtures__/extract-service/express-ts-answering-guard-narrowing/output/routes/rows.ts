import { Router, Response } from 'express';
import { find, findNow, count, Row } from '../db';
import { RowsService } from '../services/rows.service';
import { sendDomainError } from './error-responses';

const rowsService = new RowsService();

const router = Router();

function verifyRow(row: Row | undefined, res: Response): Row {
  if (!row) {
    res.status(404).json({ error: 'no row' });
    throw new Error('answered');
  }
  return row;
}

function verifyName(name: unknown, res: Response): string | void {
  if (typeof name !== 'string') {
    res.status(400).json({ error: 'bad name' });
    return;
  }
  return name;
}

type NewThing = { name: string };

function isThing(v: unknown, res: Response): v is NewThing {
  if (typeof v === 'object' && v !== null && typeof (v as NewThing).name === 'string') return true;
  res.status(400).json({ error: 'bad thing' });
  return false;
}

// `string | void`: the guard narrows the name, which the service's input could not say; left alone
router.post('/names', async (req, res) => {
  const name = verifyName(req.body.name, res);
  if (!name) return;
  const row = await find(name.length);
  if (!row) return res.status(404).json({ error: 'none' });
  res.json({ got: row.name + name.trim() });
});

// a type predicate narrows the body the same way; left alone
router.post('/things', async (req, res) => {
  const body: unknown = req.body;
  if (!isThing(body, res)) return;
  const n = await count();
  if (n > 100) return res.status(409).json({ error: 'full' });
  res.json({ name: body.name.toUpperCase(), n });
});

// a helper typed with the value itself: the guard narrows nothing, so it stays in the controller and the logic moves
router.get('/rows/:id', async (req, res) => {
  const found = findNow(Number(req.params.id));
  const row = verifyRow(found, res);
  if (!row) return;
  try {
    res.json(rowsService.getRow({ row }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

export default router;
