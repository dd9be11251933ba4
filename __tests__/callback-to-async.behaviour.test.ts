/**
 * Runs inputs and outputs of callback-to-async for real: fs on temp files, zlib, child_process, and real Express 4
 * apps behind a real HTTP server on 127.0.0.1. Each case asserts that the converted code gives the same results and
 * routes errors to the same place as the original (including crashing the process the same way).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transformText } from '../src/engine/file-engine.js';
import { resolveOptions } from '../src/options.js';
import { normalize } from '../src/registry.js';
import * as callbackToAsync from '../transforms/callback-to-async/index.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(repoRoot, '__testfixtures__', 'callback-to-async');
const transform = normalize(callbackToAsync as unknown as Record<string, unknown>, 'callback-to-async');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-cta-behaviour-'));
  // Modules written here resolve express from the repository's node_modules.
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.mkdirSync(path.join(dir, 'config'));
  fs.writeFileSync(path.join(dir, 'config', 'site.json'), JSON.stringify({ name: 'site', port: 8080 }));
  fs.writeFileSync(path.join(dir, 'config', 'broken.json'), '{ not json');
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const fixture = (name: string, kind: 'input' | 'output') => fs.readFileSync(path.join(fixtures, `${name}.${kind}.js`), 'utf8');

/** Writes a module into the temp dir and returns its path. */
function write(file: string, text: string): string {
  const abs = path.join(dir, file);
  fs.writeFileSync(abs, text);
  return abs;
}

const requireFrom = () => createRequire(path.join(dir, 'index.cjs'));

async function convert(source: string, file = 'inline.js'): Promise<string> {
  const outcome = await transformText(transform, path.join(dir, file), file, source, {
    cwd: dir,
    parser: 'auto',
    format: 'none',
    transformOptions: resolveOptions(transform, {}),
    dry: true,
  });
  expect(outcome.status, JSON.stringify(outcome.reports ?? outcome.error)).toBe('changed');
  return outcome.after as string;
}

/** Starts an Express app (with an error handler that reports what reached next(err)) and runs requests on it. */
async function serve(app: any, requests: Array<{ method?: string; url: string }>) {
  app.use((err: any, _req: any, res: any, _next: any) => {
    res.status(500).json({ routed: 'next', code: err.code ?? null, name: err.name });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const out = [];
    for (const r of requests) {
      const res = await fetch(`http://127.0.0.1:${port}${r.url}`, { method: r.method ?? 'GET', signal: AbortSignal.timeout(5000) });
      const body = Buffer.from(await res.arrayBuffer());
      const encoding = res.headers.get('content-encoding');
      // fetch has already gunzipped a gzip body; the header tells that it was compressed.
      out.push({ status: res.status, encoding, body: body.toString('utf8') });
    }
    return out;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/**
 * Runs a script in a fresh node process (for crashes): exit code, stdout and the error that ended it (its class and
 * code; Node prints an uncaught exception as a stack and an unhandled rejection as an inspected object).
 */
function runScript(file: string) {
  const r = spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', timeout: 15000 });
  const name = /^\[?(\w*Error)\b/m.exec(r.stderr)?.[1] ?? null;
  const code = /code: '([A-Z_]+)'/.exec(r.stderr)?.[1] ?? null;
  const message = /^\[?\w*Error: ([^\n\]]*)/m.exec(r.stderr)?.[1] ?? null;
  return { code: r.status, stdout: r.stdout, errorLine: `${name} ${code} ${message}` };
}

describe('callback-to-async behaviour', () => {
  it('express-read-file: same responses, ENOENT still reaches next(err), a throw after the read still crashes', async () => {
    const results = [];
    for (const kind of ['input', 'output'] as const) {
      const app = requireFrom()(write(`express-read-file.${kind}.cjs`, fixture('express-read-file', kind)));
      results.push(await serve(app, [{ url: '/config/site' }, { url: '/config/missing' }]));
    }
    expect(results[0]).toEqual([
      { status: 200, encoding: null, body: JSON.stringify({ name: 'site', port: 8080 }) },
      { status: 500, encoding: null, body: JSON.stringify({ routed: 'next', code: 'ENOENT', name: 'Error' }) },
    ]);
    expect(results[1]).toEqual(results[0]);

    // JSON.parse throwing in the callback was an uncaught exception; in the async handler it is an unhandled
    // rejection, which Node raises as an uncaught exception: the process ends with the same error either way.
    const crashes = (['input', 'output'] as const).map((kind) => {
      const script = write(
        `crash-${kind}.cjs`,
        `const app = require('./express-read-file.${kind}.cjs');
const server = app.listen(0, '127.0.0.1', () => {
  fetch('http://127.0.0.1:' + server.address().port + '/config/broken').then((r) => console.log('responded', r.status), () => {});
});
setTimeout(() => { console.log('still running'); process.exit(0); }, 5000).unref();`,
      );
      return runScript(script);
    });
    expect(crashes[0].code).not.toBe(0);
    expect(crashes[0].errorLine).toMatch(/SyntaxError/);
    expect(crashes[0].stdout).not.toMatch(/responded/);
    expect(crashes[1]).toEqual(crashes[0]);
  });

  it('zlib-in-if-branch: same gzip body and headers, and the plain branch is untouched', async () => {
    const results = [];
    for (const kind of ['input', 'output'] as const) {
      const router = requireFrom()(write(`zlib-in-if-branch.${kind}.cjs`, fixture('zlib-in-if-branch', kind)));
      const app = requireFrom()('express')();
      app.use(router);
      results.push(await serve(app, [{ method: 'POST', url: '/echo?gzip=1' }, { method: 'POST', url: '/echo' }]));
    }
    expect(results[0]).toEqual([
      { status: 200, encoding: 'gzip', body: 'pong' },
      { status: 200, encoding: null, body: 'pong' },
    ]);
    expect(results[1]).toEqual(results[0]);
  });

  it('express-else-if-chain: same listing, and a missing folder still answers 500 from the error branch', async () => {
    const results = [];
    for (const kind of ['input', 'output'] as const) {
      const sub = fs.mkdtempSync(path.join(dir, `chain-${kind}-`));
      const file = path.join(sub, 'router.cjs');
      fs.writeFileSync(file, fixture('express-else-if-chain', kind));
      fs.mkdirSync(path.join(sub, 'data'));
      fs.writeFileSync(path.join(sub, 'data', 'a.csv'), '1');
      const app = requireFrom()('express')();
      app.use(requireFrom()(file));
      const out = await serve(app, [{ url: '/export?format=json' }, { url: '/export?format=csv' }, { url: '/export' }]);
      fs.rmSync(path.join(sub, 'data'), { recursive: true });
      out.push(...(await serve(requireFrom()('express')().use(requireFrom()(file)), [{ url: '/export?format=json' }])));
      results.push(out);
    }
    expect(results[0]).toEqual([
      { status: 200, encoding: null, body: '["a.csv"]' },
      { status: 200, encoding: null, body: 'a,b\n' },
      { status: 400, encoding: null, body: 'Bad Request' },
      { status: 500, encoding: null, body: '{"error":"ENOENT"}' },
    ]);
    expect(results[1]).toEqual(results[0]);
  });

  it('exec-with-promisify: the same { stdout, stderr } on success and the same error (exit code) through next(err)', async () => {
    const results = [];
    for (const kind of ['input', 'output'] as const) {
      const text = fixture('exec-with-promisify', kind).replace(/'git describe --tags'/g, '(req.query.fail ? "sh -c \\"echo oops >&2; exit 3\\"" : "echo v1.2.3")');
      // The replacement is not a plain string, so convert the edited input again instead of using the fixture's output.
      const source = kind === 'input' ? text : await convert(fixture('exec-with-promisify', 'input').replace(/'git describe --tags'/g, '(req.query.fail ? "sh -c \\"echo oops >&2; exit 3\\"" : "echo v1.2.3")'));
      const app = requireFrom()(write(`exec-with-promisify.${kind}.cjs`, source));
      results.push(await serve(app, [{ url: '/version' }, { url: '/version?fail=1' }]));
    }
    expect(results[0]).toEqual([
      { status: 200, encoding: null, body: JSON.stringify({ version: 'v1.2.3', warnings: '' }) },
      { status: 500, encoding: null, body: JSON.stringify({ routed: 'next', code: 3, name: 'Error' }) },
    ]);
    expect(results[1]).toEqual(results[0]);
  });

  it('nested-callbacks (ESM): the report callback gets the same values and errors', async () => {
    const file = write('sample.txt', 'x'.repeat(200));
    const results = [];
    for (const kind of ['input', 'output'] as const) {
      const mod = await import(pathToFileURL(write(`nested-callbacks.${kind}.mjs`, fixture('nested-callbacks', kind))).href);
      for (const target of [file, path.join(dir, 'absent.txt')]) {
        const reported = await new Promise<unknown[]>((resolve) => {
          void mod.sizeAndHead(target, (err: any, value: unknown) => resolve([err?.code ?? null, value]));
        });
        results.push(reported);
      }
    }
    expect(results.slice(0, 2)).toEqual([
      [null, { size: 200, head: 'x'.repeat(80) }],
      ['ENOENT', undefined],
    ]);
    expect(results.slice(2)).toEqual(results.slice(0, 2));
  });

  it('fs-promises-binding and else-branch: same callbacks and logs; the converted functions settle after the work', async () => {
    const users = write('users.json', '[{"id":1}]');
    const seen: unknown[][] = [];
    for (const kind of ['input', 'output'] as const) {
      const { loadUsers } = requireFrom()(write(`fs-promises-binding.${kind}.cjs`, fixture('fs-promises-binding', kind)));
      const out: unknown[] = [];
      for (const target of [users, path.join(dir, 'nope.json')]) {
        out.push(await new Promise((resolve) => void loadUsers(target, (err: any, value: unknown) => resolve([err?.code ?? null, value]))));
      }
      const cleanup = requireFrom()(write(`else-branch.${kind}.cjs`, fixture('else-branch', kind)));
      const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
      fs.writeFileSync(path.join(tmp, 'f'), 'x');
      const log: string[] = [];
      const done = new Promise<void>((resolve) => {
        void cleanup(tmp, { info: (m: string) => (log.push(`info ${path.basename(m)}`), resolve()), warn: (m: string) => (log.push(`warn ${m}`), resolve()) });
      });
      await done;
      out.push(log, fs.existsSync(tmp));
      seen.push(out);
    }
    expect(seen[0][0]).toEqual([null, [{ id: 1 }]]);
    expect(seen[0][1]).toEqual(['ENOENT', undefined]);
    expect(seen[0][3]).toBe(false);
    expect(seen[1].map((x) => (Array.isArray(x) ? x.map((y) => (typeof y === 'string' ? y.replace(/tmp-\w+/, 'tmp') : y)) : x))).toEqual(
      seen[0].map((x) => (Array.isArray(x) ? x.map((y) => (typeof y === 'string' ? y.replace(/tmp-\w+/, 'tmp') : y)) : x)),
    );

    // The converted cleanup resolves only when the directory is gone (the original resolved at once).
    const converted = requireFrom()(path.join(dir, 'else-branch.output.cjs'));
    const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
    await converted(tmp, { info() {}, warn() {} });
    expect(fs.existsSync(tmp)).toBe(false);
  });

  it('async-function-throw-err: a missing file ends the process with the same ENOENT when nobody catches it', async () => {
    fs.writeFileSync(path.join(dir, 'site.json'), JSON.stringify({ name: 'site' }));
    const runs = (['input', 'output'] as const).map((kind) => {
      write(`throw-err.${kind}.cjs`, fixture('async-function-throw-err', kind));
      const ok = runScript(write(`throw-ok-${kind}.cjs`, `require('./throw-err.${kind}.cjs').printConfig(__dirname + '/site.json');`));
      const missing = runScript(write(`throw-missing-${kind}.cjs`, `require('./throw-err.${kind}.cjs').printConfig(__dirname + '/missing.json');`));
      return { ok: { code: ok.code, stdout: ok.stdout.replace(dir, '<dir>') }, missing: { code: missing.code, errorLine: missing.errorLine } };
    });
    expect(runs[0].ok).toEqual({ code: 0, stdout: 'reading <dir>/site.json\nsite\n' });
    expect(runs[0].missing.code).not.toBe(0);
    expect(runs[0].missing.errorLine).toMatch(/ENOENT/);
    expect(runs[1]).toEqual(runs[0]);
  });
});
