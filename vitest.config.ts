import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './__tests__/support/slow-first-sequencer.js';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    // CLI tests run dist/: anything older than its source is compiled again first (never a stale build).
    // Temporary folders of the run go under one folder removed at the end (support/temp-root.ts).
    globalSetup: ['__tests__/support/temp-root.ts', '__tests__/support/fresh-dist.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // End-to-end tests spawn the CLI with worker threads; keep two files at a time on a 2-core machine.
    maxWorkers: 2,
    // Test files share their worker's modules: TypeScript (most of the suite's work) is loaded and warmed up by the
    // JIT once per worker, not once per file. No test changes global state (env, cwd, mocks) that another could see.
    isolate: false,
    // The slowest files start first, so that both workers stay busy to the end (see the sequencer).
    sequence: { sequencer: SlowFirstSequencer },
    // Declaration files (TypeScript's libs, node_modules' .d.ts) are parsed once per worker, not once per project.
    // REMODEL_CPU_LOG=<file>: the CPU time and assertion count of each test file, one JSON line per file.
    setupFiles: ['__tests__/support/shared-declarations.ts', ...(process.env.REMODEL_CPU_LOG ? ['__tests__/support/cpu-per-file.ts'] : [])],
  },
});
