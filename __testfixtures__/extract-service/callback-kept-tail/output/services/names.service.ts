// Business logic of routes/account.ts, moved out of its route handlers by remodel extract-service.
import { User, UserDocument, CallbackError } from '../models.js';
import { NotFoundError } from './errors.js';

export interface CreateNameInput {
  user: import("../models").UserDocument;
  name: any;
}

export class NamesService {
  /**
   * POST /account/name (routes/account.ts)
   */
  async createName(input: CreateNameInput) {
    const { user, name } = input;
    const userResult = await new Promise<UserDocument | null>((resolve, reject) => User.findById(user.id, (error: CallbackError, value: UserDocument | null) => (error ? reject(error) : resolve(value))));
    if (!userResult) { throw new NotFoundError('no such user'); }
    userResult.name = name || '';
    await new Promise<void>((resolve, reject) => userResult.save((error: CallbackError) => (error ? reject(error) : resolve())));
  }
}
