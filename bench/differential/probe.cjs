'use strict';
// Runs inside one copy of an app: loads it, wraps its data module so every call is recorded and can be made to
// answer "not found" or fail, then sends each case's request and prints one JSON line per case.
// argv: <app module> <data module> <cases.json>
const path = require('node:path');
const fs = require('node:fs');
const { once } = require('node:events');

const [appPath, dataPath, casesPath] = process.argv.slice(2);
const data = require(path.resolve(dataPath));
const appModule = require(path.resolve(appPath));
const app = appModule.default || appModule;
const spec = JSON.parse(fs.readFileSync(casesPath, 'utf8'));
const hooks = new Set(spec.hooks || []);

let calls = [];
let modes = {};
// An exception the app does not catch (a throw inside a data callback) is part of the behaviour being compared.
let crashes = [];
process.on('uncaughtException', (e) => crashes.push(String(e && e.message)));
process.on('unhandledRejection', (e) => crashes.push('unhandled rejection: ' + String(e && e.message)));
const styleOf = (fn) => (/deferred\(|new Promise|async /.test(String(fn)) ? 'promise' : /\bcb\b|callback/.test(String(fn).split(')')[0]) ? 'callback' : 'sync');
for (const [name, orig] of Object.entries(data)) {
  if (typeof orig !== 'function' || hooks.has(name)) continue;
  const style = styleOf(orig);
  data[name] = function (...args) {
    calls.push(name + '(' + args.filter((a) => typeof a !== 'function').map((a) => JSON.stringify(a)).join(', ') + ')');
    const mode = modes[name];
    if (!mode) return orig.apply(this, args);
    const value = null;
    const err = Object.assign(new Error('injected failure of ' + name), { injected: true });
    if (style === 'callback') {
      const cb = args.find((a) => typeof a === 'function');
      setImmediate(() => (mode === 'fail' ? cb(err) : cb(null, value)));
      return undefined;
    }
    if (style === 'promise') return mode === 'fail' ? Promise.reject(err) : Promise.resolve(value);
    if (mode === 'fail') throw err;
    return value;
  };
}

async function main() {
  if (app.set) app.set('log errors', false);
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = 'http://127.0.0.1:' + server.address().port;
  const run = async (c, outcome) => {
      if (data.reset) data.reset();
      if (spec.seed && data.seed) data.seed();
      calls = [];
      crashes = [];
      modes = outcome;
      const init = { method: c.method, headers: {}, signal: AbortSignal.timeout(1500) };
      if (c.body !== undefined) {
        init.headers['content-type'] = 'application/json';
        init.body = typeof c.body === 'string' ? c.body : JSON.stringify(c.body);
      }
      let result;
      try {
        const res = await fetch(base + c.path, init);
        const headers = {};
        for (const [k, v] of res.headers) if (!['date', 'connection', 'keep-alive'].includes(k)) headers[k] = v;
        result = { status: res.status, headers, body: await res.text() };
      } catch (e) {
        result = { error: String(e && e.name) };
      }
      await new Promise((r) => setTimeout(r, 5)); // let late data calls land
      const made = calls;
      process.stdout.write(JSON.stringify({ case: c.method + ' ' + c.path + (c.body !== undefined ? ' ' + JSON.stringify(c.body) : ''), outcome, ...result, calls: made, ...(crashes.length ? { crashes } : {}) }) + '\n');
      return made;
  };
  for (const c of spec.cases) {
    // the data layer answers normally, then each function the request called answers "not found", then fails
    const made = await run(c, {});
    for (const fn of [...new Set(made.map((m) => m.slice(0, m.indexOf('('))))]) {
      await run(c, { [fn]: 'null' });
      await run(c, { [fn]: 'fail' });
    }
  }
  server.close();
  server.closeAllConnections();
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
