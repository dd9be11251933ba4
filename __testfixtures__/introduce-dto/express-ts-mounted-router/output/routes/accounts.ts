import { Router, Request, Response } from 'express';
import type { AccountParams, AccountTransferParams, CreateAccountTransferBody, ListAccountsQuery } from './accounts.dto';

export const accountsRouter = Router();

accountsRouter.get('/', (req: Request<{}, unknown, unknown, ListAccountsQuery>, res: Response) => {
  res.json({ owner: req.query.owner });
});

accountsRouter.get('/:accountId', (req: Request<AccountParams>, res) => {
  res.json({ id: req.params.accountId });
});

accountsRouter.delete('/:accountId', (req: Request<AccountParams>, res) => {
  res.json({ id: req.params.accountId });
});

accountsRouter.post('/:accountId/transfers', (req: Request<AccountTransferParams, unknown, CreateAccountTransferBody>, res) => {
  const amount: number = req.body.amount;
  res.status(201).json({ from: req.params.accountId, to: req.body.to.trim(), amount });
});
