// Business logic of routes/contacts.ts, moved out of its route handlers by remodel extract-service.
import * as db from '../db';
import { NotFoundError } from './errors';

export interface GetMineInput {
  email: string | undefined;
}

export class MineService {
  /**
   * GET /mine (routes/contacts.ts)
   */
  async getMine(input: GetMineInput) {
    const { email } = input;
    const contact = await db.findByEmail(email ?? '');
    if (!contact) throw new NotFoundError('none');
    return contact;
  }
}
