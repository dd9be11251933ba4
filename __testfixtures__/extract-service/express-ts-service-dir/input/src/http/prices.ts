import { Router } from 'express';

const router = Router();

const VAT = 0.2;

// --service-dir puts the service (and the shared result module) where the project keeps its domain code.
router.get('/gross', (req, res) => {
  const net = Number(req.query.net);
  if (!Number.isFinite(net) || net < 0) return res.status(400).json({ error: 'net must be a non-negative number' });
  const gross = Math.round(net * (1 + VAT) * 100) / 100;
  res.json({ net, gross });
});

export default router;
