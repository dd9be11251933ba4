// Business logic of controllers/users.controller.ts, moved out of its route handlers by remodel extract-service.
import * as db from '../db';
import { ConflictError, NotFoundError, ValidationError } from './errors';

export interface CreateUserInput {
  name: any;
  email: any;
}

export interface ListUsersInput {
  email: string;
}

export class UsersService {
  /**
   * POST /users (controllers/users.controller.ts)
   */
  async createUser(input: CreateUserInput) {
    const { name, email } = input;
    if (!email || !email.includes('@')) throw new ValidationError('invalid email');
    const existing = await db.findUserByEmail(email.toLowerCase());
    if (existing) throw new ConflictError('email already registered');
    const user = await db.insertUser({ name, email: email.toLowerCase() });
    return { id: user.id, email: user.email };
  }

  /**
   * GET /users (controllers/users.controller.ts)
   */
  async listUsers(input: ListUsersInput) {
    const { email } = input;
    const user = await db.findUserByEmail(email.toLowerCase());
    if (!user) throw new NotFoundError('no user with that email');
    return { id: user.id, name: user.name };
  }
}
