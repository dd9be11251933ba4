export function formatDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Formats a user's display name. */
export function formatName(first: string, last: string): string {
  return `${capitalize(first)} ${capitalize(last)}`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
