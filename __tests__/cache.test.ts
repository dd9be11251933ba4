import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeFiles } from './support/helpers.js';

/** A jscodeshift transform that logs every file it is called for, so a test can see what the cache spared. */
const COUNTING_TRANSFORM = `
const fs = require('fs');
const path = require('path');
// (the log beside it, not named by the environment: a transform that reads process.env is never cached)
module.exports = function (file, api, options) {
  fs.appendFileSync(path.join(__dirname, 'calls.log'), file.path + '\\n');
  return file.source.replace(/var /g, (options.word || 'let') + ' ');
};
`;

function setup(installed = true) {
  const dir = tempDir('remodel-cache-');
  writeFiles(dir, {
    ...(installed ? { 'node_modules/.package-lock.json': '{}\n' } : {}),
    'package.json': '{ "name": "cached", "private": true }\n',
    't.cjs': COUNTING_TRANSFORM,
    'src/a.js': 'var a = 1;\n',
    'src/b.js': 'var b = 2;\n',
    'src/c.js': 'const c = 3;\n',
  });
  const log = path.join(dir, 'calls.log');
  const run = (...extra: string[]) => {
    fs.writeFileSync(log, '');
    const res = runCli(['run', './t.cjs', 'src', '--json', ...extra], dir, { REMODEL_TEST_LOG: log });
    expect(res.code, res.stderr).toBe(0);
    const calls = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).sort();
    return { report: JSON.parse(res.stdout), calls };
  };
  return { dir, run };
}

describe('result cache', () => {
  it('a second run over unchanged files calls the transform for none of them and reports the same', () => {
    const { dir, run } = setup();
    const first = run();
    expect(first.calls).toEqual(['src/a.js', 'src/b.js', 'src/c.js']);
    const second = run();
    expect(second.calls).toEqual([]);
    expect(second.report.files).toEqual(first.report.files);
    expect(fs.existsSync(path.join(dir, 'node_modules', '.cache', 'remodel'))).toBe(true);
  });

  it('in a package without node_modules the cache lives in the user cache folder: no run creates node_modules (round 18, F15)', () => {
    const { dir, run } = setup(false);
    expect(run('--dry').calls).toHaveLength(3);
    expect(run('--dry').calls).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'node_modules'))).toBe(false);
  });

  it('a changed file, changed options or a changed transform invalidate exactly what they should', () => {
    const { dir, run } = setup();
    run();
    fs.writeFileSync(path.join(dir, 'src/b.js'), 'var b = 22;\n');
    expect(run().calls).toEqual(['src/b.js']);
    expect(run('--word', 'const').calls).toEqual(['src/a.js', 'src/b.js', 'src/c.js']);
    expect(run('--word', 'const').calls).toEqual([]);
    fs.appendFileSync(path.join(dir, 't.cjs'), '// edited\n');
    expect(run('--word', 'const').calls).toEqual(['src/a.js', 'src/b.js', 'src/c.js']);
  });

  it('--no-cache runs everything; --cache-dir puts the cache elsewhere', () => {
    const { dir, run } = setup();
    run();
    expect(run('--no-cache').calls).toHaveLength(3);
    const elsewhere = tempDir('remodel-cache-dir-');
    expect(run('--cache-dir', elsewhere).calls).toHaveLength(3);
    expect(run('--cache-dir', elsewhere).calls).toHaveLength(0);
    expect(fs.readdirSync(elsewhere).length).toBeGreaterThan(0);
    void dir;
  });

  it('cached changes are applied exactly like fresh ones, and a file edited to the result is then unchanged', () => {
    const { dir, run } = setup();
    const dry = run();
    expect(dry.report.summary.changed).toBe(2);
    const applied = runCli(['run', './t.cjs', 'src'], dir, { REMODEL_TEST_LOG: path.join(dir, 'calls.log') });
    expect(applied.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'src/a.js'), 'utf8')).toBe('let a = 1;\n');
    const after = run();
    expect(after.report.summary.changed).toBe(0);
  });
});
