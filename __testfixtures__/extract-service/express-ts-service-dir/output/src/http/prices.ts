import { Router } from 'express';
import { GrossService } from '../domain/gross.service';
import { sendDomainError } from './error-responses';

const grossService = new GrossService();

const router = Router();

// --service-dir puts the service (and the shared result module) where the project keeps its domain code.
router.get('/gross', (req, res) => {
  const net = Number(req.query.net);
  try {
    res.json(grossService.getGross({ net }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

export default router;
