import express from 'express';
import type { CreateMetricBody } from './metrics.dto';

const router = express.Router();

router.post('/metrics', (req: express.Request<{}, unknown, CreateMetricBody>, res) => {
  // Nothing tells what `value` is, and `unknown` does not compile with `+ 1`: it becomes a commented fallback.
  const next = req.body.value + 1;
  // `source` is only logged: `unknown` compiles, so it stays `unknown`.
  console.log(req.body.source);
  res.json({ next, name: req.body.name.trim() });
});

export default router;
