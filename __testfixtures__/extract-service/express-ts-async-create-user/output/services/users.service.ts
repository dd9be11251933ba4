// Business logic of routes/users.ts, moved out of its route handlers by remodel extract-service.
import * as db from '../db.js';
import { respond } from './http-result.js';

export interface CreateUserInput {
  name: any;
  email: any;
}

export class UsersService {
  /**
   * POST / (routes/users.ts)
   */
  async createUser(input: CreateUserInput) {
    const { name, email } = input;
    if (!email || !email.includes('@')) return respond().status(400).json({ error: 'invalid email' });
    const existing = await db.findUserByEmail(email.toLowerCase());
    if (existing) return respond().status(409).json({ error: 'email already registered' });
    const user = await db.insertUser({ name, email: email.toLowerCase() });
    return respond().status(201).json({ id: user.id, email: user.email });
  }
}
