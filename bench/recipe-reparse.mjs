#!/usr/bin/env node
// A recipe of per-file built-ins (default `modernize`) over the JS corpus with this build and another one, in the
// same run: wall and CPU time (A B A B ..., median), the ratio pair by pair, the number of Babel parses each build
// made (counted in a separate run per build, so the counting costs the timed runs nothing) and whether both builds
// printed the same JSON report (files, statuses, reasons). Made for the AST hand-off between steps that change
// nothing (commit bef0cd5): `--baseline` is the build before it.
//
//   node bench/recipe-reparse.mjs --baseline <other>/bin/remodel.js [--corpus DIR] [--recipe modernize] [--pairs 3]
import { execFileSync, spawnSync } from 'node:child_process';
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
const baseline = arg('baseline');
if (!baseline) throw new Error('--baseline <other build>/bin/remodel.js is required');
const corpus = arg('corpus', undefined) ?? execFileSync('bash', [path.join(here, 'corpus.sh')], { encoding: 'utf8' }).trim().split('\n').pop();
const recipe = arg('recipe', 'modernize');
const pairs = Number(arg('pairs', '3'));
const dir = path.join(corpus, 'js');
const builds = { this: path.join(root, 'bin', 'remodel.js'), baseline: path.resolve(baseline) };
const runArgs = ['run', recipe, '.', '--json', '--extensions', 'js', '--format', 'none', '--no-cache'];

// Preloaded into the process and its worker threads (they inherit --require): one byte per Babel parse, appended
// to a file (one write per parse, no lost counts when a worker is terminated).
const hook = path.join(os.tmpdir(), `remodel-bench-parse-count-${process.pid}.cjs`);
fs.writeFileSync(
  hook,
  `const fs = require('node:fs');
const parser = require(require.resolve('@babel/parser', { paths: [process.env.REMODEL_BENCH_ROOT] }));
const fd = fs.openSync(process.env.REMODEL_BENCH_COUNT, 'a');
const parse = parser.parse;
parser.parse = function (...a) { fs.writeSync(fd, 'p'); return parse.apply(this, a); };
`,
);

function run(bin, extra = {}) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...(extra.execArgv ?? []), bin, ...runArgs], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...extra.env },
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0 && r.status !== 3) throw new Error(`${bin} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return { wallMs, stdout: r.stdout };
}

/** A run's CPU (user + system of the finished child and its threads), read from this process's children times. */
function timed(bin) {
  const before = childCpu();
  const r = run(bin);
  return { ...r, cpuMs: childCpu() - before };
}
function childCpu() {
  // cutime + cstime of /proc/self/stat (Linux, clock ticks of 10 ms); 0 elsewhere
  try {
    const f = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(f[13]) + Number(f[14])) * 10;
  } catch {
    return 0;
  }
}

const report = (stdout) => {
  const r = JSON.parse(stdout);
  return { summary: { ...r.summary, durationMs: 0 }, files: r.files };
};

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`recipe ${recipe} over ${dir}; this build ${builds.this}, baseline ${builds.baseline}\n`);

const parses = {};
const reports = {};
for (const [name, bin] of Object.entries(builds)) {
  const count = path.join(os.tmpdir(), `remodel-bench-parses-${process.pid}-${name}`);
  fs.writeFileSync(count, '');
  const r = run(bin, { execArgv: ['--require', hook], env: { REMODEL_BENCH_ROOT: path.resolve(path.dirname(bin), '..'), REMODEL_BENCH_COUNT: count } });
  parses[name] = fs.statSync(count).size;
  reports[name] = report(r.stdout);
  fs.rmSync(count);
}
fs.rmSync(hook);

const rows = { this: [], baseline: [] };
for (let i = 0; i < pairs; i++) {
  for (const name of i % 2 ? ['this', 'baseline'] : ['baseline', 'this']) rows[name].push(timed(builds[name]));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ratio = (key) => median(rows.this.map((r, i) => r[key] / rows.baseline[i][key]));
const same = JSON.stringify(reports.this) === JSON.stringify(reports.baseline);
const files = reports.this.summary.scanned;
const table = {
  'wall (median)': { baseline: `${(median(rows.baseline.map((r) => r.wallMs)) / 1000).toFixed(2)} s`, this: `${(median(rows.this.map((r) => r.wallMs)) / 1000).toFixed(2)} s`, 'this / baseline': ratio('wallMs').toFixed(2) },
  'cpu (median)': { baseline: `${(median(rows.baseline.map((r) => r.cpuMs)) / 1000).toFixed(2)} s`, this: `${(median(rows.this.map((r) => r.cpuMs)) / 1000).toFixed(2)} s`, 'this / baseline': ratio('cpuMs').toFixed(2) },
  'Babel parses': { baseline: parses.baseline, this: parses.this, 'this / baseline': (parses.this / parses.baseline).toFixed(2) },
};
console.table(table);
console.log(`files ${files}, changed ${reports.this.summary.changed} / ${reports.baseline.summary.changed}; parses saved ${parses.baseline - parses.this} (${((parses.baseline - parses.this) / files).toFixed(2)} per file); same JSON report: ${same ? 'yes' : 'NO'}`);
