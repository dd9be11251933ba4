// Business logic of routes/account.ts, moved out of its route handlers by remodel extract-service.
import { User, UserDocument, CallbackError } from '../models';
import { NotFoundError } from './errors';

export interface DeleteAccountInput {
  user: import('../models').UserDocument;
}

export interface CreateAccountNameInput {
  user: import('../models').UserDocument;
  body: any;
}

export interface TouchAccountInput {
  id: string;
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
   * POST /account/name (routes/account.ts)
   */
  async createAccountName(input: CreateAccountNameInput) {
    const { user, body } = input;
    const userResult = await new Promise<UserDocument | null>((resolve, reject) => User.findById(user.id, (error: CallbackError, value: UserDocument | null) => (error ? reject(error) : resolve(value))));
    if (!userResult) { throw new NotFoundError('no such user'); }
    userResult.name = body.name || '';
    await new Promise<void>((resolve, reject) => userResult.save((error: CallbackError) => (error ? reject(error) : resolve())));
  }

  /**
   * POST /account/touch/:id (routes/account.ts)
   */
  async touchAccount(input: TouchAccountInput) {
    const { id } = input;
    const doc = await new Promise<any>((resolve, reject) => User.findById(id, (error: CallbackError, value: any) => (error ? reject(error) : resolve(value))));
    doc.name = doc.name + '!';
    await new Promise<void>((resolve, reject) => doc.save((error: CallbackError) => (error ? reject(error) : resolve())));
  }
}
