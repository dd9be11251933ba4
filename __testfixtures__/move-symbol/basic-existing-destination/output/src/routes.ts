import { findUser } from './users';
import { formatDate, formatName } from './format';

export function show(id: string): string {
  const user = findUser(id);
  return user ? `${formatName(user.first, user.last)} ${formatDate(new Date(0))}` : 'none';
}
