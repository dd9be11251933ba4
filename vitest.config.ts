import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    // CLI tests run dist/: anything older than its source is compiled again first (never a stale build).
    globalSetup: ['__tests__/support/fresh-dist.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // End-to-end tests spawn the CLI with worker threads; keep two files at a time on a 2-core machine.
    maxWorkers: 2,
  },
});
