import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, repoRoot, tempDir, testCacheHome, writeFiles } from './support/helpers.js';

/**
 * `--timeout` protects built-in transforms too (issue 16): a built-in that hangs on one file, on a run of a few files
 * (which once ran in the CLI's main thread, where a synchronous loop hung the whole run), fails that file with
 * reason `timeout` and the other files are done. The hang is injected by a test-only module loader hook
 * (__tests__/support/hang-builtin.mjs, through NODE_OPTIONS, so the CLI's workers get it too); remodel has no
 * hook of its own for it.
 */
const hook = path.join(repoRoot, '__tests__', 'support', 'hang-builtin.mjs');

function runHanging(args: string[], cwd: string) {
  const started = Date.now();
  const res = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: testCacheHome, NODE_OPTIONS: `--import ${hook}` },
    // A run that hangs is killed here and fails the test, instead of hanging the suite.
    timeout: 60_000,
  });
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr, signal: res.signal, ms: Date.now() - started };
}

const module = (name: string, marker = '') => `${marker ? `// ${marker}\n` : ''}var ${name} = require('./${name}-dep');\nmodule.exports = ${name};\n`;

describe('a built-in transform that hangs on one file', () => {
  for (const [what, marker] of [
    ['loops forever (synchronously)', 'remodel-test-hang'],
    ['returns a promise that never settles', 'remodel-test-never'],
  ] as const) {
    it(`${what}: that file fails with reason timeout, the other files are done, exit 3`, () => {
      const dir = tempDir();
      writeFiles(dir, { 'package.json': '{"name":"p"}\n', 'a.js': module('a'), 'b.js': module('b', marker), 'c.js': module('c') });
      // Long enough for the other files on a loaded machine (the first file's time includes loading Babel's traverse).
      const res = runHanging(['run', 'no-var', 'a.js', 'b.js', 'c.js', '--json', '--no-cache', '--timeout', '8'], dir);
      expect(res.signal, `the run hung (stderr: ${res.stderr})`).toBeNull();
      expect(res.code).toBe(3);
      const report = JSON.parse(res.stdout) as { files: Array<{ path: string; status: string; reason?: string; error?: { message: string } }> };
      const byPath = Object.fromEntries(report.files.map((f) => [f.path, f]));
      expect(byPath['b.js']).toMatchObject({ status: 'error', reason: 'timeout' });
      expect(byPath['b.js'].error?.message).toMatch(/timed out after 8 s/);
      expect(byPath['a.js'].status).toBe('changed');
      expect(byPath['c.js'].status).toBe('changed');
    });
  }

  it('the hook leaves a file without the marker alone: the same run without a hanging file changes all three', () => {
    const dir = tempDir();
    writeFiles(dir, { 'package.json': '{"name":"p"}\n', 'a.js': module('a'), 'b.js': module('b'), 'c.js': module('c') });
    const res = runHanging(['run', 'no-var', 'a.js', 'b.js', 'c.js', '--json', '--no-cache'], dir);
    expect(res.code, res.stderr).toBe(0);
    const report = JSON.parse(res.stdout) as { files: Array<{ status: string }> };
    expect(report.files.map((f) => f.status)).toEqual(['changed', 'changed', 'changed']);
  });
});
