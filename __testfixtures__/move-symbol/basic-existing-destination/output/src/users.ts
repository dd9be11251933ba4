import { db } from './db';

export function findUser(id: string) {
  return db.users.find((u) => u.id === id);
}
