// Business logic of routes/users.ts, moved out of its route handlers by remodel extract-service.
import { findByEmail, insert } from '../users';
import { ConflictError, NotFoundError, ValidationError } from './errors';

export interface CreateUserInput {
  name: any;
  email: any;
}

export interface CreateUserPingInput {
  email: string | undefined;
}

export class UsersService {
  /**
   * POST /users (routes/users.ts)
   */
  async createUser(input: CreateUserInput) {
    const { name, email } = input;
    if (typeof email !== 'string' || !email.includes('@')) throw new ValidationError('invalid email');
    const existing = await findByEmail(email.toLowerCase());
    if (existing) {
      throw new ConflictError('email already registered', { field: 'email' });
    }
    const user = await insert(String(name), email.toLowerCase());
    return { id: user.id, email: user.email };
  }

  /**
   * POST /users/:id/ping (routes/users.ts)
   */
  async createUserPing(input: CreateUserPingInput) {
    const { email } = input;
    const user = await findByEmail(String(email));
    if (!user) throw new NotFoundError();
    await insert('ping', String(email));
  }
}
