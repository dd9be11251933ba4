import type { User } from './models/user';

export function email(user: User): string {
  return user.email;
}
