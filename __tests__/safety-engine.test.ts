import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { applyPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../src/sinks/unified.js';
import { cliPath, git, initRepo, runCli, tempDir, writeFiles } from './support/helpers.js';

/** Hostile transforms and huge diffs (issue 12: items 10, 11 and 16), through the built CLI in real processes. */

const json = (stdout: string) =>
  JSON.parse(stdout) as {
    summary: Record<string, number>;
    files: Array<{ path: string; status: string; reason?: string; error?: { message: string; line?: number; column?: number } }>;
  };

/** Runs the CLI with a hard wall-clock limit, so that a hang fails the test instead of the suite. */
function runBounded(args: string[], cwd: string, limitMs: number) {
  const started = Date.now();
  const res = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: limitMs,
    maxBuffer: 512 * 1024 * 1024,
  });
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr, ms: Date.now() - started, signal: res.signal };
}

/** A jscodeshift transform that misbehaves on files whose name contains `bad`, and rewrites `var` elsewhere. */
function hostile(body: string): string {
  return `module.exports = function (file) {\n  if (file.path.includes('bad')) {\n${body}\n  }\n  return file.source.replace(/var /g, 'let ');\n};\n`;
}

function tree(fileCount: number, bad: number[]) {
  const dir = tempDir('remodel-hostile-');
  const files: Record<string, string> = { 'package.json': '{ "name": "h", "private": true }\n' };
  for (let i = 0; i < fileCount; i++) files[`src/${bad.includes(i) ? 'bad' : 'ok'}${i}.js`] = `var v${i} = ${i};\n`;
  writeFiles(dir, files);
  return dir;
}

/**
 * The endless loop waits 20 ms per turn: Atomics.wait blocks the thread as synchronously as a busy loop (no event
 * loop turn, no message handled), but does not burn a core for the whole --timeout while the other files run.
 */
const behaviours = {
  'loops forever': '    for (const cell = new Int32Array(new SharedArrayBuffer(4)); ; ) Atomics.wait(cell, 0, 0, 20);',
  'never settles': '    return new Promise(() => {});',
  'calls process.exit(0)': '    process.exit(0);',
};

describe('transforms that hang or end the process', () => {
  for (const [what, body] of Object.entries(behaviours)) {
    for (const count of [1, 3, 130]) {
      it(`${what} (${count} file${count > 1 ? 's' : ''}): that file fails (timeout or exit), the others finish, exit 3`, () => {
        const bad = count === 1 ? [0] : count === 3 ? [1] : [5, 77];
        const dir = tree(count, bad);
        writeFiles(dir, { 't.cjs': hostile(body) });
        const res = runBounded(['run', './t.cjs', 'src', '--json', '--no-cache', '--timeout', '2', '--jobs', '2'], dir, 60_000);
        expect(res.signal, res.stderr).toBeNull();
        expect(res.code, res.stderr).toBe(3);
        const report = json(res.stdout);
        expect(report.files).toHaveLength(count);
        for (const f of report.files) {
          if (f.path.includes('bad')) {
            expect(f.status).toBe('error');
            expect(f.reason).toBe(what === 'calls process.exit(0)' ? 'transform-exited' : 'timeout');
          } else expect(f.status).toBe('changed');
        }
      });
    }
  }

  it('a hanging file is reported by path on stderr and never written; the rest are applied', () => {
    const dir = tree(3, [1]);
    writeFiles(dir, { 't.cjs': hostile(behaviours['loops forever']) });
    initRepo(dir);
    const res = runBounded(['run', './t.cjs', 'src', '--timeout', '1'], dir, 60_000);
    expect(res.code, res.stderr).toBe(3);
    expect(res.stderr).toMatch(/src\/bad1\.js.*(timed out|time limit)/);
    expect(fs.readFileSync(path.join(dir, 'src/bad1.js'), 'utf8')).toBe('var v1 = 1;\n');
    expect(fs.readFileSync(path.join(dir, 'src/ok2.js'), 'utf8')).toBe('let v2 = 2;\n');
  });

  it('--timeout must be a positive number', () => {
    const dir = tree(1, []);
    const res = runCli(['run', 'no-var', 'src', '--timeout', '0'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--timeout/);
  });
});

describe('transform output that does not parse', () => {
  it('fails the file with the location, writes nothing, exit 3', () => {
    const dir = tree(2, [0]);
    writeFiles(dir, { 't.cjs': hostile("    return 'const x = ;\\n';") });
    initRepo(dir);
    const res = runCli(['run', './t.cjs', 'src'], dir);
    expect(res.code, res.stderr).toBe(3);
    expect(res.stderr).toMatch(/src\/bad0\.js:1:\d+ .*does not parse/);
    expect(fs.readFileSync(path.join(dir, 'src/bad0.js'), 'utf8')).toBe('var v0 = 0;\n');
    expect(fs.readFileSync(path.join(dir, 'src/ok1.js'), 'utf8')).toBe('let v1 = 1;\n');
    const report = json(runCli(['run', './t.cjs', 'src', '--json'], dir).stdout);
    const bad = report.files.find((f) => f.path === 'src/bad0.js')!;
    expect(bad).toMatchObject({ status: 'error', reason: 'output-does-not-parse', error: { line: 1 } });
  });
});

describe('diff rendering of files with very many edits', () => {
  it('--dry and --patch of 20,000 edits finish, and git apply reproduces the run', () => {
    const dir = tempDir('remodel-bigdiff-');
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) lines.push(`var v${i} = ${i};`, i % 3 ? `use(v${i});` : 'f();');
    writeFiles(dir, { 'package.json': '{}\n', 'big.js': lines.join('\n') + '\nexport {};\n' });
    initRepo(dir);
    const dry = runBounded(['run', 'no-var', '.', '--dry', '--no-cache'], dir, 240_000);
    expect(dry.signal, 'the diff did not finish').toBeNull();
    expect(dry.code, dry.stderr).toBe(0);
    const patch = runBounded(['run', 'no-var', '.', '--patch', '../big.diff', '--no-cache'], dir, 240_000);
    expect(patch.code, patch.stderr).toBe(0);
    git(dir, 'apply', '--check', '../big.diff');
    git(dir, 'apply', '../big.diff');
    const applied = fs.readFileSync(path.join(dir, 'big.js'), 'utf8');
    git(dir, 'checkout', '--', 'big.js');
    expect(runBounded(['run', 'no-var', '.', '--no-cache'], dir, 240_000).code).toBe(0);
    expect(applied).toBe(fs.readFileSync(path.join(dir, 'big.js'), 'utf8'));
  }, 600_000);

  it('hunks always apply back to the new text (random edits, CRLF, missing final newlines)', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const eol = rand(4) === 0 ? '\r\n' : '\n';
      const pool = ['a', 'b', 'c', '}', '', 'x = 1;', 'return;'];
      const before = Array.from({ length: rand(40) }, () => pool[rand(pool.length)]);
      const after = [...before];
      for (let k = rand(8); k > 0; k--) {
        const at = rand(after.length + 1);
        const op = rand(3);
        if (op === 0) after.splice(at, 0, pool[rand(pool.length)] + rand(3));
        else if (op === 1) after.splice(at, 1);
        else after.splice(at, 1, pool[rand(pool.length)]);
      }
      const text = (ls: string[]) => ls.join(eol) + (ls.length && rand(3) ? eol : '');
      const a = text(before);
      const b = text(after);
      const { hunks } = unifiedDiff({ absPath: '/x.js', path: 'x.js', status: 'changed', before: a, after: b }, 'x.js');
      const patch = `--- a/x.js\n+++ b/x.js\n${hunks.map((h) => h + '\n').join('')}`;
      expect(applyPatch(a, patch), JSON.stringify({ a, b, patch })).toBe(b);
    }
  });
});
