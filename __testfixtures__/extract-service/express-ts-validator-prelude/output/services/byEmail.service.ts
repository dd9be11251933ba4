// Business logic of routes/contacts.ts, moved out of its route handlers by remodel extract-service.
import * as db from '../db';
import { ValidationError } from './errors';

export interface GetByEmailInput {
  email: string;
}

export class ByEmailService {
  /**
   * GET /by-email (routes/contacts.ts)
   */
  async getByEmail(input: GetByEmailInput) {
    const { email } = input;
    if (email.length > 100) throw new ValidationError('too long');
    const contact = await db.findByEmail(email);
    return contact ?? null;
  }
}
