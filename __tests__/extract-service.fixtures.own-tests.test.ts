/**
 * A fixture case may carry the app's own tests (`input/test/*.test.js`, copied to `output/` by the transform as they
 * are): each one runs with Node on both sides and must pass on both. This is what `reloaded-by-tests` is about: a test
 * that loads the router module afresh with its imports replaced passes on the input and would fail on an output whose
 * service module kept the real import; a test that reloads only other modules must not stop the extraction (adversarial
 * round 16, F8), and still passes after it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(repoRoot, '__testfixtures__', 'extract-service');

const cases = fs
  .readdirSync(fixtures, { withFileTypes: true })
  .filter((e) => e.isDirectory() && fs.existsSync(path.join(fixtures, e.name, 'input', 'test')))
  .map((e) => e.name)
  .sort();

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-fixtures-own-tests-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs every test file of one side of a case in a copy of it (node_modules linked to remodel's, which has Express). */
function runOwnTests(caseName: string, side: 'input' | 'output'): { file: string; status: number | null; output: string }[] {
  const copy = path.join(dir, caseName, side);
  fs.cpSync(path.join(fixtures, caseName, side), copy, { recursive: true });
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  return fs
    .readdirSync(path.join(copy, 'test'))
    .filter((f) => /\.test\.[cm]?js$/.test(f))
    .sort()
    .map((f) => {
      const r = spawnSync(process.execPath, [path.join('test', f)], { cwd: copy, encoding: 'utf8', timeout: 30_000 });
      return { file: f, status: r.status, output: `${r.stdout}${r.stderr}` };
    });
}

describe('extract-service fixtures: the app’s own tests pass before and after', () => {
  it('has cases with tests', () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const caseName of cases) {
    it(caseName, () => {
      const before = runOwnTests(caseName, 'input');
      const after = runOwnTests(caseName, 'output');
      expect(before.length).toBeGreaterThan(0);
      expect(after.map((r) => r.file)).toEqual(before.map((r) => r.file));
      for (const r of [...before, ...after]) expect({ file: r.file, status: r.status, output: r.output }).toEqual({ file: r.file, status: 0, output: r.output });
    });
  }
});
