import { db } from './db';

/** Formats a user's display name. */
export function formatName(first: string, last: string): string {
  return `${capitalize(first)} ${capitalize(last)}`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function findUser(id: string) {
  return db.users.find((u) => u.id === id);
}
