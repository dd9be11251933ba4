import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyDir, repoRoot, runCli, tempDir } from './support/helpers.js';

/**
 * The fixture cases assert reason keys; these assert what the report says for the issue-14 classifications, where the
 * message is the point: which call made a handler trivial, which request write keeps the logic in the handler (one
 * depending on the data, named over the first write), and that an unproven API answering its error is named as such.
 */
function messagesOf(fixture: string, prepare?: (dir: string) => void): Map<string, { reason: string; message: string }> {
  const dir = tempDir('remodel-es-messages-');
  copyDir(path.join(repoRoot, '__testfixtures__', 'extract-service', fixture, 'input'), dir);
  prepare?.(dir);
  const res = runCli(['run', 'extract-service', '.', '--json', '--dry', '--no-cache'], dir);
  const report = JSON.parse(res.stdout) as { files: { reports?: { reason: string; message: string }[] }[] };
  const out = new Map<string, { reason: string; message: string }>();
  for (const r of report.files.flatMap((f) => f.reports ?? [])) {
    const m = /^([A-Z]+ \S+): (?:skipped, )?(.*)$/.exec(r.message);
    if (m) out.set(m[1], { reason: r.reason, message: m[2] });
  }
  return out;
}

describe('extract-service: messages of the issue-14 outcomes', () => {
  it('names the one call of a trivial body', () => {
    const m = messagesOf('express-js-one-response-call');
    expect(m.get('GET /files/:file')).toEqual({ reason: 'one-response-call', message: 'the handler is one call of the response (`res.download`, nothing to move to a service)' });
    // (a file answer is an answer like res.json: path.join alone besides it is a thin handler)
    expect(m.get('GET /client.js')?.reason).toBe('already-thin');
    expect(m.get('GET /users')?.message).toContain('`res.format`');
    expect(m.get('GET /next')?.message).toContain('deferred call');
    expect(m.get('GET /by-id/:id')?.reason).toBe('already-thin');
    expect(m.get('GET /counted/:file')).toEqual({ reason: 'streaming-response', message: 'the file answer (.download()) takes a callback, or arguments not known to be its options or file name' });
    // (a chain inside a branch says what would make it move)
    const c = messagesOf('express-js-chain-without-catch');
    expect(c.get('GET /users/:id')?.reason).toBe('extracted');
    expect(c.get('GET /users/:id/maybe')?.message).toContain('inside a .then callback of a promise chain that is not the last statement of the logic');
    const f = messagesOf('express-js-file-answers');
    expect(f.get('GET /reports/:id/raw')?.message).toBe('the file answer (.sendFile()), which stays in the controller, takes values the logic computes (the file, its name or options)');
  });

  it('names a status written as a constant, and the service a thin handler already calls', () => {
    const m = messagesOf('express-js-named-status');
    expect(m.get('POST /things')).toEqual({ reason: 'dynamic-status', message: 'the status of a response is `httpStatus.CREATED`, not a number written in the handler nor a constant whose declaration gives its value' });
    const s = messagesOf('express-js-existing-service-layer');
    expect(s.get('GET /users')).toEqual({ reason: 'already-thin', message: "the handler already hands its work to the app's service layer (`userService.queryUsers`): what is left reads the request and answers" });
  });

  it('names the request write that depends on the data, not the first one', () => {
    const m = messagesOf('express-js-request-write-in-logic');
    expect(m.get('GET /rows')?.reason).toBe('request-in-logic');
    expect(m.get('GET /rows')?.message).toContain('`delete req.query[key]` in a callback, after `db.all()`');
    expect(m.get('GET /first')?.message).toContain('`delete req.query.q`) after it started (`var rows = db.all()');
  });

  it('names why an error answered in a callback stays: an unproven API, a value of the logic, answers that differ', () => {
    const m = messagesOf('express-js-error-answer-in-callback');
    expect(m.get('GET /search/:query')?.reason).toBe('extracted');
    expect(m.get('GET /articles/:id/slug')?.reason).toBe('error-answer-in-callback');
    expect(m.get('GET /articles/:id/slug')?.message).toContain("the answer to the callback's error reads `wanted` of the logic");
    expect(m.get('POST /articles/:id/copy')?.message).toContain('the callbacks of the chain answer their errors differently');
    expect(m.get('PUT /articles/:id')?.reason).toBe('callback-may-throw');
    expect(m.get('GET /scan/:query')?.reason).toBe('callback-not-proven');
    expect(m.get('GET /scan/:query')?.message).toContain('its callback answers the error itself (`res.sendStatus(500)`)');
  });

  it('says why a status set before a throw stays, and moves handlers of an installed express-async-handler without Express types', () => {
    const expected = (m: Map<string, { reason: string; message: string }>) => {
      expect(['GET /api/products/:id', 'POST /api/products', 'GET /api/products/:id/price', 'PUT /api/products/:id/name'].map((r) => m.get(r)?.reason)).toEqual(['extracted', 'extracted', 'extracted', 'extracted']);
      expect(m.get('DELETE /api/products/:id')?.message).toContain('the message is not a string written in the handler');
      expect(m.get('PUT /api/products/:id/restock')?.message).toContain('inside a try of the handler, whose catch took the thrown error');
      expect(m.get('PUT /api/products/:id/discount')?.message).toContain('declared apart from its `asyncHandler(…)` call');
    };
    expected(messagesOf('express-js-async-handler'));
    // The package as npm installs it: its declarations name Express's types, which an app without @types/express
    // lacks, so the handlers' parameters are `unknown` (proshop with its dependencies installed): the errors on those
    // reads stay in the controller, and the run must not refuse them as errors of the logic.
    expected(
      messagesOf('express-js-async-handler', (dir) => {
        fs.cpSync(path.join(repoRoot, 'node_modules', 'express-async-handler'), path.join(dir, 'node_modules', 'express-async-handler'), { recursive: true });
      }),
    );
  });

  it('maps statuses named by constants whose declarations give their value, and says why another constant stays', () => {
    // without the packages (the fixture harness) their constants are not known: every handler stays
    const bare = messagesOf('express-js-status-constants');
    expect(bare.get('GET /jobs/:id')?.message).toContain('`StatusCodes.NOT_FOUND`, not a number written in the handler nor a constant whose declaration gives its value');
    // with http-status-codes (an enum) and http-status (`readonly NOT_FOUND: 404`) as npm installs them
    const m = messagesOf('express-js-status-constants', (dir) => {
      for (const pkg of ['http-status-codes', 'http-status']) fs.cpSync(path.join(repoRoot, 'node_modules', pkg), path.join(dir, 'node_modules', pkg), { recursive: true });
    });
    expect(m.get('GET /jobs/:id')?.reason).toBe('extracted');
    expect(m.get('POST /jobs')?.reason).toBe('extracted');
    // the app's own object could change at run time
    expect(m.get('DELETE /jobs/:id')).toEqual({ reason: 'dynamic-status', message: 'the status of a response is `Status.GONE`, not a number written in the handler nor a constant whose declaration gives its value' });
  });

  it("binds i18n's translation calls in the logic to the request, and leaves an app's own translation method alone", () => {
    // the app declares `req.__` itself: what it does to the request is not known
    expect(messagesOf('express-ts-i18n').get('GET /:id')).toEqual({ reason: 'request-in-logic', message: 'the logic calls `req.__` (session or HTTP state of the request, which stays in the controller)' });
    // the same declaration where i18n's types are installed: the call stays in the controller, bound to the request
    const dir = tempDir('remodel-es-i18n-');
    copyDir(path.join(repoRoot, '__testfixtures__', 'extract-service', 'express-ts-i18n', 'input'), dir);
    fs.mkdirSync(path.join(dir, 'node_modules', '@types', 'i18n'), { recursive: true });
    fs.renameSync(path.join(dir, 'types', 'translate.d.ts'), path.join(dir, 'node_modules', '@types', 'i18n', 'index.d.ts'));
    const res = runCli(['run', 'extract-service', '.', '--no-cache'], dir);
    expect(res.code, res.stderr).toBe(0);
    const route = fs.readFileSync(path.join(dir, 'routes', 'basket.ts'), 'utf8');
    expect(route).toContain('res.json(await basketService.getBasket({ ids, translate: (phrase) => req.__(phrase), id: req.params.id }));');
    const service = fs.readFileSync(path.join(dir, 'services', 'basket.service.ts'), 'utf8');
    expect(service).toContain('translate: (phrase: string) => string;');
    expect(service).toContain('p.name = translate(p.name);');
    expect(service).not.toMatch(/\breq\b|\bres\b/);
    // two phrases through one function typed by their kind (round 19, F7), whose parameter does not hide the request
    // named `phrase` (F8)
    expect(route).toContain('res.json(await basketService.getBasketSummary({ ids, translate: (phrase_) => phrase.__(phrase_) }));');
    expect(service).toContain('translate: (phrase_: string) => string;');
    expect(service).toContain("const footer = translate('Thanks');");
    // the error answer's message is translated by the mapping, as before
    expect(fs.readFileSync(path.join(dir, 'routes', 'error-responses.ts'), 'utf8')).toContain("res.status(404).json({ error: res.__(err.message) });");
  });
});
