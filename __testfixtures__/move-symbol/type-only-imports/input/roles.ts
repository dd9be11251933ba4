import { type Role, type User } from './types';

export function isAdmin(user: User, role: Role): boolean {
  return role === 'admin' && user.id !== '';
}
