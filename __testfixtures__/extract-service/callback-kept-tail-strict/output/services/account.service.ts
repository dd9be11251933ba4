// Business logic of routes/account.ts, moved out of its route handlers by remodel extract-service.
import { User, UserDocument, CallbackError } from '../models';

export interface DeleteAccountInput {
  user: import('../models').UserDocument;
}

export interface GetAccountCardInput {
  user: import('../models').UserDocument;
}

export class AccountService {
  /**
   * POST /account/delete (routes/account.ts)
   */
  async deleteAccount(input: DeleteAccountInput) {
    const { user } = input;
    await new Promise<void>((resolve, reject) => User.remove({ _id: user.id }, (error) => (error ? reject(error) : resolve())));
  }

  /**
   * GET /account/card (routes/account.ts)
   */
  async getAccountCard(input: GetAccountCardInput) {
    const { user } = input;
    const userResult = await new Promise<UserDocument | null>((resolve, reject) => User.findById(user.id, (error: CallbackError, value: UserDocument | null) => (error ? reject(error) : resolve(value))));
    return userResult;
  }
}
