// Business logic of routes/contacts.ts, moved out of its route handlers by remodel extract-service.
import * as db from '../db.js';
import { NotFoundError } from './errors.js';

export interface ListMinesInput {
  email: string | undefined;
}

export class MinesService {
  /**
   * GET /mine (routes/contacts.ts)
   */
  async listMines(input: ListMinesInput) {
    const { email } = input;
    const contact = await db.findByEmail(email ?? '');
    if (!contact) throw new NotFoundError('none');
    return contact;
  }
}
