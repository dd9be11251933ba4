// Business logic of routes/wallets.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { ConflictError, NotFoundError, PaymentRequiredError, ValidationError } = require('./errors');

/** @typedef {{ id: any }} GetWalletInput */

/** @typedef {{ amount: number, id: any }} ReplaceWalletBalanceInput */

/** @typedef {{ wallet: { id: number; owner: string; balance: number; card: boolean; [key: string]: any; }, id: any }} DeleteWalletInput */

/** @typedef {{ id: any }} CreateWalletNestedInput */

class WalletsService {
  /**
   * GET /wallets/:id (routes/wallets.js)
   * @param {GetWalletInput} input
   */
  async getWallet(input) {
    const { id } = input;
    let wallet;
    try {
      wallet = await db.find(id);
    } catch (err) {
      throw new ValidationError('Malformed wallet id');
    }
    if (!wallet) throw new NotFoundError('No such wallet');
    return { id: wallet.id, balance: wallet.balance };
  }

  /**
   * PUT /wallets/:id/balance (routes/wallets.js)
   * @param {ReplaceWalletBalanceInput} input
   */
  async replaceWalletBalance(input) {
    const { amount, id } = input;
    const wallet = await db.find(id);
    if (wallet && wallet.card) {
      try {
        await db.increment(id, amount);
        return { status: 'success', added: amount };
      } catch (err) {
        throw new NotFoundError('No such wallet');
      }
    } else {
      throw new PaymentRequiredError(undefined, { status: 'error', message: 'Payment not accepted.' });
    }
  }

  /**
   * DELETE /wallets/:id (routes/wallets.js)
   * @param {DeleteWalletInput} input
   */
  async deleteWallet(input) {
    const { wallet, id } = input;
    if (!wallet) {
      throw new NotFoundError('No such wallet');
    }
    await db.close(id);
  }

  /**
   * POST /wallets/:id/nested (routes/wallets.js)
   * @param {CreateWalletNestedInput} input
   */
  async createWalletNested(input) {
    const { id } = input;
    const wallet = await db.find(id);
    try {
      await db.close(id);
    } catch (err) {
      throw new ConflictError('Wallet is locked');
    }
    return { closed: wallet.id };
  }
}

module.exports = { WalletsService };
