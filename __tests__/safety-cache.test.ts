import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, initRepo, runCli, tempDir, writeFiles } from './support/helpers.js';

/** Shell-level faults around reading files and the result cache (issue 12: items 1, 2, 7, 8 and 15). */

function cacheBlobs(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) visit(abs);
      else if (path.basename(d) === 'blobs') out.push(abs);
    }
  };
  visit(dir);
  return out;
}

const json = (stdout: string) => JSON.parse(stdout) as { summary: Record<string, number>; files: Array<{ path: string; status: string; reason?: string; error?: { message: string } }> };

describe('files that are not UTF-8', () => {
  it('are skipped with reason not-utf8 and left byte for byte (apply, --json, --check)', () => {
    const dir = tempDir('remodel-latin1-');
    const latin1 = Buffer.from('function f(){\n var x="\xe9t\xe9";\n return x}\nmodule.exports=f\n', 'latin1');
    writeFiles(dir, { 'package.json': '{ "name": "l1", "private": true }\n', 'a.js': latin1, 'b.js': 'var b = 1;\nmodule.exports = b;\n' });
    initRepo(dir);
    const report = runCli(['run', 'no-var', '.', '--json'], dir);
    expect(report.code, report.stderr).toBe(0);
    const a = json(report.stdout).files.find((f) => f.path === 'a.js');
    expect(a).toMatchObject({ status: 'skipped', reason: 'not-utf8' });
    const check = runCli(['run', 'no-var', '.', '--check'], dir);
    expect(check.stderr.split('\n')).not.toContain('a.js');
    const applied = runCli(['run', 'no-var', '.'], dir);
    expect(applied.code, applied.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'a.js')).equals(latin1)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'b.js'), 'utf8')).toBe('const b = 1;\nmodule.exports = b;\n');
    expect(applied.stderr).toMatch(/not-utf8/);
  });

  it('a project transform that would rewrite one changes nothing and says which file (refused, reason not-utf8)', () => {
    const dir = tempDir('remodel-latin1-project-');
    const latin1 = Buffer.from('var x = "\xe9t\xe9";\nmodule.exports = x;\n', 'latin1');
    writeFiles(dir, { 'package.json': '{ "name": "pl", "version": "1.0.0" }\n', 'a.js': latin1, 'b.js': 'const a = require("./a");\nmodule.exports = { a };\n' });
    initRepo(dir);
    const res = runCli(['run', 'cjs-to-esm', '.'], dir);
    expect(res.code, res.stderr).toBe(4);
    expect(res.stderr).toMatch(/a\.js is not valid UTF-8 \(not-utf8\)/);
    expect(fs.readFileSync(path.join(dir, 'a.js')).equals(latin1)).toBe(true);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('valid UTF-8 with a byte-order mark and non-ASCII text still transforms', () => {
    const dir = tempDir('remodel-utf8-');
    writeFiles(dir, { 'package.json': '{}\n', 'a.js': '\uFEFFvar s = "été ✓";\nmodule.exports = s;\n' });
    initRepo(dir);
    const res = runCli(['run', 'no-var', '.'], dir);
    expect(res.code, res.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'a.js'), 'utf8')).toBe('\uFEFFconst s = "été ✓";\nmodule.exports = s;\n');
  });
});

describe('cache blobs are verified against their hash', () => {
  for (const damage of ['truncated', 'garbage'] as const) {
    it(`a ${damage} blob is a miss: the file gets the real result, and the blob is rewritten`, () => {
      const dir = tempDir('remodel-blob-');
      // (an installed package: its cache is in its node_modules)
      const files: Record<string, string> = { 'package.json': '{ "name": "b", "private": true }\n', 'node_modules/.package-lock.json': '{}\n' };
      for (let i = 0; i < 5; i++) files[`src/f${i}.js`] = `var v${i} = ${i};\nmodule.exports = v${i};\n`;
      writeFiles(dir, files);
      initRepo(dir);
      expect(runCli(['run', 'no-var', '.', '--check'], dir).code).toBe(1);
      const blobs = cacheBlobs(path.join(dir, 'node_modules', '.cache', 'remodel'));
      expect(blobs.length).toBe(5);
      for (const b of blobs) fs.writeFileSync(b, damage === 'truncated' ? '' : 'module.exports = "not the result";\n');
      const res = runCli(['run', 'no-var', '.'], dir);
      expect(res.code, res.stderr).toBe(0);
      for (let i = 0; i < 5; i++) expect(fs.readFileSync(path.join(dir, `src/f${i}.js`), 'utf8')).toBe(`const v${i} = ${i};\nmodule.exports = v${i};\n`);
      for (const b of cacheBlobs(path.join(dir, 'node_modules', '.cache', 'remodel'))) {
        expect(createHash('sha1').update(fs.readFileSync(b)).digest('hex')).toBe(path.basename(b));
      }
    });
  }

  it('a damaged blob never reaches --dry or --check either', () => {
    const dir = tempDir('remodel-blob-dry-');
    writeFiles(dir, { 'package.json': '{}\n', 'node_modules/.package-lock.json': '{}\n', 'a.js': 'var a = 1;\nexport { a };\n' });
    initRepo(dir);
    runCli(['run', 'no-var', '.', '--check'], dir);
    const blobs = cacheBlobs(path.join(dir, 'node_modules', '.cache', 'remodel'));
    expect(blobs).toHaveLength(1);
    for (const b of blobs) fs.writeFileSync(b, 'let a = 1;\nexport { a };\n');
    const dry = runCli(['run', 'no-var', '.', '--dry'], dir);
    expect(dry.stdout).toContain('+const a = 1;');
  });
});

describe('cache identity of a local transform', () => {
  it('covers the helper modules it imports (relative requires, recursively)', () => {
    const dir = tempDir('remodel-graph-');
    writeFiles(dir, {
      'package.json': '{ "name": "g", "private": true }\n',
      't.cjs': "const { word } = require('./lib/word.cjs');\nmodule.exports = (file) => file.source.replace(/var /g, word() + ' ');\n",
      'lib/word.cjs': "const w = require('./deep');\nexports.word = () => w;\n",
      'lib/deep.js': "module.exports = 'let';\n",
      'src/a.js': 'var a = 1;\n',
    });
    const first = runCli(['run', './t.cjs', 'src', '--json'], dir);
    expect(json(first.stdout).files[0].status).toBe('changed');
    fs.writeFileSync(path.join(dir, 'lib/deep.js'), "module.exports = 'const';\n");
    const second = runCli(['run', './t.cjs', 'src', '--dry'], dir);
    expect(second.stdout).toContain('+const a = 1;');
  });

  it('a transform whose module graph cannot be known (computed require) is not cached', () => {
    const dir = tempDir('remodel-graph-dyn-');
    writeFiles(dir, {
      'package.json': '{ "name": "g", "private": true }\n',
      't.cjs': "const name = './w' + 'ord.cjs';\nmodule.exports = (file) => file.source.replace(/var /g, require(name) + ' ');\n",
      'word.cjs': "module.exports = 'let';\n",
      'src/a.js': 'var a = 1;\n',
    });
    runCli(['run', './t.cjs', 'src', '--json'], dir);
    fs.writeFileSync(path.join(dir, 'word.cjs'), "module.exports = 'const';\n");
    expect(runCli(['run', './t.cjs', 'src', '--dry'], dir).stdout).toContain('+const a = 1;');
  });

  it('a transform that reads data through fs (a rename map beside it) or the environment is not cached (round 18, F7)', () => {
    const dir = tempDir('remodel-graph-fs-');
    writeFiles(dir, {
      'package.json': '{ "name": "g", "private": true }\n',
      'mods/t.mjs': "import fs from 'node:fs';\nconst rules = JSON.parse(fs.readFileSync(new URL('./rules.json', import.meta.url), 'utf8'));\nexport default (file) => file.source.replace(/var /g, rules.to + ' ');\n",
      'mods/rules.json': '{ "to": "let" }\n',
      'mods/env.cjs': "module.exports = (file) => file.source.replace(/var /g, process.env.REMODEL_TEST_WORD + ' ');\n",
      'src/a.js': 'var a = 1;\n',
    });
    expect(runCli(['run', './mods/t.mjs', 'src', '--dry'], dir).stdout).toContain('+let a = 1;');
    fs.writeFileSync(path.join(dir, 'mods/rules.json'), '{ "to": "const" }\n');
    expect(runCli(['run', './mods/t.mjs', 'src', '--dry'], dir).stdout).toContain('+const a = 1;');
    expect(runCli(['run', './mods/env.cjs', 'src', '--dry'], dir, { REMODEL_TEST_WORD: 'let' }).stdout).toContain('+let a = 1;');
    expect(runCli(['run', './mods/env.cjs', 'src', '--dry'], dir, { REMODEL_TEST_WORD: 'const' }).stdout).toContain('+const a = 1;');
  });
});

describe('the cache never trusts size and mtime alone', () => {
  it('an edit that keeps size and mtime is seen by --check and by apply', () => {
    const dir = tempDir('remodel-mtime-');
    writeFiles(dir, { 'package.json': '{}\n', 'a.js': 'var a = 1;\nexport { a };\n', 'b.js': 'let b = 1;\nexport { b };\n' });
    initRepo(dir);
    // Whole-second mtimes, so that setting them back is exact on every file system.
    const fixed = new Date('2024-01-02T03:04:05Z');
    for (const f of ['a.js', 'b.js']) fs.utimesSync(path.join(dir, f), fixed, fixed);
    expect(runCli(['run', 'no-var', '.', '--check'], dir).code).toBe(1);
    const keep = (rel: string, text: string) => {
      const file = path.join(dir, rel);
      const st = fs.statSync(file);
      fs.writeFileSync(file, text);
      fs.utimesSync(file, st.atime, st.mtime);
      expect(fs.statSync(file).size).toBe(st.size);
      expect(fs.statSync(file).mtimeMs).toBe(st.mtimeMs);
    };
    keep('a.js', 'let a = 1;\nexport { a };\n');
    keep('b.js', 'var b = 1;\nexport { b };\n');
    const check = runCli(['run', 'no-var', '.', '--check'], dir);
    expect(check.stderr.split('\n').filter((l) => l.endsWith('.js'))).toEqual(['b.js']);
    const applied = runCli(['run', 'no-var', '.', '--allow-dirty'], dir);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stderr).not.toMatch(/changed on disk/);
    expect(fs.readFileSync(path.join(dir, 'a.js'), 'utf8')).toBe('let a = 1;\nexport { a };\n');
    expect(fs.readFileSync(path.join(dir, 'b.js'), 'utf8')).toBe('const b = 1;\nexport { b };\n');
  });
});

describe('a cache folder that cannot be written', () => {
  it('only costs speed: one warning, every file still transformed (workers too)', () => {
    const dir = tempDir('remodel-rocache-');
    const files: Record<string, string> = { 'package.json': '{}\n', 'blocker': 'a file where the cache folder would be\n' };
    for (let i = 0; i < 120; i++) files[`src/f${i}.js`] = `var v${i} = ${i};\nexport { v${i} };\n`;
    writeFiles(dir, files);
    initRepo(dir);
    const res = runCli(['run', 'no-var', '.', '--json', '--jobs', '2', '--cache-dir', 'blocker/remodel'], dir);
    expect(res.code, res.stderr).toBe(0);
    const report = json(res.stdout);
    expect(report.summary.changed).toBe(120);
    expect(report.summary.errors).toBe(0);
    expect(res.stderr.match(/warning: .*cache/g)?.length, res.stderr).toBe(1);
    expect(res.stderr).not.toMatch(/internal error|worker crashed/);
    const applied = runCli(['run', 'no-var', '.', '--cache-dir', 'blocker/remodel'], dir);
    expect(applied.code, applied.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'src/f7.js'), 'utf8')).toBe('const v7 = 7;\nexport { v7 };\n');
  });
});
