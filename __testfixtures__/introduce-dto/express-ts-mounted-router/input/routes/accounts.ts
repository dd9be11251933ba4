import { Router, Request, Response } from 'express';

export const accountsRouter = Router();

accountsRouter.get('/', (req: Request, res: Response) => {
  res.json({ owner: req.query.owner });
});

accountsRouter.get('/:accountId', (req, res) => {
  res.json({ id: req.params.accountId });
});

accountsRouter.delete('/:accountId', (req, res) => {
  res.json({ id: req.params.accountId });
});

accountsRouter.post('/:accountId/transfers', (req, res) => {
  const amount: number = req.body.amount;
  res.status(201).json({ from: req.params.accountId, to: req.body.to.trim(), amount });
});
