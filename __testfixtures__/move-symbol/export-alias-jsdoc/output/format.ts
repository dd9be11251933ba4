/**
 * Formats a user's name.
 * @param first the first name
 */
function formatName(first: string, last: string): string {
  return `${first} ${last}`;
}

export { formatName as fullName };
