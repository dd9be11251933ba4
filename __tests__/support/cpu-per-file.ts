/**
 * Opt-in measurement (REMODEL_CPU_LOG=<file>): appends one JSON line per test file with the CPU time its worker
 * spent on it (user + system, this process only: CLI processes a test spawns are not counted), its wall time, and
 * the number of tests and of assertions (expect() calls) that ran.
 * For comparing the suite's cost per file before and after a change, on a machine whose load varies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';

const log = process.env.REMODEL_CPU_LOG;
if (log) {
  // From before the test file is imported (collection included: importing TypeScript is part of a file's cost).
  const cpu = process.cpuUsage();
  const wall = performance.now();
  // Assertions made (expect() calls that ran), summed over the file's tests: a speed change must not lower it.
  let assertions = 0;
  let tests = 0;
  afterEach(() => {
    assertions += expect.getState().assertionCalls;
    tests++;
  });
  afterAll(() => {
    const used = process.cpuUsage(cpu);
    const file = path.basename(expect.getState().testPath ?? 'unknown');
    const line = { file, cpuS: +((used.user + used.system) / 1e6).toFixed(2), wallS: +((performance.now() - wall) / 1000).toFixed(2), tests, assertions, pid: process.pid };
    fs.appendFileSync(log, JSON.stringify(line) + '\n');
  });
}
