// Business logic of routes/wallet.ts, moved out of its route handlers by remodel extract-service.
import { findWallet } from '../lib/data';
import { NotFoundError } from './errors';

export interface GetWalletBalanceInput {
  userId: string;
}

export class WalletsService {
  /**
   * GET /rest/wallet/:userId/balance (routes/wallet.ts)
   */
  async getWalletBalance(input: GetWalletBalanceInput) {
    const { userId } = input;
    const wallet = await findWallet(userId);
    if (wallet == null) {
      throw new NotFoundError(undefined, { status: 'error' });
    }
    const balance = Math.round(wallet.balance * 100) / 100;
    return { status: 'success', data: balance };
  }
}
