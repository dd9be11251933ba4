// Business logic of routes/users.ts, moved out of its route handlers by remodel extract-service.
import * as db from '../db';
import { ConflictError, ValidationError } from './errors';

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
    if (!email || !email.includes('@')) throw new ValidationError('invalid email');
    const existing = await db.findUserByEmail(email.toLowerCase());
    if (existing) throw new ConflictError('email already registered');
    const user = await db.insertUser({ name, email: email.toLowerCase() });
    return { id: user.id, email: user.email };
  }
}
