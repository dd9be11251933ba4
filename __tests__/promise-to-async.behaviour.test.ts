/**
 * Equivalence of promise-to-async rewrites, by running them: each case loads a fixture's input and its converted
 * output (the fixture test proves the output is what the transform produces) with the same stubs, drives them
 * through success and failure scenarios, and compares results, rejections and the order of every stub call and
 * settlement. Synchronous throws from the head of a chain are not exercised: the docs state that difference.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.join(process.cwd(), '__testfixtures__', 'promise-to-async');

type Behaviour = { resolve?: unknown; reject?: string; value?: unknown; throws?: string };
type Log = string[];

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A stub that records its call, then answers as told: later (resolve/reject) or at once (value/throws). */
function stub(log: Log, name: string, b: Behaviour = { resolve: undefined }) {
  return (...args: unknown[]) => {
    log.push(`${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
    if (b.throws !== undefined) throw new Error(b.throws);
    if ('value' in b) return b.value;
    return tick().then(() => {
      log.push(`${name} settled`);
      if (b.reject !== undefined) throw new Error(b.reject);
      return b.resolve;
    });
  };
}

interface Scenario {
  name: string;
  env: (log: Log) => Record<string, unknown>;
  /** Calls the loaded code; receives the value of `entry` evaluated inside it. */
  drive: (entry: any, env: Record<string, unknown>, log: Log) => Promise<unknown>;
}

async function execute(code: string, entry: string, scenario: Scenario): Promise<Log> {
  const log: Log = [];
  const env = scenario.env(log);
  const module = { exports: {} as Record<string, unknown> };
  const names = Object.keys(env);
  const load = new Function('module', ...names, `${code}\n;return (${entry});`);
  const value = load(module, ...names.map((n) => env[n]));
  try {
    const result = await scenario.drive(value, env, log);
    log.push(`result ${JSON.stringify(result)}`);
  } catch (err) {
    log.push(`error ${(err as Error).message}`);
  }
  // let floating work finish
  for (let i = 0; i < 20; i++) await tick();
  return log;
}

function behaviourCase(caseName: string, entry: string, scenarios: Scenario[]) {
  describe(caseName, () => {
    const input = fs.readFileSync(path.join(dir, `${caseName}.input.js`), 'utf8');
    const output = fs.readFileSync(path.join(dir, `${caseName}.output.js`), 'utf8');
    it('is a conversion', () => {
      expect(output).not.toBe(input);
      expect(output).toMatch(/\basync\b/);
    });
    for (const s of scenarios) {
      it(s.name, async () => {
        const before = await execute(input, entry, s);
        const after = await execute(output, entry, s);
        expect(after).toEqual(before);
      });
    }
  });
}

const call = (...args: unknown[]) => (fn: any) => fn(...args);

behaviourCase('then-catch-basic', 'getUserName', [
  { name: 'user found', env: (log) => ({ fetchUser: stub(log, 'fetchUser', { resolve: { name: 'Ada' } }), log: stub(log, 'log', { value: 1 }) }), drive: call(1) },
  { name: 'then step throws: caught', env: (log) => ({ fetchUser: stub(log, 'fetchUser', { resolve: null }), log: stub(log, 'log', { value: 1 }) }), drive: call(1) },
  { name: 'head rejects: caught', env: (log) => ({ fetchUser: stub(log, 'fetchUser', { reject: 'db down' }), log: stub(log, 'log', { value: 1 }) }), drive: call(1) },
  { name: 'handler throws: rejection', env: (log) => ({ fetchUser: stub(log, 'fetchUser', { reject: 'db down' }), log: stub(log, 'log', { throws: 'log broke' }) }), drive: call(1) },
]);

const settingsEnv = (read: Behaviour, apply: Behaviour) => (log: Log) => ({
  readSettings: stub(log, 'readSettings', read),
  warn: stub(log, 'warn', { value: undefined }),
  DEFAULTS: { theme: 'light' },
  applySettings: stub(log, 'applySettings', apply),
});
behaviourCase('catch-in-middle', 'loadSettings', [
  { name: 'settings parse', env: settingsEnv({ resolve: '{"theme":"dark"}' }, { resolve: 'applied' }), drive: call(7) },
  { name: 'parse fails: defaults applied', env: settingsEnv({ resolve: 'not json' }, { resolve: 'applied' }), drive: call(7) },
  { name: 'read rejects: defaults applied', env: settingsEnv({ reject: 'io' }, { resolve: 'applied' }), drive: call(7) },
  { name: 'apply rejects: not caught by the middle catch', env: settingsEnv({ resolve: '{}' }, { reject: 'apply failed' }), drive: call(7) },
  { name: 'apply throws: not caught by the middle catch', env: settingsEnv({ reject: 'io' }, { throws: 'apply threw' }), drive: call(7) },
]);

const orderEnv = (connect: Behaviour, insert: Behaviour, release: Behaviour) => (log: Log) => {
  const conn = { insert: stub(log, 'insert', insert) };
  return {
    db: { connect: stub(log, 'connect', 'resolve' in connect ? { resolve: conn } : connect), release: stub(log, 'release', release) },
    record: stub(log, 'record', { value: undefined }),
    stopTimer: stub(log, 'stopTimer', { value: undefined }),
  };
};
const saveOrder = (env: Record<string, unknown>) => (ns: any) => ns.saveOrder(env.db, { id: 1 });
behaviourCase('finally-cleanup', '{ saveOrder, withTimer }', [
  { name: 'all succeed', env: orderEnv({ resolve: 1 }, { resolve: 'saved' }, { resolve: 'released' }), drive: (ns, env) => saveOrder(env)(ns) },
  { name: 'connect rejects: release still runs', env: orderEnv({ reject: 'no conn' }, { resolve: 'saved' }, { resolve: 1 }), drive: (ns, env) => saveOrder(env)(ns) },
  { name: 'insert rejects', env: orderEnv({ resolve: 1 }, { reject: 'dup key' }, { resolve: 1 }), drive: (ns, env) => saveOrder(env)(ns) },
  { name: 'release rejects: its error wins', env: orderEnv({ resolve: 1 }, { resolve: 'saved' }, { reject: 'release failed' }), drive: (ns, env) => saveOrder(env)(ns) },
  { name: 'release throws after a rejection', env: orderEnv({ resolve: 1 }, { reject: 'dup key' }, { throws: 'release threw' }), drive: (ns, env) => saveOrder(env)(ns) },
  {
    name: 'timer: work resolves',
    env: orderEnv({ resolve: 1 }, { resolve: 1 }, { resolve: 1 }),
    drive: (ns, _env, log) => ns.withTimer('job', stub(log, 'work', { resolve: 42 })),
  },
  {
    name: 'timer: work rejects',
    env: orderEnv({ resolve: 1 }, { resolve: 1 }, { resolve: 1 }),
    drive: (ns, _env, log) => ns.withTimer('job', stub(log, 'work', { reject: 'work failed' })),
  },
]);

const findEnv = (find: Behaviour, insert: Behaviour) => (log: Log) => ({
  findUserByEmail: stub(log, 'findUserByEmail', find),
  insertUser: stub(log, 'insertUser', insert),
});
behaviourCase('early-return-last-step', 'findOrCreate', [
  { name: 'existing user', env: findEnv({ resolve: { id: 1 } }, { resolve: { id: 2 } }), drive: call('a@b.c') },
  { name: 'invalid email', env: findEnv({ resolve: null }, { resolve: { id: 2 } }), drive: call('nope') },
  { name: 'inserted', env: findEnv({ resolve: null }, { resolve: { id: 2 } }), drive: call('a@b.c') },
  { name: 'insert rejects: caught (return await)', env: findEnv({ resolve: null }, { reject: 'dup' }), drive: call('a@b.c') },
  { name: 'find rejects: caught', env: findEnv({ reject: 'db down' }, { resolve: 1 }), drive: call('a@b.c') },
]);

const totalsEnv = (user: Behaviour, audit: Behaviour, orders: Behaviour) => (log: Log) => ({
  fetchUser: stub(log, 'fetchUser', user),
  audit: stub(log, 'audit', audit),
  fetchOrders: stub(log, 'fetchOrders', orders),
});
behaviourCase('nested-chain-flattened', 'loadOrderTotals', [
  { name: 'totals', env: totalsEnv({ resolve: { id: 3 } }, { value: 0 }, { resolve: [{ total: 1 }, { total: 2 }] }), drive: call(3) },
  { name: 'audit throws', env: totalsEnv({ resolve: { id: 3 } }, { throws: 'audit down' }, { resolve: [] }), drive: call(3) },
  { name: 'inner chain rejects', env: totalsEnv({ resolve: { id: 3 } }, { value: 0 }, { reject: 'orders down' }), drive: call(3) },
  { name: 'inner chain step throws', env: totalsEnv({ resolve: { id: 3 } }, { value: 0 }, { resolve: null }), drive: call(3) },
]);

behaviourCase('unused-param-and-empty-then', 'ping', [
  { name: 'pong', env: () => ({}), drive: (ping, _env, log) => ping({ connect: stub(log, 'connect', { resolve: 1 }), send: stub(log, 'send', { resolve: 2 }) }) },
  { name: 'send rejects', env: () => ({}), drive: (ping, _env, log) => ping({ connect: stub(log, 'connect', { resolve: 1 }), send: stub(log, 'send', { reject: 'closed' }) }) },
]);

behaviourCase('reassigned-param', 'retries', [
  { name: 'counted', env: (log) => ({ report: stub(log, 'report', { resolve: 'ok' }) }), drive: (f, _e, log) => f({ run: stub(log, 'run', { resolve: 2 }) }) },
  { name: 'run rejects: 0 reported', env: (log) => ({ report: stub(log, 'report', { resolve: 'ok' }) }), drive: (f, _e, log) => f({ run: stub(log, 'run', { reject: 'x' }) }) },
  { name: 'report rejects: not caught', env: (log) => ({ report: stub(log, 'report', { reject: 'report failed' }) }), drive: (f, _e, log) => f({ run: stub(log, 'run', { resolve: 2 }) }) },
]);

behaviourCase('arrow-expression-body', 'module.exports', [
  { name: 'names', env: (log) => ({ fetchUser: (id: string) => stub(log, `fetchUser`, { resolve: { name: ` ${id} ` } })(id) }), drive: (ns) => ns.loadAll(['a', 'b']) },
  { name: 'one rejects', env: (log) => ({ fetchUser: (id: string) => stub(log, `fetchUser`, id === 'b' ? { reject: 'gone' } : { resolve: { name: id } })(id) }), drive: (ns) => ns.loadAll(['a', 'b']) },
]);

behaviourCase('already-async', 'refresh', [
  { name: 'refreshed', env: (log) => ({ reload: stub(log, 'reload', { resolve: 'fresh' }) }), drive: (f) => { const m = new Map([['k', 'old']]); return f(m, 'k').then((v: unknown) => [v, m.get('k')]); } },
  { name: 'missing entry rejects', env: (log) => ({ reload: stub(log, 'reload', { resolve: 'fresh' }) }), drive: (f) => f(new Map(), 'k') },
  { name: 'reload rejects', env: (log) => ({ reload: stub(log, 'reload', { reject: 'stale' }) }), drive: (f) => f(new Map([['k', 'old']]), 'k') },
]);

const routeEnv = (existing: Behaviour, insert: Behaviour) => (log: Log) => {
  const handlers: Array<(...args: any[]) => unknown> = [];
  const res = {
    status: (code: number) => {
      log.push(`status ${code}`);
      return res;
    },
    json: (body: unknown) => log.push(`json ${JSON.stringify(body)}`),
  };
  return {
    handlers,
    res,
    router: { post: (_path: string, h: (...args: any[]) => unknown) => handlers.push(h) },
    db: { findUserByEmail: stub(log, 'findUserByEmail', existing), insertUser: stub(log, 'insertUser', insert) },
  };
};
const post = (_: unknown, env: Record<string, any>, log: Log) =>
  env.handlers[0]({ body: { name: 'Ada', email: 'ada@x' } }, env.res, (err: Error) => log.push(`next ${err.message}`));
behaviourCase('step-callback-in-floating-chain', 'null', [
  { name: 'taken', env: routeEnv({ resolve: { id: 1 } }, { resolve: { id: 2 } }), drive: post },
  { name: 'created', env: routeEnv({ resolve: null }, { resolve: { id: 2 } }), drive: post },
  { name: 'insert rejects: next(err)', env: routeEnv({ resolve: null }, { reject: 'dup' }), drive: post },
  { name: 'find rejects: next(err)', env: routeEnv({ reject: 'down' }, { resolve: 1 }), drive: post },
]);
