#!/usr/bin/env node
// Soak test of remodel's writes (not part of the unit suite): a real git repository of 3,000 files, two applies at
// once on it (no-var and template-literals, which change the same line differently), round after round, with one
// of them SIGKILLed at a random moment in most rounds. After every round:
//   - every file is fully old or fully new: exactly one of the four texts (old, no-var's, template-literals', both);
//   - every run that was not killed wrote exactly as many files as carry its change (no lost updates), and
//     `git status` lists exactly the files that differ from the commit;
//   - temporary files may remain only after a kill, and the next run removes them (at the end: none at all).
// Usage: node bench/soak.mjs [--files 3000] [--rounds 8] [--seed 1] [--keep]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const FILES = opt('files', 3000);
const ROUNDS = opt('rounds', 8);
let seed = opt('seed', 1);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'remodel.js');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-soak-'));
const name = (i) => `src/m${String(Math.floor(i / 100)).padStart(2, '0')}/f${String(i).padStart(4, '0')}.js`;
const OLD = (i) => `function f${i}(name) {\n  var s = 'hi ' + name;\n  return s;\n}\nmodule.exports = f${i};\n`;
const states = (i) => {
  const old = OLD(i);
  const nv = old.replace('var s', 'const s');
  const tl = old.replace("'hi ' + name", '`hi ${name}`');
  return { old, nv, tl, both: nv.replace("'hi ' + name", '`hi ${name}`') };
};

const git = (...a) => execFileSync('git', a, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "soak", "private": true }\n');
fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules\n');
for (let i = 0; i < FILES; i++) {
  fs.mkdirSync(path.dirname(path.join(dir, name(i))), { recursive: true });
  fs.writeFileSync(path.join(dir, name(i)), OLD(i));
}
git('init', '-q', '-b', 'main');
git('add', '-A');
git('-c', 'user.name=soak', '-c', 'user.email=soak@example.com', 'commit', '-q', '-m', 'soak corpus');

function start(transform, delayMs) {
  return new Promise((resolve) => {
    setTimeout(() => {
      const started = Date.now();
      const child = spawn(process.execPath, [cli, 'run', transform, 'src', '--allow-dirty', '--jobs', '1'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      const watchers = [];
      child.stderr.on('data', (d) => {
        stderr += d;
        for (const w of watchers.splice(0)) if (!w(stderr)) watchers.push(w);
      });
      child.stdout.resume();
      const done = new Promise((r) => child.on('close', (code, signal) => r({ transform, code, signal, stderr, ms: Date.now() - started })));
      // `onText(fn)`: fn(stderr so far) is called on output until it returns true.
      resolve({ child, done, onText: (fn) => watchers.push(fn) });
    }, delayMs);
  });
}

const untracked = () =>
  git('status', '--porcelain', '--untracked-files=all')
    .split('\n')
    .filter((l) => l.startsWith('?? '))
    .map((l) => l.slice(3));

const totals = { rounds: 0, kills: 0, written: { 'no-var': 0, 'template-literals': 0 }, changedOnDisk: 0, tempSeenAfterKill: 0, states: { old: 0, nv: 0, tl: 0, both: 0 } };
const problems = [];
let typicalMs = 8000;

for (let round = 1; round <= ROUNDS + 1; round++) {
  const last = round === ROUNDS + 1; // a final round without kills: it must clean up whatever is left
  // Back to the old texts (written here, not by `git checkout`, whose stat cache can take a same-size file written
  // within the same second for unchanged).
  for (let i = 0; i < FILES; i++) fs.writeFileSync(path.join(dir, name(i)), OLD(i));
  const leftBefore = untracked();
  const a = await start('no-var', 0);
  const b = await start('template-literals', Math.floor(random() * 400));
  let victim;
  if (!last && random() < 0.8) {
    victim = random() < 0.5 ? a : b;
    if (random() < 0.6) {
      // While it writes: the summary comes just before the writes start; they take a second or two here.
      const after = random() * 1500;
      victim.onText((text) => {
        if (!text.includes('files scanned')) return false;
        setTimeout(() => victim.child.kill('SIGKILL'), after);
        return true;
      });
    } else {
      setTimeout(() => victim.child.kill('SIGKILL'), 300 + random() * typicalMs);
    }
  }
  const results = await Promise.all([a.done, b.done]);
  const killed = results.filter((r) => r.signal === 'SIGKILL');
  if (!killed.length) typicalMs = Math.max(...results.map((r) => r.ms));
  totals.rounds++;
  totals.kills += killed.length;

  // 1. Every file fully old or fully new.
  const count = { old: 0, nv: 0, tl: 0, both: 0 };
  for (let i = 0; i < FILES; i++) {
    const text = fs.readFileSync(path.join(dir, name(i)), 'utf8');
    const st = states(i);
    const which = Object.keys(st).find((k) => st[k] === text);
    if (!which) problems.push(`round ${round}: ${name(i)} is neither old nor new:\n${text}`);
    else count[which]++;
  }
  for (const k of Object.keys(count)) totals.states[k] += count[k];
  // 2. Reports match the disk.
  const carrying = { 'no-var': count.nv + count.both, 'template-literals': count.tl + count.both };
  for (const r of results) {
    if (r.signal) continue;
    const wrote = Number(/wrote (\d+) file\(s\)/.exec(r.stderr)?.[1]);
    const onDisk = (r.stderr.match(/changed on disk during the run/g) ?? []).length;
    totals.changedOnDisk += onDisk;
    totals.written[r.transform] += wrote;
    if (r.code !== 0 && r.code !== 3) problems.push(`round ${round}: ${r.transform} exited ${r.code}:\n${r.stderr.slice(-2000)}`);
    if (/internal error/.test(r.stderr)) problems.push(`round ${round}: ${r.transform}: internal error\n${r.stderr.slice(-2000)}`);
    if (wrote !== carrying[r.transform]) problems.push(`round ${round}: ${r.transform} says it wrote ${wrote} file(s), ${carrying[r.transform]} carry its change`);
  }
  const modified = git('status', '--porcelain').split('\n').filter((l) => l.startsWith(' M ')).length;
  if (modified !== FILES - count.old) problems.push(`round ${round}: git status lists ${modified} modified, ${FILES - count.old} files differ`);
  // 3. Temporary files: only after a kill, and gone after the next run.
  const left = untracked();
  if (left.length && !killed.length) problems.push(`round ${round}: files left without a kill: ${left.slice(0, 5).join(', ')}`);
  if (killed.length) totals.tempSeenAfterKill += left.length;
  const stillThere = leftBefore.filter((f) => left.includes(f));
  if (stillThere.length) problems.push(`round ${round}: leftovers of the previous round not removed: ${stillThere.slice(0, 5).join(', ')}`);
  console.log(
    `round ${round}${last ? ' (final, no kill)' : ''}: ${results.map((r) => `${r.transform} ${r.signal ?? `exit ${r.code}`} ${r.ms} ms${r.signal ? '' : `, wrote ${/wrote (\d+)/.exec(r.stderr)?.[1]}`}`).join('; ')}; ` +
      `files old ${count.old}, no-var ${count.nv}, template ${count.tl}, both ${count.both}; git status ${modified} modified; temp files left ${left.length}`,
  );
}

const lock = path.join(dir, '.git', 'remodel.lock');
if (fs.existsSync(lock)) problems.push('the lock file is still there after the final round');
const finalLeft = untracked();
if (finalLeft.length) problems.push(`files left at the end: ${finalLeft.join(', ')}`);
console.log(JSON.stringify({ files: FILES, ...totals, tempFilesAtEnd: finalLeft.length, problems: problems.length }, null, 2));
if (problems.length) {
  console.error(problems.slice(0, 20).join('\n'));
  process.exitCode = 1;
}
if (!args.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true });
else console.log(`kept ${dir}`);
