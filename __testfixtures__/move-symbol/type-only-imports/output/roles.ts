import { type Role } from './types';
import { type User } from './models/user';

export function isAdmin(user: User, role: Role): boolean {
  return role === 'admin' && user.id !== '';
}
