// Business logic of routes/account.ts, moved out of its route handlers by remodel extract-service.
import { User, UserDocument, CallbackError } from '../models.js';

export interface ListCardsInput {
  user: import("../models").UserDocument;
}

export class CardsService {
  /**
   * GET /account/card (routes/account.ts)
   */
  async listCards(input: ListCardsInput) {
    const { user } = input;
    const userResult = await new Promise<UserDocument | null>((resolve, reject) => User.findById(user.id, (error: CallbackError, value: UserDocument | null) => (error ? reject(error) : resolve(value))));
    return userResult;
  }
}
