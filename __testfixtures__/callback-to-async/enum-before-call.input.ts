import express from 'express';
import fs from 'fs';

const router = express.Router();

// An enum runs its initialisers: `limit()` may throw, which Express sends to next(err); an async handler would
// leave it unhandled, so the handler stays.
router.get('/report', (req, res, next) => {
  enum Size {
    Max = limit(),
  }
  fs.readFile('report.txt', 'utf8', (err, text) => {
    if (err) return next(err);
    res.send(text.slice(0, Size.Max));
  });
});

function limit(): number {
  return 10;
}

export default router;
