#!/usr/bin/env node
// The project engine on a ~1,150-file TypeScript program (the rxjs, zod and effect sources of the corpus):
// move-symbol of rxjs's isFunction, which ~30 modules import. Prints load, transform and verify time (from the
// run's JSON report) and the peak RSS of the process, median of --runs.
//
//   node bench/project.mjs [--runs 3] [--corpus DIR]
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const runs = Number(arg('runs', '3'));
const corpus = arg('corpus', undefined) ?? execFileSync('bash', [path.join(here, 'corpus.sh')], { encoding: 'utf8' }).trim().split('\n').pop();
const remodel = path.join(here, '..', 'bin', 'remodel.js');
const dir = path.join(corpus, 'ts');
const argv = [
  remodel, 'run', 'move-symbol', '.', '--json', '--no-cache',
  '--symbol', 'isFunction', '--from', 'rxjs/src/internal/util/isFunction.ts', '--to', 'rxjs/src/internal/util/predicates.ts',
];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const verify of [true, false]) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const r = await measure(process.execPath, verify ? argv : [...argv, '--no-verify'], dir);
    const report = JSON.parse(r.stdout);
    samples.push({ wall: r.wallMs, rss: r.peakRss, ...report.timings, files: report.summary.changed, scanned: report.summary.scanned, newErrors: report.verification?.newDiagnostics.length });
  }
  const m = (k) => Math.round(median(samples.map((s) => s[k] ?? 0)));
  rows.push({
    verify,
    'files in program (walked)': samples[0].scanned,
    'files changed': samples[0].files,
    'load ms': m('loadMs'),
    'transform ms': m('transformMs'),
    'verify ms': verify ? m('verifyMs') : '-',
    'wall ms': m('wall'),
    'peak RSS MB': Math.round(Math.max(...samples.map((s) => s.rss)) / 1024 / 1024),
    'new type errors': verify ? samples[0].newErrors : '-',
  });
}
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 1024 ** 3)} GB, node ${process.version}; ${runs} run(s), medians`);
console.table(rows);
