import { type Request, type Response } from 'express';
import { findWallet } from '../lib/data';

// This module answers NotFound with its own body: it gets a sendDomainError of its own.
export function getWalletBalance() {
  return async (req: Request, res: Response) => {
    const wallet = await findWallet(req.params.userId);
    if (wallet == null) {
      res.status(404).json({ status: 'error' });
      return;
    }
    const balance = Math.round(wallet.balance * 100) / 100;
    res.status(200).json({ status: 'success', data: balance });
  };
}
