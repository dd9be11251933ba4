/**
 * Runs the input and the output of extract-service's fixture cases for real and compares what they answer. The exact
 * text of `output/` is checked by extract-service.test.ts; that did not catch a service answering
 * `.then((item) => { owner: item.owner })` (a labelled block: undefined), committed as the expected output. Here each
 * side of a case with a `requests.json` at its root (beside input/ and output/, never inside input/: that would change
 * what the transform sees) runs as a real Express 4 app in its own Node process on 127.0.0.1, gets the same requests
 * in the same order, and must give the same outcomes: status, headers and body of each answer, or the death of
 * the process (a crash before must stay a crash, and an answer must not become one).
 *
 * requests.json:
 *   {
 *     "mount": { "/items": "routes/items.js" },   // app.use(prefix, <module's export>), in this order
 *                                                // ("routes/books.js#router": a named export); or
 *     "app": "app.js",                           // a module exporting an app, mounted at the root
 *     "json": true,                              // express.json() before the mounts (the app's own use stays as is)
 *     "mask": ["\"at\":\\d+"],                   // optional: regexes replaced in bodies (clock values and the like)
 *     "note": "...",                             // optional: why a request is not sent (an opted-in change), for readers
 *     "requests": [["GET", "/items/1"], ["POST", "/items", { "name": "x" }], ["GET", "/x", null, { "cookie": "a=b" }]]
 *   }
 * A request is [method, path, body?, headers?]: an object body is sent as JSON, a string as text/plain.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(repoRoot, '__testfixtures__', 'extract-service');

type Request = [method: string, url: string, body?: unknown, headers?: Record<string, string>];

interface Spec {
  mount?: Record<string, string>;
  app?: string;
  json?: boolean;
  mask?: string[];
  note?: string;
  requests: Request[];
}

type Outcome = { status: number; contentType: string | null; headers: Record<string, string>; body: string } | { died: true } | { hung: true };

/** Headers that differ between any two runs (the clock, the connection, a served file's time), left out of the comparison; a body's ETag follows the body. */
const VOLATILE_HEADERS = new Set(['date', 'connection', 'keep-alive', 'etag', 'last-modified']);

/** Time one request may take: a hang on both sides compares equal, and does not block the suite. */
const REQUEST_TIMEOUT_MS = 2500;

const cases = fs
  .readdirSync(fixtures, { withFileTypes: true })
  .filter((e) => e.isDirectory() && fs.existsSync(path.join(fixtures, e.name, 'requests.json')))
  .map((e) => e.name)
  .sort();

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-fixtures-behaviour-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * The server each side runs. CommonJS under a name of its own (.cjs), so that a tree with `"type": "module"` runs it
 * too; the modules are loaded with import() (a CommonJS module's default is its module.exports).
 */
function serverSource(spec: Spec): string {
  const mounts: [string, string][] = spec.app ? [['/', spec.app]] : Object.entries(spec.mount ?? {});
  return `const express = require('express');
const path = require('path');
const { pathToFileURL } = require('url');
const load = (spec) => {
  const [file, name = 'default'] = spec.split('#');
  return import(pathToFileURL(path.join(__dirname, file)).href).then((m) => m[name]);
};
(async () => {
  const app = express();
  ${spec.json ? 'app.use(express.json());' : ''}
  for (const [prefix, file] of ${JSON.stringify(mounts)}) app.use(prefix, await load(file));
  app.use((err, req, res, next) => res.status(500).send('next: ' + err.message));
  const server = app.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
})();
`;
}

/** Copies one side of a case, runs it in a fresh process and sends it the case's requests, one after the other. */
async function run(caseName: string, side: 'input' | 'output', spec: Spec): Promise<{ outcomes: Outcome[]; stderr: string }> {
  const app = path.join(dir, caseName, side);
  fs.cpSync(path.join(fixtures, caseName, side), app, { recursive: true });
  const env = { ...process.env };
  // A tree with a node_modules of its own (a faked package) finds the rest (express) through NODE_PATH, and, for ES
  // modules (which do not read NODE_PATH), through links to the repository's packages beside its own.
  const own = path.join(app, 'node_modules');
  if (fs.existsSync(own)) {
    env.NODE_PATH = path.join(repoRoot, 'node_modules');
    for (const pkg of ['express']) if (!fs.existsSync(path.join(own, pkg))) fs.symlinkSync(path.join(repoRoot, 'node_modules', pkg), path.join(own, pkg), 'dir');
  } else fs.symlinkSync(path.join(repoRoot, 'node_modules'), own, 'dir');
  fs.writeFileSync(path.join(app, '__server.cjs'), serverSource(spec));
  const child = spawn(process.execPath, ['__server.cjs'], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const outcomes: Outcome[] = [];
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /port (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', () => reject(new Error(`${caseName}/${side}: the server exited before listening:\n${stderr}`)));
    });
    for (const [method, url, body, headers] of spec.requests) {
      if (exited) {
        outcomes.push({ died: true });
        continue;
      }
      const init: RequestInit = { method, headers: { ...headers }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) };
      if (body !== undefined && body !== null) {
        const text = typeof body === 'string';
        init.headers = { 'content-type': text ? 'text/plain' : 'application/json', ...headers };
        init.body = text ? body : JSON.stringify(body);
      }
      try {
        const res = await fetch(`http://127.0.0.1:${port}${url}`, init);
        let text = await res.text();
        for (const mask of spec.mask ?? []) text = text.replace(new RegExp(mask, 'g'), '<masked>');
        // (the headers the app set, Location and Set-Cookie among them: an answer is more than its body)
        const headers = Object.fromEntries([...res.headers].filter(([name]) => !VOLATILE_HEADERS.has(name)));
        outcomes.push({ status: res.status, contentType: res.headers.get('content-type'), headers, body: text });
      } catch (err) {
        // The connection closed without an answer: the process died (give its exit a moment), or it timed out.
        await Promise.race([exit, new Promise((r) => setTimeout(r, 500))]);
        if (exited) outcomes.push({ died: true });
        else if ((err as Error).name === 'TimeoutError') outcomes.push({ hung: true });
        else throw err;
      }
    }
  } finally {
    if (!exited) {
      child.kill('SIGKILL');
      await exit;
    }
  }
  return { outcomes, stderr };
}

/** Each outcome beside the request that got it, so that a failure names the request. */
const labelled = (spec: Spec, outcomes: Outcome[]) =>
  outcomes.map((o, i) => ({
    request: spec.requests[i]
      .slice(0, 3)
      .map((p) => (typeof p === 'string' ? p : JSON.stringify(p)))
      .join(' '),
    ...o,
  }));

describe('extract-service fixtures: the output answers every request as the input did', () => {
  it('some cases have requests', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const caseName of cases) {
    it(`${caseName}`, async () => {
      const spec: Spec = JSON.parse(fs.readFileSync(path.join(fixtures, caseName, 'requests.json'), 'utf8'));
      expect(spec.requests.length).toBeGreaterThan(0);
      if (!fs.existsSync(path.join(fixtures, caseName, 'output'))) return; // unchanged by the transform
      // The two sides at once: two processes, one per core.
      const [before, after] = await Promise.all([run(caseName, 'input', spec), run(caseName, 'output', spec)]);
      // REMODEL_SHOW_OUTCOMES=1: what the input answered, to check that the requests reach the paths meant.
      if (process.env.REMODEL_SHOW_OUTCOMES === '1') console.log(caseName, JSON.stringify(labelled(spec, before.outcomes), null, 1));
      expect(labelled(spec, after.outcomes), `stderr of the output:\n${after.stderr}`).toEqual(labelled(spec, before.outcomes));
    }, 60_000);
  }
});
