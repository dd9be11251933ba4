/**
 * Formats a user's name.
 * @param first the first name
 */
function formatName(first: string, last: string): string {
  return `${first} ${last}`;
}

export function greet(u: { first: string; last: string }): string {
  return 'hi ' + formatName(u.first, u.last);
}

export { formatName as fullName };
