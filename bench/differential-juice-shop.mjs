#!/usr/bin/env node
// Differential check of extract-service (or layered) on OWASP juice-shop (issue 14's fourth app): copies the app twice
// into a temporary folder (never touching the app's own folder; node_modules is linked), rewrites one copy with the
// built CLI (`remodel run <transform> server.ts routes`), starts both servers on 127.0.0.1 (each seeds its own
// SQLite database from the same static data) and sends the same requests in the same order to both: every route of
// the table below (the routes extract-service extracts, and their neighbours) × inputs (no token, a customer's and
// the admin's token, existing / missing / malformed ids, bodies with and without the fields read). Compared: status,
// content type, Location and Set-Cookie, and the JSON or text body, with values that differ between any two runs normalized (JWTs, dates,
// captcha questions and answers). Prints the cases checked and every difference; exit 1 on a difference, 3 on a
// setup error.
//
//   npm run build && node bench/differential-juice-shop.mjs [--app-dir /work/apps/juice-shop]
//      [--transform extract-service|layered] [--keep] [--remodel BIN] [--throws-to-next]
// (--throws-to-next is passed on to remodel: extract-service's opt-in mode, checked like the default)
//
// The copies need what the app's own API tests need on this machine: built native modules (sqlite3, libxmljs2) in
// the app's node_modules, and the files its start checks for (frontend/dist, build/server.js) — the Angular
// frontend is not built here, so stubs stand in for them. juicy-chat-bot 0.9.0 is not on the registry: with 0.8.0
// (which exports { Bot }) the chatbot's import is adjusted in both copies alike.
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
const appDir = path.resolve(opt('--app-dir') || '/work/apps/juice-shop');
const transform = opt('--transform') || 'extract-service';
const remodelBin = path.resolve(opt('--remodel') || path.join(repo, 'bin', 'remodel.js'));
const keep = argv.includes('--keep');
const children = [];
function fail(msg) {
  for (const c of children) c.kill('SIGKILL');
  console.error(`differential-juice-shop: ${msg}`);
  process.exit(3);
}
if (!fs.existsSync(path.join(appDir, 'server.ts'))) fail(`${appDir} is not a juice-shop checkout`);
if (!fs.existsSync(path.join(appDir, 'node_modules'))) fail(`${appDir} has no node_modules (npm install first)`);

process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-diff-juice-'));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, REMODEL_PROGRESS: '0' } });

function copyApp(name) {
  const dest = path.join(scratch, name);
  fs.mkdirSync(dest);
  for (const e of fs.readdirSync(appDir)) {
    if (['node_modules', '.git', 'frontend', 'build', '.nyc_output'].includes(e)) continue;
    fs.cpSync(path.join(appDir, e), path.join(dest, e), { recursive: true });
  }
  fs.symlinkSync(path.join(appDir, 'node_modules'), path.join(dest, 'node_modules'), 'dir');
  // what the start-up checks look for (the frontend is not built here)
  const dist = path.join(dest, 'frontend', 'dist', 'frontend');
  fs.mkdirSync(dist, { recursive: true });
  // frontend/src is read by the coding challenges at start; its assets stand in for the built frontend's
  if (fs.existsSync(path.join(appDir, 'frontend', 'src'))) {
    fs.cpSync(path.join(appDir, 'frontend', 'src'), path.join(dest, 'frontend', 'src'), { recursive: true });
    fs.cpSync(path.join(appDir, 'frontend', 'src'), dist, { recursive: true });
  }
  for (const f of ['styles.css', 'main.js', 'polyfills.js', 'hacking-instructor-stub.js']) fs.writeFileSync(path.join(dist, f), '/* stub */\n');
  fs.mkdirSync(path.join(dest, 'build'), { recursive: true });
  fs.writeFileSync(path.join(dest, 'build', 'server.js'), '// stub\n');
  const chatbot = path.join(dest, 'routes', 'chatbot.ts');
  const botPkg = path.join(appDir, 'node_modules', 'juicy-chat-bot', 'package.json');
  if (fs.existsSync(chatbot) && fs.existsSync(botPkg) && JSON.parse(fs.readFileSync(botPkg, 'utf8')).version.startsWith('0.8.')) {
    fs.writeFileSync(chatbot, fs.readFileSync(chatbot, 'utf8').replace("import Bot from 'juicy-chat-bot'", "import { Bot } from 'juicy-chat-bot'"));
  }
  run('git', ['init', '-q'], dest);
  run('git', ['add', '-A'], dest);
  run('git', ['-c', 'user.email=bench@remodel', '-c', 'user.name=bench', 'commit', '-qm', 'copy'], dest);
  return dest;
}

const before = copyApp('before');
const after = copyApp('after');
const t0 = Date.now();
try {
  run(process.execPath, [remodelBin, 'run', transform, 'server.ts', 'routes', ...argv.filter((a) => a === '--throws-to-next')], after);
} catch (e) {
  fail(`remodel run ${transform} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
}
const changed = run('git', ['status', '--short', '--untracked-files=all'], after).trim().split('\n').filter(Boolean);
console.log(`${transform}: ${changed.length} files changed or created in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

function start(dir, port) {
  const child = spawn(process.execPath, ['-r', 'ts-node/register', 'app.ts'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), TS_NODE_TRANSPILE_ONLY: 'true', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  children.push(child);
  return { child, port, log: () => log };
}
async function ready(s) {
  const until = Date.now() + 240_000;
  while (Date.now() < until) {
    if (s.child.exitCode !== null) fail(`server on ${s.port} exited ${s.child.exitCode}:\n${s.log().slice(-3000)}`);
    try {
      const r = await fetch(`http://127.0.0.1:${s.port}/rest/admin/application-version`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  fail(`server on ${s.port} not ready in 240 s:\n${s.log().slice(-3000)}`);
}
const ports = [3000 + 100 + Math.floor(Math.random() * 800), 0];
ports[1] = ports[0] + 1;
const servers = [start(before, ports[0]), start(after, ports[1])];
await Promise.all(servers.map(ready));

// values that differ between two runs of the same app
const JWT = /^[\w-]+\.[\w-]+\.[\w-]*$/;
const DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/;
// (the seeded orders get random ids and delivery times)
const RANDOM_KEYS = new Set(['captcha', 'answer', 'captchaId', 'token', 'lastLoginTime', 'createdAt', 'updatedAt', 'deletedAt', 'orderId', 'eta', '_id', 'secret', 'image']);
function normalize(v, key) {
  if (key && RANDOM_KEYS.has(key)) return `<${key}>`;
  if (typeof v === 'string') return JWT.test(v) && v.length > 60 ? '<jwt>' : DATE.test(v) ? '<date>' : v;
  if (Array.isArray(v)) return v.map((x) => normalize(x));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalize(x, k)]));
  return v;
}
async function send(port, c, token) {
  const headers = { 'content-type': 'application/json' };
  // (as the browser app sends it: some routes read the header, others the cookie, /dataerasure for one)
  if (c.auth && token) Object.assign(headers, { authorization: `Bearer ${token}`, cookie: `token=${token}` });
  let r;
  try {
    r = await fetch(`http://127.0.0.1:${port}${c.path}`, { method: c.method, headers, body: c.body ? JSON.stringify(c.body) : undefined, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  } catch (e) {
    // no answer (the connection closed, or the server went away): an outcome like any other
    return { status: 'no answer', type: '', body: String(e.cause?.code ?? e.name) };
  }
  const type = (r.headers.get('content-type') || '').split(';')[0];
  // the headers an answer sets from what the handler computed (a redirect's Location, a cookie's token)
  const answerHeaders = Object.fromEntries(['location', 'set-cookie'].flatMap((h) => (r.headers.get(h) ? [[h, r.headers.get(h).replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '<jwt>')]] : [])));
  const text = await r.text();
  // (an answer whose body differs between any two runs, Prometheus's process metrics: status and headers only)
  if (c.bodyless) return { status: r.status, type, headers: answerHeaders, body: '<not compared>' };
  // error pages show stack traces: the copy's folder, and line numbers that move in rewritten files
  // The stack itself is left out: an error the logic creates (`next(new Error(…))` that became a throw in the service)
  // is created in the service's file now, so its frames name that file; status, title and message are compared.
  let body = text.split(port === ports[0] ? before : after).join('<app>').replace(/(\.[jt]s):\d+:\d+/g, '$1:<line>').replace(/<ul id="stacktrace">[\s\S]*?<\/ul>/g, '<ul id="stacktrace"><stack></ul>');
  if (type === 'application/json') {
    try {
      body = normalize(JSON.parse(text));
    } catch {
      // not JSON after all: compared as text
    }
  }
  return { status: r.status, type, headers: answerHeaders, body };
}
async function login(port, email, password) {
  const r = await fetch(`http://127.0.0.1:${port}/rest/user/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const j = await r.json().catch(() => ({}));
  if (!j.authentication?.token) fail(`login of ${email} on ${port} failed (${r.status})`);
  return j.authentication.token;
}
const tokens = await Promise.all(
  ports.map(async (p) => ({ admin: await login(p, 'admin@juice-sh.op', 'admin123'), jim: await login(p, 'jim@juice-sh.op', 'ncc-1701') })),
);

// route × inputs; `auth`: which user's token goes with the request (none: no Authorization header)
const ROUTES = [
  ['GET', '/rest/admin/application-version'],
  ['GET', '/rest/admin/application-configuration'],
  ['GET', '/rest/languages'],
  ['GET', '/rest/captcha'],
  ['GET', '/rest/continue-code'],
  ['GET', '/rest/continue-code-findIt'],
  ['GET', '/rest/continue-code-fixIt'],
  ['GET', '/rest/user/authentication-details'],
  ['GET', '/rest/order-history/orders'],
  ['GET', '/rest/order-history'],
  ['GET', '/rest/wallet/balance'],
  ['GET', '/api/Cards'],
  ['GET', '/api/Cards/1'],
  ['GET', '/api/Cards/999'],
  ['GET', '/api/Cards/abc'],
  ['DELETE', '/api/Cards/999'],
  ['DELETE', '/api/Cards/abc'],
  ['GET', '/api/Addresss'],
  ['GET', '/api/Addresss/1'],
  ['GET', '/api/Addresss/999'],
  ['GET', '/api/Addresss/abc'],
  ['DELETE', '/api/Addresss/999'],
  ['POST', '/rest/web3/submitKey', {}],
  ['POST', '/rest/web3/submitKey', { privateKey: '0x5bcc3e9d38baa06e7bfaab80ae5957bbe8ef059e640311d7d6d465e6bc948e3e' }],
  ['POST', '/rest/web3/submitKey', { privateKey: 'not a key' }],
  ['POST', '/rest/web3/walletNFTVerify', {}],
  ['POST', '/rest/web3/walletNFTVerify', { walletAddress: '0x0000000000000000000000000000000000000000' }],
  ['GET', '/rest/web3/nftUnlocked'],
  ['GET', '/rest/memories'],
  ['GET', '/api/Recycles'],
  ['GET', '/api/Recycles/1'],
  ['GET', '/api/Recycles/999'],
  ['GET', '/api/Recycles/abc'],
  ['GET', '/api/Deliverys'],
  ['GET', '/api/Deliverys/1'],
  ['GET', '/api/Deliverys/999'],
  ['GET', '/rest/deluxe-membership'],
  ['GET', '/rest/2fa/status'],
  ['POST', '/rest/2fa/setup', {}],
  ['POST', '/rest/2fa/setup', { password: 'wrong', setupToken: 'x', initialToken: '000000' }],
  ['POST', '/rest/2fa/disable', {}],
  ['POST', '/rest/2fa/verify', {}],
  ['POST', '/rest/2fa/verify', { tmpToken: 'not-a-token', totpToken: '000000' }],
  ['POST', '/rest/2fa/disable', { password: 'wrong' }],
  ['GET', '/rest/image-captcha'],
  ['GET', '/rest/saveLoginIp'],
  ['GET', '/dataerasure'],
  ['PUT', '/rest/basket/999/coupon/WMNSDY2019'],
  ['PUT', '/rest/basket/1/coupon/not-a-coupon'],
  // promise chains without a catch, with a rejection callback answering (a bad $where is a rejection)
  ['GET', '/rest/track-order/5267-f9cd5882f54c75a3'],
  ['GET', '/rest/track-order/abc'],
  ["GET", "/rest/track-order/x'"],
  ['GET', '/rest/products/1/reviews'],
  ['GET', '/rest/products/abc/reviews'],
  ["GET", "/rest/products/1'/reviews"],
  // file answers kept in the controller (the frontend's files are stubs here or missing: Express's own 404 then)
  ['GET', '/the/devs/are/so/funny/they/hid/an/easter/egg/within/the/easter/egg'],
  ['GET', '/this/page/is/hidden/behind/an/incredibly/high/paywall/that/could/only/be/unlocked/by/sending/1btc/to/us'],
  ['GET', '/we/may/also/instruct/you/to/refuse/all/reasonably/necessary/responsibility'],
  // a guard kept before the final try, the try's logic moved (its input typed by the function that returned it)
  ['GET', '/rest/user/change-password'],
  ['GET', '/rest/user/change-password?current=wrong&new=abcde&repeat=abcdf'],
  // a factory's parameter handed to the service; exported helpers moved and exported again from the router module
  ['GET', '/rest/country-mapping'],
  ['GET', '/snippets/fixes/dbSchemaChallenge'],
  ['GET', '/snippets/fixes/noSuchChallenge'],
  ['GET', '/snippets/dbSchemaChallenge'],
  ['GET', '/snippets/noSuchChallenge'],
  // i18n's translation in the logic, bound to the request / the response
  ['GET', '/rest/basket/1'],
  ['GET', '/rest/basket/999'],
  ['POST', '/snippets/fixes', { key: 'dbSchemaChallenge', selectedFix: 0 }],
  ['POST', '/snippets/fixes', { key: 'noSuchChallenge', selectedFix: 0 }],
  // guards whose success is next(): a wrong or missing captcha answered by the guard (401), as before
  ['POST', '/api/Feedbacks', { captchaId: 999, captcha: 'wrong', comment: 'hi', rating: 1 }],
  ['POST', '/api/Feedbacks', {}],
  // an answer's header set apart from its body, which stays in the controller after it (Prometheus's metrics)
  ['GET', '/metrics', undefined, { bodyless: true }],
  // state changes last: each case runs on both servers before the next
  // (a profile update answered with a cookie, a Location and a redirect, set from the values the service returns)
  ['POST', '/profile', { username: 'remodel' }],
  ['POST', '/rest/user/data-export', { answer: 'wrong', format: '1' }],
  ['GET', '/rest/user/change-password?current=ncc-1701&new=abcde&repeat=abcde'],
  ['POST', '/api/BasketItems', { ProductId: 1, BasketId: '999', quantity: 1 }],
  ['POST', '/api/BasketItems', { ProductId: 1, quantity: 1 }],
  ['POST', '/api/BasketItems', { ProductId: 2, BasketId: '2', quantity: 1 }],
  ['GET', '/api/Cards/4'],
  ['DELETE', '/api/Cards/4'],
  ['GET', '/api/Cards/4'],
  // last: on the seeded data this delete fails a foreign key and the rejection ends the process (before and after)
  ['DELETE', '/api/Addresss/4'],
];
const cases = [];
for (const [method, p, body, how] of ROUTES) for (const auth of [undefined, 'jim', 'admin']) cases.push({ method, path: p, body, auth, ...how });

let differences = 0;
let compared = 0;
let crashed;
const shown = [];
for (const c of cases) {
  const [a, b] = await Promise.all(ports.map((port, i) => send(port, c, c.auth && tokens[i][c.auth])));
  // a connection cut by a dying process arrives before its exit event: give the exit time to be seen
  if (a.status === 'no answer' || b.status === 'no answer') await new Promise((r) => setTimeout(r, 2000));
  if (servers.some((s) => s.child.exitCode !== null)) {
    // a crash (an unhandled rejection ends juice-shop's process) is an outcome: the same when both servers end
    await new Promise((r) => setTimeout(r, 2000));
    const exited = servers.map((s) => s.child.exitCode);
    const at = `${c.method} ${c.path} ${c.auth ?? 'anonymous'}`;
    if (exited.every((x) => x !== null)) {
      crashed = `both servers exited (${exited.join(', ')}) at ${at}: ${(servers[0].log().match(/^\s*name: '(\w+)'/m) ?? ['', 'see logs'])[1]}`;
    } else {
      differences++;
      shown.push({ case: at, before: { exited: exited[0] }, after: { exited: exited[1] } });
      crashed = `only the ${exited[0] === null ? 'rewritten' : 'original'} server exited at ${at}`;
    }
    compared++;
    break;
  }
  compared++;
  const same = a.status === b.status && a.type === b.type && JSON.stringify(a.headers) === JSON.stringify(b.headers) && JSON.stringify(a.body) === JSON.stringify(b.body);
  if (!same) {
    differences++;
    if (shown.length < 20) shown.push({ case: `${c.method} ${c.path} ${c.auth ?? 'anonymous'} ${c.body ? JSON.stringify(c.body) : ''}`, before: a, after: b });
  }
}
for (const s of servers) s.child.kill('SIGTERM');
const routes = new Set(ROUTES.map(([m, p]) => `${m} ${p}`)).size;
console.log(`${routes} route × path cases, ${compared} of ${cases.length} requests (anonymous, customer, admin) compared: ${differences} differences`);
if (crashed) console.log(crashed);
for (const s of shown) console.log(`\n${s.case}\n  before: ${JSON.stringify(s.before).slice(0, 400)}\n  after:  ${JSON.stringify(s.after).slice(0, 400)}`);
if (keep) console.log(`copies kept in ${scratch}`);
else fs.rmSync(scratch, { recursive: true, force: true });
process.exit(differences ? 1 : 0);
