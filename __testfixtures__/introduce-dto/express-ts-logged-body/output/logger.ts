export const logger = {
  debug(format: string, ...args: unknown[]): void {
    if (process.env.DEBUG) console.log(format, ...args);
  },
};
