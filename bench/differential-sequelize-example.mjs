#!/usr/bin/env node
// Differential check of extract-service on sequelize/express-example (express-main-example: three route modules
// registered in a loop through a wrapper that forwards async errors, Sequelize on SQLite). Copies the app twice into a
// temporary folder (never touching the app's own folder; node_modules is linked), rewrites one copy with the built CLI
// (`remodel run extract-service .`), gives both the same SQLite database (built once by the app's own setup script in
// a third copy), starts each as a real server on 127.0.0.1 and sends the same requests in the same order: every route
// × existing / missing / malformed ids, bodies with and without the fields read. Compared: status, content type and
// body (timestamps normalized, stack frames of Express's error page dropped). Prints every difference; exit 1 on a
// difference, 3 on a setup error.
//
//   npm run build && node bench/differential-sequelize-example.mjs [--app-dir /work/apps/seq-example/express-main-example]
//      [--remodel BIN] [--keep]
// The app folder needs its dependencies installed (`npm install` there: sequelize, sqlite3 with its native module).
import { execFileSync, spawn } from 'node:child_process';
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
const appDir = path.resolve(opt('--app-dir') || '/work/apps/seq-example/express-main-example');
const remodelBin = path.resolve(opt('--remodel') || path.join(repo, 'bin', 'remodel.js'));
const keep = argv.includes('--keep');
function fail(msg) {
  console.error(`differential-sequelize-example: ${msg}`);
  process.exit(3);
}
if (!fs.existsSync(path.join(appDir, 'express', 'app.js'))) fail(`${appDir} is not sequelize/express-example's express-main-example`);
if (!fs.existsSync(path.join(appDir, 'node_modules', 'sqlite3'))) fail(`run npm install in ${appDir} first`);

const REQUESTS = [
  ['GET', '/api/users'],
  ['GET', '/api/users/1'],
  ['GET', '/api/users/999'],
  ['GET', '/api/users/abc'],
  ['POST', '/api/users', { username: 'newbie' }],
  ['POST', '/api/users', { id: 5, username: 'x' }],
  ['PUT', '/api/users/1', { id: 1, username: 'renamed' }],
  ['PUT', '/api/users/1', { id: 2 }],
  ['GET', '/api/users/1'],
  ['DELETE', '/api/users/2'],
  ['DELETE', '/api/users/abc'],
  ['GET', '/api/users'],
  ['GET', '/api/instruments/1'],
  ['GET', '/api/instruments/77'],
  ['POST', '/api/instruments', { type: 'flute', purchaseDate: '2020-01-01', orchestraId: 1 }],
  ['POST', '/api/instruments', { id: 9, type: 'harp' }],
  ['DELETE', '/api/instruments/1'],
  ['GET', '/api/instruments'],
  ['GET', '/api/orchestras'],
  ['GET', '/api/orchestras?includeInstruments'],
  ['GET', '/api/orchestras/1'],
  ['GET', '/api/orchestras/99'],
  ['GET', '/api/orchestras/x'],
  ['POST', '/api/orchestras', { id: 3 }],
  ['POST', '/api/orchestras', { name: 'New' }],
  ['PUT', '/api/orchestras/1', { id: 1, name: 'Renamed' }],
  ['PUT', '/api/orchestras/2', { id: 1 }],
  ['PUT', '/api/orchestras/abc', { id: 1 }],
  ['PUT', '/api/orchestras/1'],
  ['PUT', '/api/instruments/2', { id: 2, type: 'oboe' }],
  ['PUT', '/api/instruments/2', { type: 'oboe' }],
  ['GET', '/api/instruments/2'],
  ['DELETE', '/api/orchestras/abc'],
  ['GET', '/api/orchestras'],
];

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-seq-diff-'));
function copyApp(name) {
  const dest = path.join(scratch, name);
  fs.cpSync(appDir, dest, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) && !src.endsWith('.sqlite') });
  fs.symlinkSync(path.join(appDir, 'node_modules'), path.join(dest, 'node_modules'), 'dir');
  return dest;
}

async function serve(dir, db) {
  fs.copyFileSync(db, path.join(dir, 'sqlite-example-database', 'example-db.sqlite'));
  const child = spawn(process.execPath, ['-e', "const app = require('./express/app'); const s = app.listen(0, '127.0.0.1', () => console.log('port ' + s.address().port));"], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const port = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /port (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', () => reject(new Error(`server in ${dir} exited: ${stderr}`)));
  });
  const outcomes = [];
  for (const [method, p, body] of REQUESTS) {
    const res = await fetch(`http://127.0.0.1:${port}${p}`, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined, signal: AbortSignal.timeout(5000) });
    const text = (await res.text()).replace(/"(createdAt|updatedAt)":"[^"]*"/g, '"$1":"T"').replace(/ &nbsp; &nbsp;at [^<]*<br>/g, '').replace(/\n\s+at .*/g, '');
    outcomes.push({ request: `${method} ${p}${body ? ' ' + JSON.stringify(body) : ''}`, status: res.status, type: res.headers.get('content-type'), body: text });
  }
  child.kill();
  return outcomes;
}

try {
  const seed = copyApp('seed');
  execFileSync(process.execPath, ['sqlite-example-database/setup.js'], { cwd: seed, stdio: 'ignore' });
  const db = path.join(seed, 'sqlite-example-database', 'example-db.sqlite');
  const before = copyApp('before');
  const after = copyApp('after');
  execFileSync('git', ['init', '-q'], { cwd: after });
  fs.writeFileSync(path.join(after, '.gitignore'), 'node_modules\n');
  execFileSync('git', ['add', '-A'], { cwd: after });
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', 'commit', '-qm', 'app'], { cwd: after });
  const run = spawn(process.execPath, [remodelBin, 'run', 'extract-service', '.', '--json'], { cwd: after, stdio: ['ignore', 'pipe', 'pipe'] });
  let json = '';
  run.stdout.on('data', (d) => (json += d));
  const code = await new Promise((resolve) => run.on('exit', resolve));
  if (code !== 0 && code !== 1) fail(`remodel exited ${code}`);
  const report = JSON.parse(json);
  const extracted = report.files.flatMap((f) => f.reports ?? []).filter((r) => r.reason === 'extracted').length;
  const a = await serve(before, db);
  const b = await serve(after, db);
  let differences = 0;
  for (const [i, x] of a.entries()) {
    const y = b[i];
    if (x.status === y.status && x.type === y.type && x.body === y.body) continue;
    differences++;
    console.log(`DIFFERENCE ${x.request}\n  before: ${x.status} ${x.type} ${x.body.slice(0, 200)}\n  after:  ${y.status} ${y.type} ${y.body.slice(0, 200)}`);
  }
  console.log(`sequelize express-example: ${extracted} handlers extracted; ${a.length} requests compared: ${differences} differences`);
  process.exitCode = differences ? 1 : 0;
} finally {
  if (!keep) fs.rmSync(scratch, { recursive: true, force: true });
  else console.log(`kept ${scratch}`);
}
