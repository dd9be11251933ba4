import express from 'express';
import { subscribe } from './service';
import type { CreateSubscriptionBody, DeleteSubscriptionQuery, SubscriptionParams } from './billing.dto';

const router = express.Router();

router.post('/subscriptions', (req: express.Request<{}, unknown, CreateSubscriptionBody>, res) => {
  const result = subscribe(req.body.email, req.body.plan, req.body.seats);
  if (req.body.trial === true) {
    res.json({ ...result, trial: true });
    return;
  }
  res.json(result);
});

router.delete('/subscriptions/:id', (req: express.Request<SubscriptionParams, unknown, unknown, DeleteSubscriptionQuery>, res) => {
  if (req.query.force === 'yes') res.sendStatus(204);
  else res.status(409).json({ id: req.params.id });
});

export default router;
