#!/usr/bin/env node
// The same jscodeshift transform file, written for real by jscodeshift's own runner and by remodel, each on its own
// copy of the JS corpus, in the same run: wall time, the changed-file sets (files whose bytes differ from the
// corpus) and whether every file ends up byte for byte the same. Files that differ only in line endings are counted
// apart (jscodeshift writes CRLF files back with LF; remodel keeps CRLF).
//
//   node bench/jscodeshift-output.mjs [--corpus DIR] [--transform FILE] [--jobs N]
// --jobs N: remodel --jobs N against jscodeshift --cpus N (default: both their defaults, one per core).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const corpus = arg('corpus', undefined) ?? execFileSync('bash', [path.join(here, 'corpus.sh')], { encoding: 'utf8' }).trim().split('\n').pop();
const transform = path.resolve(arg('transform', path.join(here, 'transforms', 'var-to-let.cjs')));
const jobs = arg('jobs', undefined);
const jscodeshift = path.join(corpus, 'jscs', 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
const remodel = path.join(root, 'bin', 'remodel.js');
const source = path.join(corpus, 'js');

function copy(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `remodel-bench-jscs-${name}-`));
  fs.cpSync(source, dir, { recursive: true });
  return dir;
}

function files(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = path.join(rel, e.name);
    if (e.isDirectory()) out.push(...files(dir, p));
    else out.push(p);
  }
  return out;
}

const a = copy('jscodeshift');
const b = copy('remodel');
const jArgv = [jscodeshift, '-t', transform, '.', '--extensions=js', '--ignore-pattern=**/node_modules/**', '--silent', ...(jobs ? [`--cpus=${jobs}`] : [])];
const rArgv = [remodel, 'run', transform, '.', '--extensions', 'js', '--format', 'none', '--no-cache', '--allow-dirty', '--include-generated', ...(jobs ? ['--jobs', jobs] : [])];
const j = await measure(process.execPath, jArgv, a);
const r = await measure(process.execPath, rArgv, b);
if (r.code !== 0 && r.code !== 3) throw new Error(`remodel exited ${r.code}: ${r.stderr.slice(0, 500)}`);

const all = files(source);
const changedJ = new Set();
const changedR = new Set();
let same = 0;
const differ = [];
const eolOnly = [];
for (const f of all) {
  const orig = fs.readFileSync(path.join(source, f));
  const x = fs.readFileSync(path.join(a, f));
  const y = fs.readFileSync(path.join(b, f));
  if (!x.equals(orig)) changedJ.add(f);
  if (!y.equals(orig)) changedR.add(f);
  if (x.equals(y)) same++;
  else if (x.toString('utf8').replace(/\r\n/g, '\n') === y.toString('utf8').replace(/\r\n/g, '\n')) eolOnly.push(f);
  else differ.push(f);
}
const onlyJ = [...changedJ].filter((f) => !changedR.has(f));
const onlyR = [...changedR].filter((f) => !changedJ.has(f));
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.table({
  [`jscodeshift${jobs ? ` --cpus ${jobs}` : ''}`]: { wall: `${(j.wallMs / 1000).toFixed(1)} s`, 'peak RSS': `${Math.round(j.peakRss / 1048576)} MB`, changed: changedJ.size },
  [`remodel${jobs ? ` --jobs ${jobs}` : ''}`]: { wall: `${(r.wallMs / 1000).toFixed(1)} s`, 'peak RSS': `${Math.round(r.peakRss / 1048576)} MB`, changed: changedR.size },
});
console.log(`speedup ${(j.wallMs / r.wallMs).toFixed(2)}x; files ${all.length}; same bytes ${same}; line endings only ${eolOnly.length}; other differences ${differ.length}`);
console.log(`changed only by jscodeshift ${onlyJ.length}${onlyJ.length ? ` (${onlyJ.slice(0, 5).join(', ')})` : ''}; only by remodel ${onlyR.length}${onlyR.length ? ` (${onlyR.slice(0, 5).join(', ')})` : ''}`);
if (differ.length) console.log(`differing files: ${differ.slice(0, 10).join(', ')}`);
if (/failed|error/i.test(r.stderr)) console.log(`remodel stderr (tail): ${r.stderr.trim().split('\n').slice(-6).join(' | ')}`);
fs.rmSync(a, { recursive: true, force: true });
fs.rmSync(b, { recursive: true, force: true });
