// Business logic of routes/account.ts, moved out of its route handlers by remodel extract-service.
import { User, UserDocument, CallbackError } from '../models.js';

export interface CreateDeleteInput {
  user: import("../models").UserDocument;
}

export class DeletesService {
  /**
   * POST /account/delete (routes/account.ts)
   */
  async createDelete(input: CreateDeleteInput) {
    const { user } = input;
    await new Promise<void>((resolve, reject) => User.remove({ _id: user.id }, (error) => (error ? reject(error) : resolve())));
  }
}
