import fs from 'node:fs';
import path from 'node:path';
import * as acorn from 'acorn';
import { describe, expect, it } from 'vitest';
import { runTransform } from '../src/run.js';
import { skipDecision } from '../src/skip-files.js';
import { allows, clearPackageCache, parseTargetName, resolveTarget } from '../src/target.js';
import { tempDir, writeFiles } from './support/helpers.js';

async function run(dir: string, transform: string, extra: Partial<Parameters<typeof runTransform>[0]> = {}) {
  clearPackageCache();
  const { changeSet } = await runTransform({ cwd: dir, transform, paths: ['.'], dry: true, cache: false, jobs: 1, format: 'none', ...extra });
  return changeSet;
}
const byPath = (cs: Awaited<ReturnType<typeof run>>, p: string) => cs.files.find((f) => f.path === p)!;

describe('module-ness follows Node: package.json "type"', () => {
  it('a .js file in a "type": "module" package is a module even without import/export: its top-level var converts', async () => {
    const dir = tempDir('remodel-type-');
    writeFiles(dir, { 'package.json': '{ "private": true, "type": "module" }\n', 'a.js': 'var x = 1;\nconsole.log(x);\n' });
    const f = byPath(await run(dir, 'no-var'), 'a.js');
    expect(f.status).toBe('changed');
    expect(f.after).toBe('const x = 1;\nconsole.log(x);\n');
  });
  it('the same file without "type" stays a script: global-script', async () => {
    const dir = tempDir('remodel-type-');
    writeFiles(dir, { 'package.json': '{ "private": true }\n', 'a.js': 'if (x) { var y = 1; }\nconsole.log(y);\n' });
    const f = byPath(await run(dir, 'no-var'), 'a.js');
    expect(f.status).toBe('unchanged');
    expect(f.reports?.map((r) => r.reason)).toContain('global-script');
  });
});

describe('target from engines.node, --target overrides', () => {
  it('engines.node >= 0.10 keeps var (reason target); --target node14 converts', async () => {
    const dir = tempDir('remodel-target-');
    writeFiles(dir, { 'package.json': '{ "private": true, "engines": { "node": ">= 0.10" } }\n', 'a.js': 'var fs = require("fs");\nmodule.exports = fs;\n' });
    const f = byPath(await run(dir, 'no-var'), 'a.js');
    expect(f.status).toBe('unchanged');
    expect(f.reports?.[0]).toMatchObject({ reason: 'target' });
    expect(f.reports?.[0].message).toContain('engines.node');
    const g = byPath(await run(dir, 'no-var', { options: { target: 'node14' } }), 'a.js');
    expect(g.status).toBe('changed');
  });
  it('reads targets', () => {
    expect(parseTargetName('node14')).toMatchObject({ es: 2020 });
    expect(parseTargetName('es6')).toMatchObject({ es: 2015 });
    expect(parseTargetName('es5')).toMatchObject({ es: 5 });
    expect(allows(parseTargetName('node8'), 'async-await')).toBe(true);
    expect(allows(parseTargetName('node7.0'), 'async-await')).toBe(false);
    expect(allows(parseTargetName('node12'), 'optional-chaining')).toBe(false);
    expect(allows(parseTargetName('es2016'), 'array-includes')).toBe(true);
    expect(allows(parseTargetName('es2015'), 'array-includes')).toBe(false);
    expect(allows(parseTargetName('es2015'), 'string-includes')).toBe(true);
    expect(() => resolveTarget('/x.js', 'node-latest')).toThrow(/unknown --target/);
  });
  it('the modernize recipe on an engines.node >= 0.10 package leaves every file parseable as ES5', async () => {
    const dir = tempDir('remodel-es5-');
    writeFiles(dir, {
      'package.json': '{ "private": true, "engines": { "node": ">= 0.10" } }\n',
      'lib/app.js': [
        "'use strict';",
        "var fs = require('fs');",
        'function Store(opts) { this.opts = opts || {}; }',
        'Store.prototype.get = function (id, cb) { var self = this; fs.readFile(id, function (err, data) { cb(err, self.opts && self.opts.parse && data); }); };',
        "Store.prototype.name = function () { return 'store: ' + this.opts.name; };",
        'function pick(list, x) { if (x === undefined) x = 1; return list.indexOf(x) !== -1 ? { list: list } : null; }',
        'module.exports = { Store: Store, pick: pick };',
        '',
      ].join('\n'),
    });
    const cs = await run(dir, 'modernize');
    const file = byPath(cs, 'lib/app.js');
    const text = file.status === 'changed' ? (file.after as string) : fs.readFileSync(path.join(dir, 'lib/app.js'), 'utf8');
    expect(() => acorn.parse(text, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    expect(file.reports?.some((r) => r.reason === 'target')).toBe(true);
    // With a modern target the same recipe does rewrite it, and the result parses at that level.
    const modern = byPath(await run(dir, 'modernize', { options: { target: 'node14' } }), 'lib/app.js');
    expect(modern.status).toBe('changed');
    expect(() => acorn.parse(modern.after as string, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
  });
});

describe('skip-files: declaration, minified, generated and vendored files', () => {
  it('decides each reason', () => {
    expect(skipDecision('types/index.d.ts', 'export const version: string;\n')?.reason).toBe('declaration-file');
    expect(skipDecision('public/js/lib/jquery-3.1.1.min.js', 'var a')?.reason).toBe('minified');
    expect(skipDecision('public/js/lib/jquery.js', 'var a')?.reason).toBe('vendored');
    expect(skipDecision('bower_components/x/index.js', 'var a')?.reason).toBe('vendored');
    expect(skipDecision('src/gen.js', '// @generated by protoc\nvar a = 1;\n')?.reason).toBe('generated');
    expect(skipDecision('src/big.js', `var a = ${'1 + '.repeat(400)}1;\n`)?.reason).toBe('long-lines');
    expect(skipDecision('src/app.js', 'var a = 1;\n')).toBeUndefined();
    expect(skipDecision('src/gen.js', '// @generated\n', { includeGenerated: true })).toBeUndefined();
    expect(skipDecision('src/x.d.ts', '', { includeGenerated: true })?.reason).toBe('declaration-file');
  });
  it('a run skips them with their reason (a valid .d.ts no longer fails to parse); --include-generated includes them', async () => {
    const dir = tempDir('remodel-skip-');
    const code = 'var a = 1;\nmodule.exports = a;\n';
    writeFiles(dir, {
      'package.json': '{ "private": true }\n',
      'index.d.ts': 'export const version: string;\nexport declare function f(): void;\n',
      'public/js/lib/jquery-3.1.1.min.js': code,
      'vendor/lib.js': code,
      'gen.js': `/* @generated */\n${code}`,
      'bundle.js': `var a = [${'1,'.repeat(600)}1];\nmodule.exports = a;\n`,
      'app.js': code,
    });
    const cs = await run(dir, 'no-var');
    const status = Object.fromEntries(cs.files.map((f) => [f.path, f.status === 'skipped' ? `skipped:${f.reason}` : f.status]));
    expect(status).toEqual({
      'app.js': 'changed',
      'bundle.js': 'skipped:long-lines',
      'gen.js': 'skipped:generated',
      'index.d.ts': 'skipped:declaration-file',
      'public/js/lib/jquery-3.1.1.min.js': 'skipped:minified',
      'vendor/lib.js': 'skipped:vendored',
    });
    const all = await run(dir, 'no-var', { includeGenerated: true });
    expect(all.files.filter((f) => f.status === 'changed').map((f) => f.path).sort()).toEqual(['app.js', 'bundle.js', 'gen.js', 'public/js/lib/jquery-3.1.1.min.js', 'vendor/lib.js']);
    expect(all.files.find((f) => f.path === 'index.d.ts')?.status).toBe('skipped');
  });
});
