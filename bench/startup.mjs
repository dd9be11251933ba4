#!/usr/bin/env node
// Start-up of `remodel run no-var one.js --dry --no-cache` on a one-file package: this build against another, in
// the same run, A B A B …, as whole processes: wall time, CPU (user + system of the process and its threads), peak
// RSS (through /usr/bin/time where it exists) and the ratio pair by pair; medians are quoted. Also bare
// `node -e 0`, the floor. The two must print the same diff.
//
//   node bench/startup.mjs [--runs 11] [--before DIR] [--transform no-var]
//
// --before DIR: the root of another built checkout (e.g. `git worktree add /tmp/before <commit>` and `npm run build`
// there); default: this build without its bundle (REMODEL_NO_BUNDLE=1, the compiled modules of dist/src).
//
// On a shared machine wall time mostly measures the other jobs. As root on Linux, `chrt -f 10 node
// bench/startup.mjs` runs it (and the runs it starts) ahead of every ordinary process, as on an idle machine; the
// runs are short, and the kernel keeps some CPU for the rest.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const runs = Number(arg('runs', '11'));
const before = arg('before', undefined);
const transform = arg('transform', 'no-var');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-bench-startup-'));
fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"one","version":"1.0.0"}\n');
fs.writeFileSync(path.join(dir, 'one.js'), "var a = require('a');\nvar b = a + 1;\nvar c = function () { return b; };\nmodule.exports = c;\n");

const TICK = 100; // clock ticks per second of /proc/*/stat (USER_HZ)
/** CPU seconds of this process's finished children so far (cutime + cstime of /proc/self/stat). */
function childCpu() {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / TICK;
}

/** GNU time's peak RSS (kB) on the last line of stderr; without it, no RSS column. */
const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function once(argv, env = {}) {
  const cpu0 = childCpu();
  const t0 = process.hrtime.bigint();
  const [cmd, args] = timeBin ? [timeBin, ['-f', 'maxrss %M', process.execPath, ...argv]] : [process.execPath, argv];
  const res = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (res.status !== 0) throw new Error(`${argv.join(' ')} exited ${res.status}: ${res.stderr}`);
  const rss = /maxrss (\d+)\s*$/.exec(res.stderr)?.[1];
  return { wall, cpu: childCpu() - cpu0, rss: rss ? Number(rss) / 1024 : undefined, stdout: res.stdout };
}

const run = ['run', transform, 'one.js', '--dry', '--no-cache'];
const a = { name: 'this build', argv: [path.join(root, 'bin', 'remodel.js'), ...run], env: {} };
const b = before
  ? { name: `before (${before})`, argv: [path.join(path.resolve(before), 'bin', 'remodel.js'), ...run], env: {} }
  : { name: 'this build, unbundled', argv: [path.join(root, 'bin', 'remodel.js'), ...run], env: { REMODEL_NO_BUNDLE: '1' } };

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
once(a.argv, a.env); // warm-up (disk cache)
once(b.argv, b.env);
const rows = { a: [], b: [], node: [] };
for (let i = 0; i < runs; i++) {
  rows.a.push(once(a.argv, a.env));
  rows.b.push(once(b.argv, b.env));
  rows.node.push(once(['-e', '0']));
}
if (rows.a.some((r, i) => r.stdout !== rows.b[i].stdout)) console.log('NOTE: the two builds printed different diffs');
const fmt = (xs, k) => `${median(xs.map((r) => r[k])).toFixed(3)} s`;
const mb = (xs) => (xs[0].rss === undefined ? '-' : `${median(xs.map((r) => r.rss)).toFixed(1)} MB`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, node ${process.version}`);
console.log(`remodel ${run.join(' ')}, ${runs} pairs, medians:`);
console.table({
  [a.name]: { cpu: fmt(rows.a, 'cpu'), wall: fmt(rows.a, 'wall'), 'peak RSS': mb(rows.a) },
  [b.name]: { cpu: fmt(rows.b, 'cpu'), wall: fmt(rows.b, 'wall'), 'peak RSS': mb(rows.b) },
  'node -e 0': { cpu: fmt(rows.node, 'cpu'), wall: fmt(rows.node, 'wall'), 'peak RSS': mb(rows.node) },
  'ratio (pair by pair)': {
    cpu: `${median(rows.a.map((r, i) => r.cpu / Math.max(rows.b[i].cpu, 0.01))).toFixed(2)}x`,
    wall: `${median(rows.a.map((r, i) => r.wall / rows.b[i].wall)).toFixed(2)}x`,
  },
});
fs.rmSync(dir, { recursive: true, force: true });
