#!/usr/bin/env node
// Times remodel against jscodeshift's own runner on the real-code corpus (bench/corpus.sh), in the same run:
// wall time (median of --runs), files/s, peak RSS of the whole process tree, the ratio, and whether both runners
// report the same set of changed files.
//
//   node bench/run.mjs [--runs 3] [--corpus DIR] [--only name,name] [--jobs N]
//
// --jobs N gives remodel --jobs N and jscodeshift --cpus N (per-core comparison with 1). When both run the same
// jscodeshift file, remodel gets --include-generated: jscodeshift transforms minified and long-line files too, and
// the changed-file sets can only be the same when both runners look at the same files.
import { execFileSync } from 'node:child_process';
import { measure } from './measure.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const runs = Number(arg('runs', '3'));
const corpus = arg('corpus', undefined) ?? execFileSync('bash', [path.join(here, 'corpus.sh')], { encoding: 'utf8' }).trim().split('\n').pop();
const only = arg('only', '')?.split(',').filter(Boolean);
const jobs = arg('jobs', undefined);
const jscodeshift = path.join(corpus, 'jscs', 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
const remodel = path.join(root, 'bin', 'remodel.js');
const t = (name) => path.join(here, 'transforms', name);

/** Each case runs the same job with both runners; `remodel` may use remodel's own transform for the job. */
const cases = [
  { name: 'var-to-let (same jscodeshift file)', corpus: 'js', ext: 'js', jscs: t('var-to-let.cjs'), remodel: t('var-to-let.cjs') },
  { name: 'var-to-let (remodel text edits)', corpus: 'js', ext: 'js', jscs: t('var-to-let.cjs'), remodel: t('var-to-let.remodel.mjs') },
  { name: 'no-var vs var-to-let', corpus: 'js', ext: 'js', jscs: t('var-to-let.cjs'), remodel: 'no-var', sameChanges: false },
  { name: 'rename-foo (same jscodeshift file)', corpus: 'js', ext: 'js', jscs: t('rename-foo.cjs'), remodel: t('rename-foo.cjs') },
  { name: 'rename-foo (remodel prefilter)', corpus: 'js', ext: 'js', jscs: t('rename-foo.cjs'), remodel: t('rename-foo.remodel.mjs') },
  { name: 'ts: var-to-let (same jscodeshift file)', corpus: 'ts', ext: 'ts', parser: 'ts', jscs: t('var-to-let.cjs'), remodel: t('var-to-let.cjs') },
  { name: 'ts: var-to-let (remodel text edits)', corpus: 'ts', ext: 'ts', parser: 'ts', jscs: t('var-to-let.cjs'), remodel: t('var-to-let.remodel.mjs') },
  { name: 'ts: no-var vs var-to-let', corpus: 'ts', ext: 'ts', parser: 'ts', jscs: t('var-to-let.cjs'), remodel: 'no-var', sameChanges: false },
  { name: 'ts: rename-foo (remodel prefilter)', corpus: 'ts', ext: 'ts', parser: 'ts', jscs: t('rename-foo.cjs'), remodel: t('rename-foo.remodel.mjs') },
].filter((c) => !only?.length || only.some((o) => c.name.includes(o)));

async function runJscodeshift(c) {
  const dir = path.join(corpus, c.corpus);
  const argv = [jscodeshift, '--dry', '--verbose=2', '-t', c.jscs, '.', `--extensions=${c.ext}`, '--ignore-pattern=**/node_modules/**'];
  if (c.parser) argv.push(`--parser=${c.parser}`);
  if (jobs) argv.push(`--cpus=${jobs}`);
  const r = await measure(process.execPath, argv, dir);
  const changed = new Set();
  for (const line of r.stdout.split('\n')) {
    const m = /^\s*OKK (.+)$/.exec(line.replace(/\u001b\[[0-9;]*m/g, ''));
    if (m) changed.add(path.normalize(m[1].trim()));
  }
  const files = (r.stdout.match(/(\d+) ok/) ?? [])[1];
  return { ...r, changed, errors: Number((r.stdout.match(/(\d+) errors/) ?? [0, 0])[1]), okCount: Number(files ?? changed.size) };
}

async function runRemodel(c) {
  const dir = path.join(corpus, c.corpus);
  const argv = [remodel, 'run', c.remodel, '.', '--json', '--extensions', c.ext, '--format', 'none', '--no-cache'];
  if (c.parser) argv.push('--parser', c.parser);
  if (jobs) argv.push('--jobs', jobs);
  if (c.remodel === c.jscs) argv.push('--include-generated');
  const r = await measure(process.execPath, argv, dir);
  const report = JSON.parse(r.stdout);
  const changed = new Set(report.files.filter((f) => f.status === 'changed').map((f) => path.normalize(f.path)));
  return { ...r, changed, scanned: report.summary.scanned, errors: report.summary.errors };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (b) => `${Math.round(b / 1024 / 1024)} MB`;

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${mb(os.totalmem())} RAM, node ${process.version}`);
console.log(`corpus: ${corpus}; ${runs} run(s) each, median wall time\n`);
const rows = [];
for (const c of cases) {
  const jr = [];
  const rr = [];
  for (let i = 0; i < runs; i++) {
    jr.push(await runJscodeshift(c));
    rr.push(await runRemodel(c));
  }
  const jWall = median(jr.map((r) => r.wallMs));
  const rWall = median(rr.map((r) => r.wallMs));
  const files = rr[0].scanned;
  const a = jr[0].changed;
  const b = rr[0].changed;
  const onlyJ = [...a].filter((f) => !b.has(f));
  const onlyR = [...b].filter((f) => !a.has(f));
  const row = {
    case: c.name,
    files,
    'jscodeshift wall': `${(jWall / 1000).toFixed(1)} s`,
    'remodel wall': `${(rWall / 1000).toFixed(1)} s`,
    'jscodeshift files/s': Math.round(files / (jWall / 1000)),
    'remodel files/s': Math.round(files / (rWall / 1000)),
    speedup: `${(jWall / rWall).toFixed(2)}x`,
    'jscodeshift peak RSS': mb(Math.max(...jr.map((r) => r.peakRss))),
    'remodel peak RSS': mb(Math.max(...rr.map((r) => r.peakRss))),
    changed: `${a.size} / ${b.size}`,
    'same changed set': c.sameChanges === false ? `n/a (${onlyJ.length} only jscs, ${onlyR.length} only remodel)` : onlyJ.length + onlyR.length === 0 ? 'yes' : `NO (${onlyJ.length} only jscs, ${onlyR.length} only remodel)`,
  };
  rows.push(row);
  console.log(JSON.stringify(row));
  if (c.sameChanges !== false && (onlyJ.length || onlyR.length)) {
    console.log(`  only jscodeshift: ${onlyJ.slice(0, 5).join(', ')}\n  only remodel: ${onlyR.slice(0, 5).join(', ')}`);
  }
}
console.log('');
console.table(rows);

// Start-up: --help, and a run over one small file (both runners, same transform file).
if (!only?.length || only.includes('startup')) {
  const small = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-bench-small-'));
  fs.writeFileSync(path.join(small, 'a.js'), "var a = require('a');\nmodule.exports = a;\n");
  const times = async (cmd, argv) => {
    const xs = [];
    for (let i = 0; i < Math.max(5, runs); i++) xs.push((await measure(cmd, argv, small)).wallMs);
    return median(xs);
  };
  const startup = {
    'jscodeshift --help': await times(process.execPath, [jscodeshift, '--help']),
    'remodel --help': await times(process.execPath, [remodel, '--help']),
    'jscodeshift one file': await times(process.execPath, [jscodeshift, '--dry', '-t', t('var-to-let.cjs'), 'a.js', '--silent']),
    'remodel one file (same transform)': await times(process.execPath, [remodel, 'run', t('var-to-let.cjs'), 'a.js', '--dry', '--no-cache']),
    'remodel one file (no-var)': await times(process.execPath, [remodel, 'run', 'no-var', 'a.js', '--dry', '--no-cache']),
  };
  console.log('\nstart-up, median wall ms:');
  console.table(Object.fromEntries(Object.entries(startup).map(([k, v]) => [k, Math.round(v)])));
}

// Second run on unchanged files (the scheduled-PR case): the result cache against a cold first run.
if (!only?.length || only.includes('cache')) {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-bench-cache-'));
  const dir = path.join(corpus, 'js');
  const argv = [remodel, 'run', 'no-var', '.', '--json', '--format', 'none', '--cache-dir', cacheDir];
  // Wall time only: the RSS sampler would take CPU from these short runs.
  const first = await measure(process.execPath, argv, dir, { sampleRss: false });
  const again = [];
  for (let i = 0; i < Math.max(3, runs); i++) again.push((await measure(process.execPath, argv, dir, { sampleRss: false })).wallMs);
  const same = JSON.stringify(JSON.parse(first.stdout).files) === JSON.stringify(JSON.parse((await measure(process.execPath, argv, dir)).stdout).files);
  console.log('\nresult cache (no-var over the JS corpus):');
  console.table({
    'first run (cold cache)': { wall: `${(first.wallMs / 1000).toFixed(2)} s` },
    'second run (median)': { wall: `${(median(again) / 1000).toFixed(2)} s` },
    speedup: { wall: `${(first.wallMs / median(again)).toFixed(1)}x` },
    'same report': { wall: same ? 'yes' : 'NO' },
  });
  fs.rmSync(cacheDir, { recursive: true, force: true });
}
