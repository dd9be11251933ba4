'use strict';
// Runs inside one copy of express 4.x (cwd = the copy): for every example × case × data-layer outcome it loads the
// example afresh (every module under examples/ dropped from the require cache, so in-memory data starts over),
// listens on 127.0.0.1, sends the case's requests (one cookie jar per case) and prints one JSON line per request
// with the calls made to the example's data module. Data-layer outcomes, where the example has a data module:
// "seeded" (as shipped), "empty" (its arrays emptied or its functions answering an empty value: nothing is found),
// "fail" (its functions answering an error). Examples whose module does not export the app are captured through
// express() itself (the first app the example creates).
// argv: <copy dir> <spec.json>
const fs = require('node:fs');
const path = require('node:path');
const { once } = require('node:events');
const { send, describe, normalizer } = require('./http.cjs');

const [root, specPath] = process.argv.slice(2);
const spec = JSON.parse(fs.readFileSync(specPath, 'utf8'));
const norm = normalizer(root);
const examplesDir = path.join(root, 'examples') + path.sep;

// express() records the apps it creates (the factory itself is the copy's own, called as is)
const expressPath = require.resolve(path.join(root, 'lib', 'express.js'));
const createApplication = require(expressPath);
let created = [];
function recordingExpress(...args) {
  const app = createApplication.apply(this, args);
  created.push(app);
  return app;
}
Object.setPrototypeOf(recordingExpress, createApplication);
require.cache[expressPath].exports = recordingExpress;

let logged = [];
let crashes = [];
console.log = console.error = (...a) => logged.push(norm(a.join(' ')).split('\n')[0]);
process.on('uncaughtException', (e) => crashes.push(norm(String(e && e.message))));
process.on('unhandledRejection', (e) => crashes.push('unhandled rejection: ' + norm(String(e && e.message))));

function freshModules() {
  for (const k of Object.keys(require.cache))
    if (k.startsWith(examplesDir) && !k.includes(`${path.sep}node_modules${path.sep}`)) delete require.cache[k];
}

// the example's data module, loaded before the app so the app gets this instance
function prepareData(data, outcome, calls) {
  if (!data) return;
  const mod = require(path.join(root, data.module));
  for (const name of data.arrays || []) {
    const arr = name === '.' ? mod : mod[name];
    if (outcome === 'empty') arr.length = 0;
  }
  for (const [name, emptyValue] of Object.entries(data.callbacks || {})) {
    const orig = mod[name];
    mod[name] = function (...args) {
      calls.push(
        `${name}(${args
          .filter((x) => typeof x !== 'function')
          .map((x) => JSON.stringify(x))
          .join(', ')})`,
      );
      const cb = args.find((x) => typeof x === 'function');
      if (outcome === 'empty') return process.nextTick(() => cb(null, emptyValue));
      if (outcome === 'fail') return process.nextTick(() => cb(Object.assign(new Error(`injected failure of ${name}`), { status: 503 })));
      return orig.apply(this, args);
    };
  }
}

// Redis-backed examples (search): the main script started a redis-server on 127.0.0.1:6379 for this run. Each case
// starts from an empty server with full rights; the outcome is set after the example has loaded (and written its
// seed data): "empty" flushes it, "fail" takes the example's read commands away from the default user, so the
// server answers them with a NOPERM error. The commands the example sends are its data calls.
const { execFileSync } = require('node:child_process');
const redisCli = (...args) =>
  execFileSync('redis-cli', ['-p', String(process.env.DIFFREAL_REDIS_PORT || 6379), ...args], { encoding: 'utf8' });
let redisClients = [];
function hookRedis(ex, calls) {
  const redis = require(require.resolve('redis', { paths: [path.join(root, path.dirname(ex.entry))] }));
  if (!redis.__diffreal) {
    redis.__diffreal = { calls: null };
    const create = redis.createClient;
    redis.createClient = function (...args) {
      const client = create.apply(this, args);
      client.on('error', (e) => logged.push('redis client error: ' + e.message));
      redisClients.push(client);
      return client;
    };
    const send = redis.RedisClient.prototype.internal_send_command;
    redis.RedisClient.prototype.internal_send_command = function (cmd) {
      if (redis.__diffreal.calls && !['info', 'quit', 'select'].includes(cmd.command))
        redis.__diffreal.calls.push(`${cmd.command}(${cmd.args.map((a) => JSON.stringify(a)).join(', ')})`);
      return send.call(this, cmd);
    };
  }
  redis.__diffreal.calls = calls;
}
async function setRedisOutcome(ex, outcome) {
  await new Promise((r) => setTimeout(r, ex.settle || 100)); // the example's seed commands land
  if (outcome === 'empty') redisCli('FLUSHALL');
  if (outcome === 'fail') redisCli('ACL', 'SETUSER', 'default', ...ex.redis.failCommands.map((c) => '-' + c));
}
function resetRedis() {
  for (const c of redisClients) c.quit();
  redisClients = [];
  redisCli('ACL', 'SETUSER', 'default', 'reset', 'on', 'nopass', '~*', '&*', '+@all');
  redisCli('FLUSHALL');
}

const isApp = (x) => typeof x === 'function' && typeof x.handle === 'function' && typeof x.set === 'function';

async function runCase(ex, c, outcome) {
  freshModules();
  created = [];
  const calls = [];
  prepareData(ex.data, outcome, calls);
  if (ex.redis) {
    resetRedis();
    hookRedis(ex, calls);
  }
  logged = [];
  const exported = require(path.join(root, ex.entry));
  const app = isApp(exported) ? exported : isApp(exported && exported.default) ? exported.default : created[0];
  if (!app) throw new Error(`${ex.name}: no express app found in ${ex.entry}`);
  if (ex.redis) await setRedisOutcome(ex, outcome);
  else if (ex.settle) await new Promise((r) => setTimeout(r, ex.settle));
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const jar = {};
  const lines = [];
  for (const [i, step] of c.steps.entries()) {
    calls.length = 0;
    crashes = [];
    logged = [];
    const res = await send(server.address().port, step, jar, norm);
    await new Promise((r) => setTimeout(r, 5)); // late data calls and crashes land
    lines.push({
      key: `${ex.name}: ${c.name} [${outcome}] #${i + 1}`,
      request: describe(step),
      ...res,
      ...(ex.data || ex.redis ? { calls: [...calls] } : {}),
      ...(logged.length ? { logged } : {}),
      ...(crashes.length ? { crashes } : {}),
    });
  }
  server.close();
  server.closeAllConnections();
  if (ex.redis) resetRedis();
  return lines;
}

async function main() {
  for (const ex of spec.examples) {
    for (const c of ex.cases) {
      for (const outcome of ex.outcomes || ['seeded']) {
        for (const line of await runCase(ex, c, outcome)) process.stdout.write(JSON.stringify(line) + '\n');
      }
    }
  }
}
main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(String(e && e.stack) + '\n');
    process.exit(1);
  },
);
