import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath, repoRoot, runCli, tempDir, writeFiles } from './support/helpers.js';

/**
 * bin/remodel.js runs the bundled CLI (dist/cli/, scripts/bundle-cli.mjs) while it is as new as dist/, else the
 * compiled modules of dist/src. Both must behave the same: these run each command both ways and compare.
 */
const manifest = path.join(repoRoot, 'dist', 'cli', 'inputs.json');

function bundleIsFresh(): boolean {
  try {
    const { builtAt, files, transforms } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { builtAt: number; files: Record<string, number>; transforms: string[] };
    const same = Object.entries(files).every(([f, size]) => {
      const stat = fs.statSync(path.join(repoRoot, f));
      return stat.size === size && stat.mtimeMs < builtAt;
    });
    return same && fs.readdirSync(path.join(repoRoot, 'dist', 'transforms')).sort().join('/') === transforms.join('/');
  } catch {
    return false;
  }
}

/** The same bytes with 256 in the middle flipped: header and length as they were. */
function damage(data: Buffer): Buffer {
  const out = Buffer.from(data);
  for (let i = 0; i < 256; i++) out[(out.length >> 1) + i] ^= 0x5a;
  return out;
}

const bundled = (args: string[], cwd: string, env: Record<string, string> = {}) => runCli(args, cwd, { REMODEL_NO_BUNDLE: '', ...env });
const unbundled = (args: string[], cwd: string, env: Record<string, string> = {}) => runCli(args, cwd, { REMODEL_NO_BUNDLE: '1', ...env });

describe('the bundled CLI', () => {
  beforeAll(() => {
    // `npm test` bundles after tsc; a bundle older than dist/ (dist/ rebuilt since) is in no one's use: rebuilt here.
    if (!bundleIsFresh()) execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'bundle-cli.mjs')], { stdio: 'pipe' });
    expect(bundleIsFresh()).toBe(true);
  }, 120_000);

  it('is what bin/remodel.js runs: it starts from dist/cli/cli.js', () => {
    expect(fs.readFileSync(cliPath, 'utf8')).toContain('../dist/cli/cli.js');
    expect(fs.existsSync(path.join(repoRoot, 'dist', 'cli', 'worker.js'))).toBe(true);
    expect(fs.existsSync(path.join(repoRoot, 'dist', 'cli', 'transforms', 'no-var', 'index.js'))).toBe(true);
  });

  it('--version is remodel’s own version, in any working directory', () => {
    const dir = tempDir();
    writeFiles(dir, { 'package.json': '{"name":"app","version":"9.9.9"}\n' });
    const version = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    expect(bundled(['--version'], dir).stdout.trim()).toBe(version);
    expect(unbundled(['--version'], dir).stdout.trim()).toBe(version);
  });

  it('--help, run --help, a usage error (in English and in German) and list read the same both ways', () => {
    const dir = tempDir();
    for (const [args, env] of [
      [['--help'], {}],
      [['run', '--help'], {}],
      [['run'], {}],
      [['run'], { LANG: 'de_DE.UTF-8', LC_ALL: '' }],
      [['list', '--json'], {}],
    ] as Array<[string[], Record<string, string>]>) {
      const a = bundled(args, dir, env);
      const b = unbundled(args, dir, env);
      expect({ args, ...a }).toEqual({ args, ...b });
    }
  });

  it('a run gives the same report and diff, and fills the result cache, both ways', () => {
    const files = {
      'package.json': '{ "name": "b", "private": true }\n',
      // (an installed package keeps its cache in its node_modules)
      'node_modules/.package-lock.json': '{}\n',
      'src/a.js': "var a = require('./b');\nmodule.exports = a;\n",
      'src/b.js': 'var unused = 1;\nfunction f() { var x = 1; return x; }\nmodule.exports = f;\n',
    };
    const out: Array<{ diff: string; report: unknown; blobs: number }> = [];
    for (const run of [bundled, unbundled]) {
      const dir = tempDir();
      writeFiles(dir, files);
      const diff = run(['run', 'no-var', 'src', '--dry'], dir);
      expect(diff.code).toBe(0);
      const report = JSON.parse(run(['run', 'no-var', 'src', '--json', '--no-cache'], dir).stdout) as { summary: Record<string, unknown>; files: unknown };
      const blobs = fs.readdirSync(path.join(dir, 'node_modules', '.cache', 'remodel'), { recursive: true }).filter((f) => String(f).includes('blobs' + path.sep));
      out.push({ diff: diff.stdout, report: { ...report, summary: { ...report.summary, durationMs: 0 } }, blobs: blobs.length });
    }
    expect(out[0].diff).toContain('+const a = require');
    expect(out[0].blobs).toBeGreaterThan(0);
    expect(out[0]).toEqual(out[1]);
  });

  it("loads Babel from dist/cli/babel.cjs with a code cache this Node accepts", () => {
    // A cache V8 rejected would cost every worker ~50 ms of start-up, silently.
    const probe = `
      const fs = require('node:fs'); const vm = require('node:vm'); const Module = require('node:module');
      const file = ${JSON.stringify(path.join(repoRoot, 'dist', 'cli', 'babel.cjs'))};
      const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData: fs.readFileSync(file + '.cache') });
      const m = { exports: {} };
      script.runInThisContext()(m.exports, Module.createRequire(file), m, file, '.');
      console.log(JSON.stringify({ rejected: script.cachedDataRejected, program: m.exports.parser.parse('var a = 1;').program.body.length, traverse: typeof (m.exports.traverse.default ?? m.exports.traverse) }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(out).toEqual({ rejected: false, program: 1, traverse: 'function' });
    const perFile = JSON.parse(fs.readFileSync(path.join(repoRoot, 'dist', 'cli', 'per-file-builtins.json'), 'utf8')) as Record<string, { traverse: boolean }>;
    expect(perFile['no-var']).toEqual({ traverse: true });
    expect(perFile['template-literals']).toEqual({ traverse: false });
  });

  it('a damaged or missing Babel code cache, or no babel.cjs at all, only costs time: the same diff', () => {
    // A copy of the built package (dates kept, so its bundle is as fresh as this one), its node_modules this one's.
    const pkg = tempDir();
    for (const part of ['bin', 'package.json', 'dist/src', 'dist/transforms', 'dist/cli']) {
      fs.cpSync(path.join(repoRoot, part), path.join(pkg, part), { recursive: true, preserveTimestamps: true });
    }
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(pkg, 'node_modules'));
    const dir = tempDir();
    writeFiles(dir, { 'package.json': '{ "name": "c", "private": true }\n', 'a.js': "var a = require('./b');\nvar b = a + 1;\nmodule.exports = b;\n" });
    const run = (bin: string) => spawnSync(process.execPath, [bin, 'run', 'no-var', 'a.js', '--dry', '--no-cache'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', REMODEL_NO_BUNDLE: '' } });
    const expected = run(cliPath);
    expect(expected.status).toBe(0);
    expect(expected.stdout).toContain('+const a = require');
    const cache = path.join(pkg, 'dist', 'cli', 'babel.cjs.cache');
    const good = fs.readFileSync(cache);
    fs.writeFileSync(cache, Buffer.alloc(4096, 7));
    const damaged = run(path.join(pkg, 'bin', 'remodel.js'));
    expect({ status: damaged.status, stdout: damaged.stdout }).toEqual({ status: 0, stdout: expected.stdout });
    // Damaged inside, header and length intact: V8 would accept it and crash (it does not check the content).
    fs.writeFileSync(cache, damage(good));
    const damagedInside = run(path.join(pkg, 'bin', 'remodel.js'));
    expect({ status: damagedInside.status, stdout: damagedInside.stdout }).toEqual({ status: 0, stdout: expected.stdout });
    fs.rmSync(cache);
    fs.rmSync(path.join(pkg, 'dist', 'cli', 'babel.cjs'));
    const missing = run(path.join(pkg, 'bin', 'remodel.js'));
    expect({ status: missing.status, stdout: missing.stdout }).toEqual({ status: 0, stdout: expected.stdout });
  });
  it('loads ts-morph with code caches this Node accepts, made for the ts-morph in node_modules', () => {
    const dir = path.join(repoRoot, 'dist', 'cli', 'ts-morph-cache');
    const { files } = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: Record<string, { cache: string }> };
    expect(Object.keys(files).sort()).toEqual(['@ts-morph/common/dist/ts-morph-common.js', '@ts-morph/common/dist/typescript.js', 'ts-morph/dist/ts-morph.js']);
    const probe = `
      const fs = require('node:fs'), vm = require('node:vm'), Module = require('node:module');
      const files = ${JSON.stringify(Object.fromEntries(Object.entries(files).map(([k, e]) => [path.join(repoRoot, 'node_modules', k), path.join(dir, e.cache)])))};
      console.log(JSON.stringify(Object.entries(files).map(([file, cache]) => new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData: fs.readFileSync(cache) }).cachedDataRejected)));`;
    expect(JSON.parse(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }))).toEqual([false, false, false]);
  });

  it('a damaged or missing ts-morph code cache, or a ts-morph it was not made for, only costs time: the same diff', () => {
    const pkg = tempDir();
    for (const part of ['bin', 'package.json', 'dist/src', 'dist/transforms', 'dist/cli']) {
      fs.cpSync(path.join(repoRoot, part), path.join(pkg, part), { recursive: true, preserveTimestamps: true });
    }
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(pkg, 'node_modules'));
    const dir = tempDir();
    writeFiles(dir, {
      'package.json': '{ "name": "m", "private": true }\n',
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "types": [], "lib": ["es2022"] }, "include": ["*.ts"] }\n',
      'a.ts': "export function greet(name: string): string {\n  return `hi ${name}`;\n}\nexport const x = greet('a');\n",
      'b.ts': "import { greet } from './a';\nexport const y = greet('b');\n",
      'c.ts': 'export const z = 1;\n',
    });
    const args = ['run', 'move-symbol', '--symbol', 'greet', '--from', 'a.ts', '--to', 'c.ts', '.', '--dry', '--no-cache'];
    const run = (bin: string) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', REMODEL_NO_BUNDLE: '' } });
    const expected = run(cliPath);
    expect(expected.status).toBe(0);
    expect(expected.stdout).toContain("+import { greet } from './c'");
    const cacheDir = path.join(pkg, 'dist', 'cli', 'ts-morph-cache');
    const same = (what: string) => {
      const got = run(path.join(pkg, 'bin', 'remodel.js'));
      expect({ what, status: got.status, stdout: got.stdout }).toEqual({ what, status: 0, stdout: expected.stdout });
    };
    const typescriptCache = path.join(cacheDir, 'typescript.js.cache');
    const good = fs.readFileSync(typescriptCache);
    fs.writeFileSync(typescriptCache, damage(good));
    same('damaged inside');
    fs.writeFileSync(typescriptCache, good.subarray(0, good.length >> 1));
    same('cut short');
    // A cache made for another ts-morph (the manifest's source no longer the file in node_modules).
    const manifestFile = path.join(cacheDir, 'manifest.json');
    fs.writeFileSync(typescriptCache, good);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { files: Record<string, { source: string; stat: string }> };
    for (const entry of Object.values(manifest.files)) Object.assign(entry, { source: '0'.repeat(40), stat: 'another file' });
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    same('another source');
    fs.writeFileSync(manifestFile, '{');
    same('damaged manifest');
    fs.rmSync(cacheDir, { recursive: true });
    same('no cache');
    // (six CLI runs of a project transform: on a shared 2-core machine under load one takes 10 s)
  }, 180_000);
});
