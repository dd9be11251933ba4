export function formatName(first: string, last: string): string {
  return `${first} ${last}`;
}

export { formatName as fullName };
