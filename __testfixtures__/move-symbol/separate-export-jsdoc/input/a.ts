/** Two-letter initials. */
function initials(name: string): string {
  return name
    .split(' ')
    .map((part) => part[0])
    .join('');
}

export { initials };
