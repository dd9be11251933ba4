/** Thrown for problems the user must fix (unknown transform, bad option, dirty tree): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
