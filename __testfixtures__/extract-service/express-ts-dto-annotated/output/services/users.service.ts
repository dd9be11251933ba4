// Business logic of routes/users.ts, moved out of its route handlers by remodel extract-service.
import type { CreateUserDto } from '../dto/create-user.dto.js';
import { respond } from './http-result.js';

const users: CreateUserDto[] = [];

export interface CreateUserInput {
  body: CreateUserDto;
}

export class UsersService {
  /**
   * POST / (routes/users.ts)
   */
  createUser(input: CreateUserInput) {
    const { body } = input;
    if (!body.email.includes('@')) return respond().status(400).json({ error: 'invalid email' });
    if (users.some((u) => u.email === body.email)) return respond().status(409).json({ error: 'taken' });
    users.push({ name: body.name, email: body.email });
    return respond().status(201).json({ email: body.email });
  }
}
