import { Router } from 'express';
import { PricesService } from '../domain/prices.service.js';
import { sendResult } from '../domain/http-result.js';

const pricesService = new PricesService();

const router = Router();

// --service-dir puts the service (and the shared result module) where the project keeps its domain code.
router.get('/gross', (req, res) => {
  const net = Number(req.query.net);
  sendResult(res, pricesService.getPricesGross({ net }));
});

export default router;
