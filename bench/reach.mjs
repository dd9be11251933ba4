#!/usr/bin/env node
// Reach of extract-service on real apps (issue 14): copies each app into a temporary folder (never touching
// /work/apps), runs the built CLI (`remodel run <transform> <paths> --json`) on the copy and prints, per app: routes,
// handlers, fat handlers (all but the trivial ones: already thin, nothing but request reads), extracted, and every
// fat handler left alone with its reason; then the totals and the percentage of fat handlers extracted.
//
//   npm run build && node bench/reach.mjs [json-server|express|tns ...] [--transform extract-service|layered]
//      [--json FILE] [--remodel BIN] [--throws-to-next] [--callback-throws-to-next]
// (the two options are passed on to remodel: the opt-in modes of extract-service, measured apart from the default)
// Exit 0; 3 on a setup error (an app folder missing, the CLI failing).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const transform = opt('--transform') || 'extract-service';
const remodelBin = path.resolve(opt('--remodel') || path.join(repo, 'bin', 'remodel.js'));
const passOn = argv.filter((a) => a === '--throws-to-next' || a === '--callback-throws-to-next');

// copy: what is copied (node_modules is linked, read-only); paths: what remodel runs on
const APPS = {
  'json-server': { dir: '/work/apps/json-server', copy: ['src', 'package.json', '.babelrc'], paths: ['src'] },
  express: { dir: '/work/apps/express', copy: ['examples', 'lib', 'index.js', 'package.json'], paths: ['examples'] },
  tns: { dir: '/work/apps/tns', copy: ['src', 'test', 'package.json', 'tsconfig.json', 'jest.config.js'], paths: ['src'] },
  // OWASP juice-shop v19.2.1 (issue 14's fourth app): routes registered in server.ts, handlers made by factories in routes/
  // sequelize/express-example (express-main-example): route modules registered in a loop through an async-error wrapper
  'sequelize-example': { dir: '/work/apps/seq-example/express-main-example', copy: ['express', 'sequelize', 'index.js', 'package.json'], paths: ['express'] },
  // gothinkster/node-express-realworld-example-app before its move to nx (e40aeb9~1): mongoose models, express-jwt, router.param loaders
  realworld: { dir: '/work/apps/realworld', copy: ['routes', 'models', 'config', 'app.js', 'package.json'], paths: ['routes', 'app.js'] },
  // bradtraversy/proshop_mern (1d20b5b, MERN): every handler written as express-async-handler's asyncHandler(async (req, res) => …),
  // failures answered by `res.status(404); throw new Error(…)` and the app's error middleware; dependencies installed
  // (`npm install --omit=dev`: no @types/express, so the wrapper's declarations leave req/res `unknown`)
  proshop: { dir: '/work/apps/proshop', copy: ['backend', 'package.json'], paths: ['backend'] },
  // john-smilga/node-express-course 06-jobs-api/final (39a2a5e): express-async-errors, the app's own error classes
  // thrown for its error middleware, statuses named by http-status-codes' StatusCodes; dependencies installed
  'jobs-api': { dir: '/work/apps/jobs-api', copy: ['app.js', 'controllers', 'routes', 'middleware', 'models', 'errors', 'db', 'package.json'], paths: ['.'] },
  'juice-shop': { dir: '/work/apps/juice-shop', copy: ['server.ts', 'app.ts', 'routes', 'lib', 'models', 'data', 'config', 'package.json', 'tsconfig.json'], paths: ['server.ts', 'routes'] },
};
// outcomes that are not fat handlers (nothing to move) or not handlers at all
const TRIVIAL = new Set(['already-thin', 'one-response-call', 'no-logic']);
const NOT_A_HANDLER = new Set(['summary', 'shared-handler', 'error-middleware', 'middleware-kept', 'mounted-with-use']);
// routes whose handler function is not known (a package's middleware, a computed expression): counted apart
const UNRESOLVED = new Set(['external-handler', 'unresolved-handler-expression', 'unknown-factory-result', 'dynamic-method', 'dynamic-route-options', 'mounted-twice', 'unmounted-router', 'unresolved-mount']);

const names = argv.filter((a, i) => !a.startsWith('--') && !['--transform', '--json', '--remodel'].includes(argv[i - 1]));
const selected = names.length ? names : Object.keys(APPS);
function fail(msg) {
  console.error(`reach: ${msg}`);
  process.exit(3);
}
for (const n of selected) if (!APPS[n]) fail(`unknown app ${n} (one of ${Object.keys(APPS).join(', ')})`);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-reach-'));
const results = [];
try {
  for (const name of selected) {
    const app = APPS[name];
    if (!fs.existsSync(app.dir)) fail(`app folder ${app.dir} not found`);
    const dest = path.join(scratch, name);
    fs.mkdirSync(dest, { recursive: true });
    for (const entry of app.copy) {
      if (fs.existsSync(path.join(app.dir, entry))) fs.cpSync(path.join(app.dir, entry), path.join(dest, entry), { recursive: true });
    }
    fs.symlinkSync(path.join(app.dir, 'node_modules'), path.join(dest, 'node_modules'), 'dir');
    const t0 = Date.now();
    const run = spawnSync(process.execPath, [remodelBin, 'run', transform, ...app.paths, '--json', '--dry', ...passOn], {
      cwd: dest,
      encoding: 'utf8',
      maxBuffer: 256 << 20,
      env: { ...process.env, REMODEL_PROGRESS: '0' },
    });
    let out;
    try {
      out = JSON.parse(run.stdout);
    } catch {
      fail(`${name}: remodel exited ${run.status} without JSON:\n${run.stdout}${run.stderr}`);
    }
    // a recipe's reports name their transform; keep extract-service's
    const reports = (out.files || []).flatMap((f) => (f.reports || []).filter((r) => !r.transform || r.transform === 'extract-service').map((r) => ({ ...r, path: f.path })));
    const routes = [];
    for (const r of reports) {
      const m = /^([A-Z]+ \S+): (.*)$/.exec(r.message);
      if (!m || r.reason === 'summary') continue;
      routes.push({ route: m[1], reason: r.reason, message: m[2], at: `${r.path}:${r.line}` });
    }
    const unresolved = routes.filter((r) => UNRESOLVED.has(r.reason));
    const handlers = routes.filter((r) => !NOT_A_HANDLER.has(r.reason) && !UNRESOLVED.has(r.reason));
    const fat = handlers.filter((r) => !TRIVIAL.has(r.reason));
    const extracted = fat.filter((r) => r.reason === 'extracted');
    const remaining = fat.filter((r) => r.reason !== 'extracted');
    results.push({ app: name, ms: Date.now() - t0, routes: routes.length, unresolved: unresolved.length, handlers: handlers.length, fat: fat.length, extracted: extracted.length, remaining, extractedList: extracted });
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}

const pct = (a, b) => (b ? `${Math.round((a / b) * 100)}%` : '-');
console.log(`reach of ${transform}\n`);
const w = Math.max(12, ...results.map((r) => r.app.length));
console.log(`${'app'.padEnd(w)} routes  unresolved  handlers  fat  extracted  %     time`);
for (const r of results) {
  console.log(
    `${r.app.padEnd(w)} ${String(r.routes).padStart(6)}  ${String(r.unresolved).padStart(10)}  ${String(r.handlers).padStart(8)}  ${String(r.fat).padStart(3)}  ${String(r.extracted).padStart(9)}  ${pct(r.extracted, r.fat).padEnd(5)} ${(r.ms / 1000).toFixed(1)} s`,
  );
}
const tot = results.reduce((s, r) => ({ routes: s.routes + r.routes, unresolved: s.unresolved + r.unresolved, handlers: s.handlers + r.handlers, fat: s.fat + r.fat, extracted: s.extracted + r.extracted }), { routes: 0, unresolved: 0, handlers: 0, fat: 0, extracted: 0 });
console.log(`${'total'.padEnd(w)} ${String(tot.routes).padStart(6)}  ${String(tot.unresolved).padStart(10)}  ${String(tot.handlers).padStart(8)}  ${String(tot.fat).padStart(3)}  ${String(tot.extracted).padStart(9)}  ${pct(tot.extracted, tot.fat)}`);
for (const r of results) {
  console.log(`\n${r.app}: ${r.extracted} of ${r.fat} fat handlers extracted`);
  for (const x of r.extractedList) console.log(`  extracted ${x.route}  ${x.at}`);
  const by = new Map();
  for (const x of r.remaining) by.set(x.reason, [...(by.get(x.reason) || []), x]);
  for (const [reason, list] of [...by].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${reason} (${list.length})`);
    for (const x of list) console.log(`    ${x.route}  ${x.at}  ${x.message.replace(/^skipped, /, '').slice(0, 110)}`);
  }
}
if (opt('--json')) fs.writeFileSync(path.resolve(opt('--json')), JSON.stringify({ transform, results, total: tot }, null, 1));
