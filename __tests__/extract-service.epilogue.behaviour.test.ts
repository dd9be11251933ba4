/**
 * Runs the input and the output of extract-service's epilogue fixtures for real (issue 14): a real Express 4 app on
 * 127.0.0.1 in its own Node process, the route module of each side mounted as written. The answer on success and on
 * the API's error must be the same, and a throw of the code kept in the controller (`users.filter` on what the API
 * handed over) must crash the process as it did inside the callback, never reach `next(err)`: also on a runtime that
 * only warns about unhandled rejections (Node 14's default, `--unhandled-rejections=warn`) when the output rethrows.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(repoRoot, '__testfixtures__', 'extract-service');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-epilogue-behaviour-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What the faux model hands to its callbacks: a list, an error, or a value the kept code throws on. */
const MODELS = {
  ok: `var users = [{ name: 'Tobi', species: 'ferret' }, { name: 'Luna', species: 'cat' }];
exports.count = function (fn) { process.nextTick(function () { fn(null, users.length); }); };
exports.all = function (fn) { setImmediate(function () { fn(null, users); }); };`,
  error: `exports.count = function (fn) { process.nextTick(function () { fn(null, 0); }); };
exports.all = function (fn) { setImmediate(function () { fn(new Error('db down')); }); };`,
  throws: `exports.count = function (fn) { process.nextTick(function () { fn(null, 0); }); };
exports.all = function (fn) { setImmediate(function () { fn(null, null); }); };`,
};

const SERVER = `var express = require('express');
var app = express();
app.engine('html', function (file, locals, cb) { cb(null, JSON.stringify({ title: locals.title, count: locals.count, users: locals.users })); });
app.set('views', __dirname);
app.set('view engine', 'html');
app.use(require('./routes/pets'));
app.use(function (err, req, res, next) { res.status(500).send('next: ' + err.message); });
var server = app.listen(0, '127.0.0.1', function () { console.log('port ' + server.address().port); });
`;

interface Outcome {
  status?: number;
  body?: string;
  exitCode: number | null;
  stderr: string;
}

/** Copies one side of a fixture case, with the model given, and answers one GET / from it in a fresh process. */
async function run(caseName: string, side: 'input' | 'output', model: keyof typeof MODELS, nodeArgs: string[] = []): Promise<Outcome> {
  const app = path.join(dir, `${caseName}-${side}-${model}-${nodeArgs.length}`);
  fs.cpSync(path.join(fixtures, caseName, side), app, { recursive: true });
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(app, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(app, 'users.js'), MODELS[model]);
  fs.writeFileSync(path.join(app, 'index.html'), '');
  fs.writeFileSync(path.join(app, 'server.js'), SERVER);
  const child = spawn(process.execPath, [...nodeArgs, 'server.js'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /port (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', () => reject(new Error(`server exited before listening: ${stderr}`)));
  });
  const outcome: Outcome = { exitCode: null, stderr: '' };
  try {
    const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(3000) });
    outcome.status = res.status;
    outcome.body = await res.text();
  } catch {
    // the process died with the request open (or never answered)
  }
  const timer = setTimeout(() => child.kill('SIGKILL'), 1500);
  if (outcome.status !== undefined) child.kill('SIGTERM');
  outcome.exitCode = await exited;
  clearTimeout(timer);
  outcome.stderr = stderr;
  return outcome;
}

describe('extract-service epilogue: the kept code behaves as inside the callback', () => {
  for (const caseName of ['callback-epilogue-js', 'callback-epilogue-node18']) {
    it(`${caseName}: the same answer on success and on the API's error`, async () => {
      for (const model of ['ok', 'error'] as const) {
        const before = await run(caseName, 'input', model);
        const after = await run(caseName, 'output', model);
        expect(before.status, model).toBe(model === 'ok' ? 200 : 500);
        expect({ status: after.status, body: after.body }, model).toEqual({ status: before.status, body: before.body });
      }
    }, 30_000);

    it(`${caseName}: a throw of the kept code crashes the process, as before (never next(err))`, async () => {
      const before = await run(caseName, 'input', 'throws');
      const after = await run(caseName, 'output', 'throws');
      for (const o of [before, after]) {
        expect(o.status).toBeUndefined();
        expect(o.exitCode).toBe(1);
        expect(o.stderr).toMatch(/TypeError: Cannot read properties of null \(reading 'filter'\)/);
      }
    }, 30_000);
  }

  it('callback-epilogue-js rethrows outside the promise: it crashes on a runtime that only warns (Node 14)', async () => {
    const before = await run('callback-epilogue-js', 'input', 'throws', ['--unhandled-rejections=warn']);
    const after = await run('callback-epilogue-js', 'output', 'throws', ['--unhandled-rejections=warn']);
    expect(before.exitCode).toBe(1);
    expect(after.exitCode).toBe(1);
    expect(after.stderr).toMatch(/reading 'filter'/);
    // without the rethrow (the form kept for engines.node >= 15) that runtime would only warn and leave the request open
    const unguarded = await run('callback-epilogue-node18', 'output', 'throws', ['--unhandled-rejections=warn']);
    expect(unguarded.exitCode).not.toBe(1);
    expect(unguarded.stderr).toMatch(/UnhandledPromiseRejectionWarning|unhandled/i);
  }, 30_000);
});
