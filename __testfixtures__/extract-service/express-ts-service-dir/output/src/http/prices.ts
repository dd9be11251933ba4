import { Router } from 'express';
import { PricesService } from '../domain/prices.service.js';
import { sendDomainError } from './error-responses.js';

const pricesService = new PricesService();

const router = Router();

// --service-dir puts the service (and the shared result module) where the project keeps its domain code.
router.get('/gross', (req, res) => {
  const net = Number(req.query.net);
  try {
    res.json(pricesService.getPricesGross({ net }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

export default router;
