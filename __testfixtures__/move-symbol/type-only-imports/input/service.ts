import type { User } from './types';

export function email(user: User): string {
  return user.email;
}
