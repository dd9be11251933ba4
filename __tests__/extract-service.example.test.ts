import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from './support/cli-in-process.js';
import { commitAll, exampleCopy, exampleTests, extractService, serviceViolations } from './support/examples.js';
import { git, repoRoot } from './support/helpers.js';

/**
 * extract-service for real on the example apps: the built CLI (its entry point, in process: see
 * support/cli-in-process.ts) rewrites a copy, then the example's own HTTP tests (and tsc for the TypeScript twin)
 * must pass unchanged. introduce-dto followed by extract-service is checked in introduce-dto.example.test.ts (on the
 * tree that test has just rewritten), the layered recipe in recipes.example.test.ts.
 */
const scratch = path.join(repoRoot, `.tmp-extract-service-${crypto.randomBytes(4).toString('hex')}`);
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const examples = [
  { name: 'legacy-api', typescript: false, service: 'services/users.service.js' },
  { name: 'legacy-api-ts', typescript: true, service: 'services/users.service.ts' },
];

describe('extract-service on the example apps', () => {
  for (const ex of examples) {
    it(`${ex.name}: the tests pass before and after, unchanged; a second run changes nothing`, { timeout: 300_000 }, async () => {
      const dir = exampleCopy(scratch, ex.name, 'alone');
      const testsBefore = fs.readdirSync(path.join(dir, 'test')).map((f) => fs.readFileSync(path.join(dir, 'test', f), 'utf8'));
      expect(exampleTests(dir, ex.typescript)).toMatch(/# fail 0/);

      const { reasons, summary } = await extractService(dir);
      expect(reasons.filter((r) => r === 'extracted').length).toBeGreaterThanOrEqual(3);
      // error-first callbacks (db.removeUser(id, function (err, removed) {...})) are extracted too: nothing is left for a callback
      expect(reasons).not.toContain('response-in-callback');
      expect(summary).toMatch(/^extract-service: \d+ of \d+ handlers extracted/);
      expect(fs.existsSync(path.join(dir, ex.service))).toBe(true);
      expect(git(dir, 'status', '--porcelain')).not.toBe('');

      expect(serviceViolations(dir)).toEqual([]);
      expect(fs.existsSync(path.join(dir, 'services', `http-result${ex.typescript ? '.ts' : '.js'}`))).toBe(false);
      // The test files are the same bytes, and they pass against the rewritten app.
      expect(fs.readdirSync(path.join(dir, 'test')).map((f) => fs.readFileSync(path.join(dir, 'test', f), 'utf8'))).toEqual(testsBefore);
      expect(exampleTests(dir, ex.typescript)).toMatch(/# fail 0/);

      commitAll(dir, 'extract-service');
      expect((await runCliInProcess(['run', 'extract-service', '.', '--check'], dir)).code).toBe(0);
    });
  }
});
