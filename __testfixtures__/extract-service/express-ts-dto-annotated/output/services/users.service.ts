// Business logic of routes/users.ts, moved out of its route handlers by remodel extract-service.
import type { CreateUserDto } from '../dto/create-user.dto';
import { ConflictError, ValidationError } from './errors';

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
    if (!body.email.includes('@')) throw new ValidationError('invalid email');
    if (users.some((u) => u.email === body.email)) throw new ConflictError('taken');
    users.push({ name: body.name, email: body.email });
    return { email: body.email };
  }
}
