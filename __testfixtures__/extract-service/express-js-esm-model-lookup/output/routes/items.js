import { Router } from 'express';
import { limit, load } from '../config.js';

export const router = Router();
load();
// Left alone (module-side-effect): an imported binding is live, and `load()` just above changes it; the service,
// imported before this module's body runs, would read it first.
const LIMIT = limit;

router.get('/', (req, res) => {
  let items = [1, 2, 3, 4, 5, 6].slice(0, LIMIT);
  if (req.query.none) return res.status(404).json({ error: 'none' });
  items = items.map((n) => n * 10);
  res.json({ items, limit: LIMIT });
});
