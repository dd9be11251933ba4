'use strict';
// Runs inside one copy of json-server (cwd = the copy): for every case × mount × data-layer outcome it builds a
// fresh server the way json-server's CLI and tests do (create + defaults + rewriter + router over a lowdb file),
// sends the case's requests and prints one JSON line per request, with the db state (in memory and on disk) after
// the last one. Data-layer outcomes: "seeded" (the fixture), "empty" (every collection empty, the singular resource
// {}: every lookup finds nothing), "write-fails" (the db file is replaced by a folder once loaded, so every
// lowdb write throws EISDIR).
// argv: <copy dir> <spec.json>
const fs = require('node:fs');
const path = require('node:path');
const { once } = require('node:events');
const { send, describe, normalizer } = require('./http.cjs');

const [root, specPath] = process.argv.slice(2);
// json-server names new documents of string-id collections with nanoid: the same seeded byte stream in both copies
// makes those ids equal, so they are compared like everything else (patched before the app loads nanoid)
const crypto = require('node:crypto');
let seed = 0x2545f491;
crypto.randomFillSync = (buf) => {
  for (let i = 0; i < buf.length; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    buf[i] = seed & 0xff;
  }
  return buf;
};
const spec = JSON.parse(fs.readFileSync(specPath, 'utf8'));
const jsonServer = require(path.join(root, spec.entry));
const norm = normalizer(root);
const work = path.join(root, '.probe-data');
fs.mkdirSync(work, { recursive: true });
let logged = [];
console.error = (...a) => logged.push(norm(a.join(' ')).split('\n')[0]);
console.log = console.error;

function emptied(db) {
  const out = {};
  for (const [k, v] of Object.entries(db)) out[k] = Array.isArray(v) ? [] : {};
  return out;
}

async function runCase(c, mount, outcome, n) {
  const file = path.join(work, `db-${n}.json`);
  fs.writeFileSync(file, JSON.stringify(outcome === 'empty' ? emptied(spec.db) : spec.db, null, 2));
  const server = jsonServer.create();
  server.use(jsonServer.defaults({ logger: false, ...(mount === 'read-only' ? { readOnly: true } : {}) }));
  server.use(jsonServer.rewriter(spec.rewrites));
  const options = { fake: { _isFake: true }, 'foreign-key-suffix': { foreignKeySuffix: '_id' } }[mount];
  const router = jsonServer.router(file, options);
  server.use(router);
  // the data calls that reach the file: lowdb's write (the router's write middleware calls it after each change)
  const calls = [];
  const write = router.db.write.bind(router.db);
  router.db.write = (...args) => {
    calls.push('write()');
    return write(...args);
  };
  if (outcome === 'write-fails') {
    fs.rmSync(file);
    fs.mkdirSync(file);
  }
  const listener = server.listen(0, '127.0.0.1');
  await once(listener, 'listening');
  const jar = {};
  const lines = [];
  for (const [i, step] of c.steps.entries()) {
    logged = [];
    calls.length = 0;
    const res = await send(listener.address().port, step, jar, norm);
    lines.push({
      key: `${c.name} [${mount}, ${outcome}] #${i + 1}`,
      request: describe(step),
      ...res,
      calls: [...calls],
      ...(logged.length ? { logged } : {}),
    });
  }
  listener.close();
  listener.closeAllConnections();
  const last = lines[lines.length - 1];
  last.dbState = norm(JSON.stringify(router.db.getState()));
  last.dbFile = fs.statSync(file).isDirectory() ? '(folder: writes failed)' : norm(fs.readFileSync(file, 'utf8'));
  return lines;
}

async function main() {
  let n = 0;
  for (const c of spec.cases) {
    for (const mount of c.mounts || spec.mounts) {
      for (const outcome of c.outcomes || spec.outcomes) {
        for (const line of await runCase(c, mount, outcome, n++)) process.stdout.write(JSON.stringify(line) + '\n');
      }
    }
  }
  fs.rmSync(work, { recursive: true, force: true });
}
process.on('unhandledRejection', (e) => process.stdout.write(JSON.stringify({ key: 'crash', error: String(e && e.stack) }) + '\n'));
main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(String(e && e.stack) + '\n');
    process.exit(1);
  },
);
