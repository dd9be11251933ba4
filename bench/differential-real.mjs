#!/usr/bin/env node
// Differential check of extract-service on real apps (issue 14): copy the app twice into a temporary folder (never
// touching the app's own folder), rewrite one copy with the built CLI, then send every case of the app's table
// (bench/differential-real/<app>.mjs) to both copies, each case on a fresh server and fresh data, under each of the
// app's data-layer outcomes, and compare status, headers (all but date/connection/keep-alive/transfer-encoding),
// body and the data's effect (json-server: the db state in memory and on disk; express examples: the calls made to
// their data modules). Prints routes × inputs checked and every difference with its request and both answers;
// exits 1 on any difference, 2 when the transform extracted no handler (nothing was compared), 3 on a setup error.
//
//   npm run build && node bench/differential-real.mjs <json-server|express|tns> [--app-dir DIR] [--all] [--keep]
//      [--transform extract-service|layered] [--show N] [--dump FILE] [--remodel BIN]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const tables = path.join(here, 'differential-real');
const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const appName = argv.find(
  (a, i) => !a.startsWith('--') && !['--app-dir', '--transform', '--show', '--dump', '--remodel'].includes(argv[i - 1]),
);
const all = argv.includes('--all');
const keep = argv.includes('--keep');
const transform = opt('--transform') || 'extract-service';
const show = Number(opt('--show') || 10);
// another build of remodel (e.g. a worktree of main's last commit): its bin/remodel.js
const remodelBin = path.resolve(opt('--remodel') || path.join(repo, 'bin', 'remodel.js'));

let teardown; // stops what app.setup started
function fail(msg, code = 3) {
  teardown?.();
  teardown = undefined;
  console.error(`differential-real: ${msg}`);
  process.exit(code);
}
if (!appName) fail('usage: node bench/differential-real.mjs <app> [--app-dir DIR] [--all] [--keep] [--transform T] [--show N]');
if (appName === 'tns' || appName === 'TypeScript-Node-Starter')
  fail(
    'microsoft/TypeScript-Node-Starter cannot run here: its data layer is MongoDB (mongoose connects at start and every ' +
      'route reads or writes through it) and this machine has no MongoDB server or package. Not faked.',
  );
const tableFile = path.join(tables, `${appName}.mjs`);
if (!fs.existsSync(tableFile)) fail(`no request table ${path.relative(repo, tableFile)}`);
const app = (await import(pathToFileURL(tableFile).href)).default;
const appDir = path.resolve(opt('--app-dir') || app.defaultDir);
if (!fs.existsSync(appDir)) fail(`app folder ${appDir} not found`);
if (!fs.existsSync(path.join(path.dirname(remodelBin), '..', 'dist', 'src')))
  fail(`no dist/ beside ${remodelBin}: run npm run build first`);

const sh = (cmd, args, cwd, env) =>
  execFileSync(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 << 20,
  });
const git = (args, cwd) => sh('git', ['-c', 'user.email=d@example.com', '-c', 'user.name=d', ...args], cwd);

function makeCopy(dest) {
  fs.mkdirSync(dest, { recursive: true });
  for (const entry of app.copy) fs.cpSync(path.join(appDir, entry), path.join(dest, entry), { recursive: true, preserveTimestamps: true });
  // the app's installed dependencies, shared read-only by both copies (remodel never walks node_modules)
  fs.symlinkSync(path.join(appDir, 'node_modules'), path.join(dest, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(dest, '.gitignore'), 'node_modules\nlib/\n.probe-*\n');
  git(['init', '-q', '-b', 'main'], dest);
  git(['add', '-A'], dest);
  git(['commit', '-qm', 'app'], dest);
}

const t0 = Date.now();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `remodel-diffreal-${app.name}-`));
const orig = path.join(scratch, 'original');
const rewritten = path.join(scratch, 'rewritten');
let exitCode = 0;
try {
  makeCopy(orig);
  makeCopy(rewritten);

  // 1. rewrite one copy with the built CLI
  const tr = Date.now();
  const run = spawnSync(process.execPath, [remodelBin, 'run', transform, ...app.transformPaths, '--verbose'], {
    cwd: rewritten,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, REMODEL_PROGRESS: '0' },
  });
  const log = (run.stdout || '') + (run.stderr || '');
  if (run.status !== 0) fail(`remodel run ${transform} exited ${run.status}:\n${log}`);
  const rewriteMs = Date.now() - tr;
  const extracted = [...log.matchAll(/^\s*(\S+:\d+:\d+) (.+?): extracted to (\S+)/gm)].map((m) => ({ at: m[1], route: m[2], to: m[3] }));
  const summaries = [...log.matchAll(/extract-service: (\d+) of (\d+) handlers extracted/g)].reduce(
    (s, m) => [s[0] + Number(m[1]), s[1] + Number(m[2])],
    [0, 0],
  );
  git(['add', '-A'], rewritten);
  const changedFiles = git(['diff', '--cached', '--name-only'], rewritten).trim().split('\n').filter(Boolean);

  // 2. what to compare (an app may narrow its table to what changed, e.g. one express example per folder)
  const selection = app.select ? app.select({ changedFiles, all }) : { spec: app.spec, notes: [] };
  for (const note of selection.notes) console.log(note);
  if (selection.error) fail(selection.error);

  // services the selected cases need (the express search example: a redis-server), stopped in finally
  try {
    teardown = app.setup ? await app.setup(selection.spec) : undefined;
  } catch (e) {
    fail(e.message);
  }

  // 3. build both copies as the app builds itself, then probe each
  const probe = (dir) => {
    for (const [cmd, args] of app.build || []) sh(path.join(dir, cmd), args, dir);
    const specFile = path.join(scratch, `spec-${path.basename(dir)}.json`);
    fs.writeFileSync(specFile, JSON.stringify(selection.spec));
    fs.copyFileSync(path.join(tables, 'http.cjs'), path.join(scratch, 'http.cjs'));
    fs.copyFileSync(path.join(tables, app.probe), path.join(scratch, app.probe));
    const res = spawnSync(process.execPath, [path.join(scratch, app.probe), dir, specFile], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 << 20,
      env: { ...process.env, NODE_ENV: 'test' },
      timeout: 15 * 60 * 1000,
    });
    if (res.status !== 0) fail(`probe of the ${path.basename(dir)} copy exited ${res.status}:\n${res.stderr}`);
    return new Map(
      res.stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .map((r) => [r.key, r]),
    );
  };
  const tp = Date.now();
  const a = probe(orig);
  const b = probe(rewritten);
  const probeMs = Date.now() - tp;
  if (opt('--dump'))
    fs.writeFileSync(path.resolve(opt('--dump')), JSON.stringify({ original: [...a.values()], rewritten: [...b.values()] }, null, 1));

  // 4. compare
  const diffs = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    const fields = ['error', 'status', 'headers', 'body', 'calls', 'dbState', 'dbFile', 'logged', 'crashes'].filter(
      (f) => JSON.stringify(x?.[f]) !== JSON.stringify(y?.[f]),
    );
    if (!x || !y || fields.length) diffs.push({ key, request: (x || y).request, fields, original: x, rewritten: y });
  }
  for (const d of diffs.slice(0, show)) {
    console.log(`\nDIFFERENCE ${d.key}: ${d.request}  (${d.fields.join(', ') || 'missing on one side'})`);
    for (const [side, r] of [
      ['original ', d.original],
      ['rewritten', d.rewritten],
    ]) {
      const pick = r
        ? Object.fromEntries(Object.entries(r).filter(([k]) => !['key', 'request'].includes(k) && (d.fields.includes(k) || k === 'status')))
        : null;
      console.log(`  ${side}: ${JSON.stringify(pick)}`);
    }
  }
  if (diffs.length > show)
    console.log(
      `\n... and ${diffs.length - show} more: ${diffs
        .slice(show)
        .map((d) => d.key)
        .join('; ')}`,
    );

  const cases = selection.spec.cases || selection.spec.examples.flatMap((e) => e.cases);
  const labels = new Set(selection.routes || cases.map((c) => c.route));
  const routes = [...labels].filter((r) => !/(^|\s)\(/.test(r) || /\((singular|example\.com)\)$/.test(r));
  console.log(
    `\n${app.name}: ${transform} extracted ${extracted.length} handler(s) (summary lines: ${summaries[0]} of ${summaries[1]}), ${changedFiles.length} file(s) changed in ${(rewriteMs / 1000).toFixed(1)} s`,
  );
  for (const e of extracted) console.log(`  extracted ${e.route} (${e.at}) → ${e.to}`);
  console.log(
    `checked ${routes.length} routes (+${labels.size - routes.length} paths no route handles: fallbacks, static files, rewrites) × ${cases.length} inputs → ${a.size} exchanges per copy (original ${a.size}, rewritten ${b.size}); ` +
      `${diffs.length} difference(s); probes ${(probeMs / 1000).toFixed(1)} s, total ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  if (diffs.length) exitCode = 1;
  else if (!extracted.length && !argv.includes('--allow-unchanged')) {
    console.log(`no handler was extracted: the comparison says nothing about ${transform} (exit 2; --allow-unchanged to accept)`);
    exitCode = 2;
  }
} finally {
  teardown?.();
  teardown = undefined;
  if (keep) console.log(`kept ${scratch}`);
  else fs.rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
