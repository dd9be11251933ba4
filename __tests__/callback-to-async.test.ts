import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { transformText } from '../src/engine/file-engine.js';
import { resolveOptions } from '../src/options.js';
import { normalize } from '../src/registry.js';
import { defineFixtureTests } from '../src/testing.js';
import * as callbackToAsync from '../transforms/callback-to-async/index.js';

const cases = defineFixtureTests(callbackToAsync);

/** The reason each must-not-change case is reported under (the summary groups skips by it). */
const EXPECTED_REASONS: Record<string, string[]> = {
  'args-may-throw': ['args-may-throw'],
  'caller-not-async': ['caller-not-async'],
  'code-after-call': ['code-after-call'],
  'comment-before-check': ['comments'],
  'destructured-without-namespace': ['no-module-binding'],
  'enum-before-call': ['throw-before-call'],
  'event-style-and-result-used': ['no-promise-form', 'result-used'],
  'exec-stderr-in-error-branch': ['result-used-in-error-branch'],
  'fs-exists': ['no-promise-form'],
  'maybe-fd': ['maybe-fd'],
  'maybe-sync-callback': ['maybe-sync-callback'],
  'name-collision': ['name-collision'],
  'no-error-check': ['no-error-check'],
  'no-express-import': ['caller-not-async'],
  'read-before-declaration': ['throw-before-call'],
  'returns-value': ['returns-value'],
  'shadowed-fs': [],
  'this-in-function-callback': ['this-or-arguments'],
  'throw-before-call': ['throw-before-call'],
  'throw-in-other-branch': ['throw-before-call'],
  'top-level': ['top-level'],
  'async-callback': ['unsupported-shape'],
  'call-in-loop': ['unsupported-position'],
  'callback-declares-extra-result': ['unexpected-params'],
  'dns-lookup-with-options': ['unexpected-params'],
  'err-used-after-check': ['err-used-after-check'],
  'exec-error-falls-through': ['results-on-error'],
  'exec-without-promisify': ['no-promisify'],
};

describe('callback-to-async reports', () => {
  const t = normalize(callbackToAsync as unknown as Record<string, unknown>, 'callback-to-async');
  it('every must-not-change case has an expected reason', () => {
    const unchanged = cases.filter((c) => !c.outputPath).map((c) => c.name).sort();
    expect(unchanged).toEqual(Object.keys(EXPECTED_REASONS).sort());
  });
  for (const [name, reasons] of Object.entries(EXPECTED_REASONS)) {
    it(`${name} is reported as ${reasons.join(', ') || 'nothing (not the module)'}`, async () => {
      const c = cases.find((x) => x.name === name)!;
      const source = fs.readFileSync(c.inputPath, 'utf8');
      const outcome = await transformText(t, path.resolve(c.inputPath), c.inputPath, source, {
        cwd: process.cwd(),
        parser: 'auto',
        format: 'none',
        transformOptions: resolveOptions(t, c.options ?? {}),
        dry: true,
      });
      expect(outcome.status).not.toBe('changed');
      expect((outcome.reports ?? []).map((r) => r.reason)).toEqual(reasons);
    });
  }
});
