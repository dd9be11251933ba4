import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { transformText, type FileOutcome } from './engine/file-engine.js';
import { discoverFixtureCases, type FixtureCase } from './fixtures.js';
import { resolveOptions } from './options.js';
import { parseSource, parserFor } from './parse.js';
import { normalize } from './registry.js';
import type { LoadedTransform } from './types.js';

export interface FixtureTestOptions {
  /** Folder holding `<case>.input.<ext>` files; default `__testfixtures__/<meta.name>` under the working directory. */
  fixturesDir?: string;
  /** Options for every case (a case's `<case>.options.json` adds to them). */
  options?: Record<string, unknown>;
}

/** Accepts a transform module namespace (`import * as t from ...`) or an already loaded transform. */
function asLoaded(transform: LoadedTransform | Record<string, unknown>, name?: string): LoadedTransform {
  if ((transform as LoadedTransform).kind === 'remodel' || (transform as LoadedTransform).kind === 'jscodeshift') {
    return transform as LoadedTransform;
  }
  return normalize(transform as Record<string, unknown>, name ?? 'transform');
}

async function runCase(t: LoadedTransform, file: string, source: string, options: Record<string, unknown>): Promise<FileOutcome> {
  return transformText(t, path.resolve(file), file, source, {
    cwd: process.cwd(),
    parser: 'auto',
    format: 'none',
    transformOptions: resolveOptions(t, options),
    dry: true,
  });
}

function describeFailure(outcome: FileOutcome): string {
  const e = outcome.error;
  return e ? `${outcome.path}${e.line ? `:${e.line}:${e.column}` : ''} ${e.message}` : '';
}

/**
 * Registers one vitest test per fixture case. Each case asserts the exact output (no trimming), that the output
 * parses, and that a second run over the output changes nothing. A case without `.output` must stay unchanged.
 * `UPDATE_FIXTURES=1` rewrites the `.output` files from the current behaviour instead of asserting them.
 */
export function defineFixtureTests(
  transform: LoadedTransform | Record<string, unknown>,
  options: FixtureTestOptions = {},
): FixtureCase[] {
  const t = asLoaded(transform, options.fixturesDir ? path.basename(options.fixturesDir) : undefined);
  const dir = options.fixturesDir ?? path.join(process.cwd(), '__testfixtures__', t.meta.name);
  const cases = discoverFixtureCases(dir);
  const update = process.env.UPDATE_FIXTURES === '1';
  describe(`fixtures: ${t.meta.name}`, () => {
    it('has fixture cases', () => {
      expect(cases.length, `no fixture cases in ${dir}`).toBeGreaterThan(0);
    });
    for (const c of cases) {
      it(c.name, async () => {
        const input = fs.readFileSync(c.inputPath, 'utf8');
        const caseOptions = { ...options.options, ...c.options };
        const first = await runCase(t, c.inputPath, input, caseOptions);
        expect(first.status, describeFailure(first)).not.toBe('error');
        const actual = first.status === 'changed' ? (first.after as string) : input;
        if (update) {
          const outPath = c.outputPath ?? c.inputPath.replace('.input.', '.output.');
          if (actual !== input) fs.writeFileSync(outPath, actual);
          else if (c.outputPath) fs.rmSync(c.outputPath);
        } else if (c.outputPath) {
          expect(actual).toBe(fs.readFileSync(c.outputPath, 'utf8'));
        } else {
          expect(first.status, 'this case must stay unchanged').not.toBe('changed');
        }
        // The output must still be valid code for the same parser.
        expect(() => parseSource(actual.replace(/^\uFEFF/, ''), parserFor(c.inputPath, 'auto'))).not.toThrow();
        // Idempotence: running again over the output changes nothing.
        const second = await runCase(t, c.inputPath, actual, caseOptions);
        expect(second.status, describeFailure(second)).not.toBe('error');
        expect(second.status === 'changed' ? second.after : actual, 'a second run must change nothing').toBe(actual);
      });
    }
  });
  return cases;
}
