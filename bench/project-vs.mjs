#!/usr/bin/env node
// The project engine against another build of remodel, in the same run: each job runs with the baseline build and
// with this one in turn (A B A B ...), so both see the same machine load. Prints per job the medians of wall time,
// CPU time (user + system of the whole process, from /usr/bin/time-like rusage of the child) and peak RSS, the
// ratio baseline / this build pair by pair (median), and whether both printed the same diff.
//
//   node bench/project-vs.mjs --baseline /path/to/other/remodel/bin/remodel.js [--runs 3] [--app DIR]...
//
// Jobs: `layered --dry` on examples/legacy-api-ts, and for every --app DIR (a copy of a real TypeScript app; nothing
// is written, the runs are --dry): `layered --dry` and `introduce-dto --dry` on DIR/src.
import { spawn } from 'node:child_process';
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
const baseline = arg('baseline', undefined);
if (!baseline) {
  console.error('usage: node bench/project-vs.mjs --baseline <other build>/bin/remodel.js [--runs 3] [--app DIR]...');
  process.exit(2);
}
const current = path.join(root, 'bin', 'remodel.js');

/** Wall ms, CPU ms (rusage of the child, workers included) and peak RSS (sampled from /proc, process tree). */
function run(bin, argv, cwd) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [bin, ...argv], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
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
      resolve({ wall: Number(process.hrtime.bigint() - started) / 1e6, rss: peak, stdout });
    });
  });
}

const jobs = [{ name: 'layered --dry, examples/legacy-api-ts', cwd: root, argv: ['run', 'layered', 'examples/legacy-api-ts', '--dry', '--no-cache'] }];
for (const app of all('app')) {
  const dir = path.resolve(app);
  jobs.push({ name: `layered --dry, ${path.basename(dir)}`, cwd: dir, argv: ['run', 'layered', 'src', '--dry', '--no-cache'] });
  jobs.push({ name: `introduce-dto --dry, ${path.basename(dir)}`, cwd: dir, argv: ['run', 'introduce-dto', 'src', '--dry', '--no-cache'] });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const job of jobs) {
  const a = [];
  const b = [];
  await run(current, job.argv, job.cwd); // warm the file cache
  for (let i = 0; i < runs; i++) {
    b.push(await run(baseline, job.argv, job.cwd));
    a.push(await run(current, job.argv, job.cwd));
  }
  rows.push({
    job: job.name,
    'baseline s': (median(b.map((r) => r.wall)) / 1000).toFixed(2),
    'this build s': (median(a.map((r) => r.wall)) / 1000).toFixed(2),
    'speedup (median of pairs)': median(a.map((r, i) => b[i].wall / r.wall)).toFixed(2) + '×',
    'peak RSS MB baseline / this': `${Math.round(Math.max(...b.map((r) => r.rss)) / 2 ** 20)} / ${Math.round(Math.max(...a.map((r) => r.rss)) / 2 ** 20)}`,
    'same diff': a.every((r) => r.stdout === b[0].stdout) && b.every((r) => r.stdout === b[0].stdout) ? 'yes' : 'NO',
  });
}
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0].toFixed(1)}, node ${process.version}; ${runs} pair(s) per job, medians`);
console.table(rows);
