import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that take longest (wall seconds of each file in a full run on the quiet 2-core machine, the CLI
 * processes it spawns included; the suite's total is dominated by them), longest first. Two workers share the files; when a long file starts last, one core idles
 * while the other finishes it. Without the results of an earlier run (a fresh clone in CI has none) vitest orders files by size,
 * which puts some of the slowest in the middle. Listed files run first in this order, the rest as vitest orders them.
 * An approximate order is enough: a file missing here only runs later.
 */
const SLOWEST_FIRST = [
  'pr.test.ts',
  'recipes.example.test.ts',
  'introduce-dto.example.test.ts',
  'safety-engine.test.ts',
  'project-contract.test.ts',
  // After a fixed corpus (real-files) and in-process runs (safety-writes) about half their CPU: estimated, not yet
  // measured in a quiet full run.
  'real-files.test.ts',
  'safety-writes.test.ts',
  'extract-service.example.test.ts',
  'safety-timeout-builtin.test.ts',
  'map-cli.test.ts',
  'cli.test.ts',
  'introduce-dto.test.ts',
  'project-engine.test.ts',
  'extract-service.test.ts',
  'recipes.test.ts',
  'safety-cache.test.ts',
  'legacy-example.test.ts',
  'cjs-to-esm.example.test.ts',
  'map-browser.test.ts',
  'progress.test.ts',
  'move-symbol.test.ts',
];

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOWEST_FIRST.indexOf(path.basename(f.moduleId));
      return i === -1 ? SLOWEST_FIRST.length : i;
    };
    // Array#sort is stable: files not listed keep vitest's order among themselves.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
