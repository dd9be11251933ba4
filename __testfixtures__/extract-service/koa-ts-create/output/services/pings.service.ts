// Business logic of routes/users.ts, moved out of its route handlers by remodel extract-service.
import { findByEmail, insert } from '../users.js';
import { NotFoundError } from './errors.js';

export interface CreatePingInput {
  email: string | undefined;
}

export class PingsService {
  /**
   * POST /users/:id/ping (routes/users.ts)
   */
  async createPing(input: CreatePingInput) {
    const { email } = input;
    const user = await findByEmail(String(email));
    if (!user) throw new NotFoundError();
    await insert('ping', String(email));
  }
}
