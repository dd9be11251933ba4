// Wall time and peak RSS of a whole process tree (workers and child processes included), sampled from /proc.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

/** Pids of a process and all its descendants, from /proc (a full scan: done only now and then). */
export function processTree(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // the process ended while we read /proc
    }
  }
  const out = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    out.push(p);
    stack.push(...(children.get(p) ?? []));
  }
  return out;
}

/** Sum of VmRSS of the given pids (worker threads count with their process). */
export function rssOf(pids) {
  let total = 0;
  for (const p of pids) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // the process ended while we read /proc
    }
  }
  return total;
}

export function measure(cmd, argv, cwd, { sampleRss = true } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let peak = 0;
    let pids = [child.pid];
    let tick = 0;
    // Reading a few status files every 50 ms is cheap; the full /proc scan for new children runs every 500 ms,
    // so the sampler itself takes little CPU from the measured process on a 2-core machine.
    const timer = setInterval(() => {
      if (!sampleRss) return;
      if (tick++ % 10 === 0) pids = processTree(child.pid);
      peak = Math.max(peak, rssOf(pids));
    }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, stdout, stderr, wallMs: Number(process.hrtime.bigint() - started) / 1e6, peakRss: peak });
    });
  });
}

