import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mtimes, repoRoot, runCli, tempDir, writeFiles } from './support/helpers.js';

const CODE = /\.(js|mjs|cjs|ts|mts|cts)$/;

/**
 * The corpus: 4,000 code files under 400 kB from the installed packages (real npm-package code), copied out of
 * node_modules. The corpus does not grow with the dependencies: node_modules went from ~3,800 such files to ~14,500
 * as dependencies were added, and the three runs below cost in proportion. The files are taken at even intervals
 * from the sorted list of all candidates, so every package of some size keeps files in it and the choice is the
 * same from run to run.
 */
const CORPUS_SIZE = 4000;

function realCorpus(): { dir: string; count: number } {
  const dir = tempDir('remodel-real-');
  const from = path.join(repoRoot, 'node_modules');
  const candidates: string[] = [];
  const visit = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, entry.name);
      if (entry.isDirectory() && entry.name !== '.bin') visit(abs);
      // Multi-megabyte bundles (typescript.js) only make the test slow; they are in the benchmark corpus.
      else if (entry.isFile() && CODE.test(entry.name) && fs.statSync(abs).size < 400_000) candidates.push(abs);
    }
  };
  visit(from);
  candidates.sort();
  const picked = candidates.length <= CORPUS_SIZE ? candidates : Array.from({ length: CORPUS_SIZE }, (_, i) => candidates[Math.floor((i * candidates.length) / CORPUS_SIZE)]);
  let count = 0;
  for (const abs of picked) {
    const to = path.join(dir, 'pkgs', path.relative(from, abs).split(path.sep).join('__'));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(abs, to);
    count++;
  }
  return { dir, count };
}

describe('runs over thousands of real npm-package files', () => {
  it('a no-op run rewrites zero files, and a second no-var run changes nothing', { timeout: 240_000 }, () => {
    const { dir, count } = realCorpus();
    expect(count).toBeGreaterThan(3000);
    writeFiles(dir, { 'identity.cjs': 'module.exports = (file) => file.source;\n' });
    const times = mtimes(dir);
    const noop = runCli(['run', './identity.cjs', 'pkgs', '--format', 'none'], dir);
    expect(noop.code).toBe(0);
    // Empty files come back as '' which, as with jscodeshift's runner, counts as "returned nothing".
    expect(noop.stderr).toContain(`${count} files scanned, 0 changed,`);
    expect(noop.stderr).toContain('wrote 0 file(s)');
    expect(mtimes(dir)).toEqual(times);

    const first = runCli(['run', 'no-var', 'pkgs', '--format', 'none'], dir);
    expect([0, 3]).toContain(first.code); // a few vendored files may not parse; they are reported, never written
    const afterFirst = mtimes(dir);
    const second = runCli(['run', 'no-var', 'pkgs', '--format', 'none', '--json'], dir);
    expect(JSON.parse(second.stdout).summary.changed).toBe(0);
    expect(mtimes(dir)).toEqual(afterFirst);
  });
});
