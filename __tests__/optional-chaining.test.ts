import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { transformText } from '../src/engine/file-engine.js';
import { resolveOptions } from '../src/options.js';
import { normalize } from '../src/registry.js';
import { defineFixtureTests } from '../src/testing.js';
import * as optionalChaining from '../transforms/optional-chaining/index.js';

const cases = defineFixtureTests(optionalChaining);

// A case's input names the reasons the transform must report with `// expect-report: <reason-key>` comments.
describe('reported reasons: optional-chaining', () => {
  const t = normalize(optionalChaining as unknown as Record<string, unknown>, 'optional-chaining');
  for (const c of cases) {
    const input = fs.readFileSync(c.inputPath, 'utf8');
    const expected = [...input.matchAll(/expect-report: ([a-z-]+)/g)].map((m) => m[1]);
    if (!expected.length) continue;
    it(c.name, async () => {
      const outcome = await transformText(t, path.resolve(c.inputPath), c.inputPath, input, {
        cwd: process.cwd(),
        parser: 'auto',
        format: 'none',
        transformOptions: resolveOptions(t, c.options ?? {}),
        dry: true,
      });
      const reasons = (outcome.reports ?? []).map((r) => r.reason).sort();
      expect(reasons).toEqual([...expected].sort());
    });
  }
});
