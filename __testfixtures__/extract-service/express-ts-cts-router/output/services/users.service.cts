// Business logic of routes/users.cts, moved out of its route handlers by remodel extract-service.
import * as db from '../db.cjs';
import { ConflictError, ValidationError } from './errors.cjs';

export interface CreateUserInput {
  name: any;
  email: any;
}

export class UsersService {
  /**
   * POST / (routes/users.cts)
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
