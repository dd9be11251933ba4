// Business logic of routes/account.ts, moved out of its route handlers by remodel extract-service.
import { User, UserDocument, CallbackError } from '../models.js';

export interface CreateTouchInput {
  id: string;
}

export class TouchesService {
  /**
   * POST /account/touch/:id (routes/account.ts)
   */
  async createTouch(input: CreateTouchInput) {
    const { id } = input;
    const doc = await new Promise<any>((resolve, reject) => User.findById(id, (error: CallbackError, value: any) => (error ? reject(error) : resolve(value))));
    doc.name = doc.name + '!';
    await new Promise<void>((resolve, reject) => doc.save((error: CallbackError) => (error ? reject(error) : resolve())));
  }
}
