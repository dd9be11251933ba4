#!/usr/bin/env node
// The project engine against another build of remodel, in the same run: each job runs with the baseline build and
// with this one in turn (A B A B ...), so both see the same machine load. Prints per job the medians of wall time,
// CPU time (user + system of the child and everything it waited for, worker threads included: the growth of this
// process's cutime/cstime in /proc/self/stat across the child's run) and peak RSS, the ratios baseline / this build
// pair by pair (median), and whether both printed the same diff. On a loaded machine wall time follows the load;
// CPU time is the steadier figure.
//
//   node bench/project-vs.mjs --baseline /path/to/other/remodel/bin/remodel.js [--baseline ...] [--runs 3] [--only a,b] [--app DIR]... [--src src]
//   node bench/project-vs.mjs --baseline ... --app /tmp/juice-shop --src server.ts,routes   (several paths: comma-separated)
//
// With several --baseline builds each pair becomes a round (B1 B2 ... A): one row per job and baseline.
//
// Jobs: `layered --dry`, `introduce-dto --dry` and `extract-service --dry` on examples/legacy-api-ts, and the same
// three for every --app DIR (a copy of a real TypeScript app with its dependencies installed; nothing is written,
// the runs are --dry) on DIR/<--src, default src; comma-separated for several paths>. --only keeps the jobs whose name contains one of the words
// (`--only layered+jellyseerr`: all of the words joined by +).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { processTree, rssOf } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const all = (name) => args.flatMap((a, i) => (a === `--${name}` ? [args[i + 1]] : []));
const runs = Number(arg('runs', '3'));
const only = arg('only', '').split(',').filter(Boolean);
const srcDir = arg('src', 'src');
const srcPaths = srcDir.split(',').filter(Boolean);
const baselines = all('baseline');
if (!baselines.length) {
  console.error('usage: node bench/project-vs.mjs --baseline <other build>/bin/remodel.js [--runs 3] [--app DIR]...');
  process.exit(2);
}
const current = path.join(root, 'bin', 'remodel.js');

const TICK_MS = 10; // USER_HZ is 100 on Linux
/** CPU ms of the children this process has waited for (fields cutime + cstime of /proc/self/stat). */
function childCpuMs() {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

/** Wall ms, CPU ms (of the child and what it waited for, workers included) and peak RSS (sampled from /proc, process tree). */
function run(bin, argv, cwd) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const cpuBefore = childCpuMs();
    const child = spawn(process.execPath, [bin, ...argv], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', CI: 'true' },
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.resume();
    let peak = 0;
    let pids = [child.pid];
    let tick = 0;
    const timer = setInterval(() => {
      if (tick++ % 10 === 0) pids = processTree(child.pid);
      peak = Math.max(peak, rssOf(pids));
    }, 50);
    child.on('error', reject);
    child.on('exit', () => {
      clearInterval(timer);
      resolve({ wall: Number(process.hrtime.bigint() - started) / 1e6, cpu: childCpuMs() - cpuBefore, rss: peak, stdout });
    });
  });
}

const STEPS = ['layered', 'introduce-dto', 'extract-service'];
let jobs = STEPS.map((step) => ({
  name: `${step} --dry, examples/legacy-api-ts`,
  cwd: root,
  argv: ['run', step, 'examples/legacy-api-ts', '--dry', '--no-cache'],
}));
for (const app of all('app')) {
  const dir = path.resolve(app);
  for (const step of STEPS)
    jobs.push({ name: `${step} --dry, ${path.basename(dir)}/${srcDir}`, cwd: dir, argv: ['run', step, ...srcPaths, '--dry', '--no-cache'] });
}
// `--only a,b+c`: the jobs whose name contains a, or both b and c.
if (only.length) jobs = jobs.filter((job) => only.some((alt) => alt.split('+').every((word) => job.name.includes(word))));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
const label = (bin) => path.basename(path.resolve(path.dirname(bin), '..'));
for (const job of jobs) {
  const a = [];
  const bs = baselines.map(() => []);
  await run(current, job.argv, job.cwd); // warm the file cache
  for (let i = 0; i < runs; i++) {
    for (const [k, bin] of baselines.entries()) bs[k].push(await run(bin, job.argv, job.cwd));
    a.push(await run(current, job.argv, job.cwd));
  }
  for (const [k, b] of bs.entries()) {
    rows.push({
      job: job.name,
      ...(baselines.length > 1 ? { baseline: label(baselines[k]) } : {}),
      'baseline s': (median(b.map((r) => r.wall)) / 1000).toFixed(2),
      'this build s': (median(a.map((r) => r.wall)) / 1000).toFixed(2),
      'speedup wall (median of pairs)': median(a.map((r, i) => b[i].wall / r.wall)).toFixed(2) + '×',
      'CPU s baseline / this': `${(median(b.map((r) => r.cpu)) / 1000).toFixed(2)} / ${(median(a.map((r) => r.cpu)) / 1000).toFixed(2)}`,
      'speedup CPU': median(a.map((r, i) => b[i].cpu / r.cpu)).toFixed(2) + '×',
      'peak RSS MB baseline / this': `${Math.round(Math.max(...b.map((r) => r.rss)) / 2 ** 20)} / ${Math.round(Math.max(...a.map((r) => r.rss)) / 2 ** 20)}`,
      'same diff': a.every((r) => r.stdout === b[0].stdout) && b.every((r) => r.stdout === b[0].stdout) ? 'yes' : 'NO',
    });
  }
}
console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0].toFixed(1)}, node ${process.version}; ${runs} pair(s) per job, medians`,
);
console.table(rows);
