import { Router } from 'express';
import * as db from '../db';
import { RowsService } from '../services/rows.service.js';
import { sendDomainError } from './error-responses.js';

const rowsService = new RowsService();

const router = Router();

// The declared overload takes an error-first callback last: the service awaits the call.
router.get('/:id', (req, res, next) => {
  const id = Number(req.params.id);
  rowsService.getRow({ id })
    .then((result) => {
      res.json(result);
    })
    .catch((e) => {
      if (!sendDomainError(res, e)) next(e);
    });
});

// No result: the promise is a Promise<void>.
router.delete('/:id', (req, res, next) => {
  const id = Number(req.params.id);
  rowsService.deleteRow({ id })
    .then(() => {
      res.sendStatus(204);
    })
    .catch((e) => {
      if (!sendDomainError(res, e)) next(e);
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
