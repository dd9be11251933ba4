import { Router } from 'express';
import * as db from '../db';

const router = Router();

// The declared overload takes an error-first callback last: the service awaits the call.
router.get('/:id', (req, res, next) => {
  const id = Number(req.params.id);
  db.findRow(id, (err: db.CallbackError, row: db.Row | null) => {
    if (err) return next(err);
    if (!row) return res.status(404).json({ error: 'no row' });
    res.json({ id: row.id, name: row.name });
  });
});

// No result: the promise is a Promise<void>.
router.delete('/:id', (req, res, next) => {
  const id = Number(req.params.id);
  if (!id) return res.status(400).json({ error: 'bad id' });
  db.removeRow(id, (err) => {
    if (err) return next(err);
    res.sendStatus(204);
  });
});

// The listener's error is not optional: not an error-first callback API, left alone.
router.get('/', (req, res, next) => {
  db.watchRows((err: Error, row: db.Row) => {
    if (err) return next(err);
    res.json(row);
  });
});

export default router;
