#!/usr/bin/env node
// Start-up of `remodel run no-var one.js --dry --no-cache` on a one-file package: this build against another, in
// the same run, A B A B …, as whole processes: wall time, CPU (user + system of the process and its threads) and
// the ratio pair by pair; medians are quoted. Also bare `node -e 0`, the floor.
//
//   node bench/startup.mjs [--runs 11] [--before DIR] [--transform no-var]
//
// --before DIR: the root of another built checkout (e.g. `git worktree add /tmp/before <commit>` and `npm run build`
// there); default: this build without its bundle (REMODEL_NO_BUNDLE=1, the compiled modules of dist/src).
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

function once(argv, env = {}) {
  const cpu0 = childCpu();
  const t0 = process.hrtime.bigint();
  const res = spawnSync(process.execPath, argv, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (res.status !== 0) throw new Error(`${argv.join(' ')} exited ${res.status}: ${res.stderr}`);
  return { wall, cpu: childCpu() - cpu0, stdout: res.stdout };
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
if (rows.a[0].stdout !== rows.b[0].stdout) console.log('NOTE: the two builds printed different diffs');
const fmt = (xs, k) => `${median(xs.map((r) => r[k])).toFixed(3)} s`;
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, node ${process.version}`);
console.log(`remodel ${run.join(' ')}, ${runs} pairs, medians:`);
console.table({
  [a.name]: { cpu: fmt(rows.a, 'cpu'), wall: fmt(rows.a, 'wall') },
  [b.name]: { cpu: fmt(rows.b, 'cpu'), wall: fmt(rows.b, 'wall') },
  'node -e 0': { cpu: fmt(rows.node, 'cpu'), wall: fmt(rows.node, 'wall') },
  'ratio (pair by pair)': {
    cpu: `${median(rows.a.map((r, i) => r.cpu / Math.max(rows.b[i].cpu, 0.01))).toFixed(2)}x`,
    wall: `${median(rows.a.map((r, i) => r.wall / rows.b[i].wall)).toFixed(2)}x`,
  },
});
fs.rmSync(dir, { recursive: true, force: true });
