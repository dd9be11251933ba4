import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineProjectFixtureTests } from '../src/testing.js';
import * as extractService from '../transforms/extract-service/index.js';

const cases = defineProjectFixtureTests(extractService);

/**
 * The reasons each fixture case reports (sorted keys, one per finding) equal its `reasons.json`: the fixture harness
 * above asserts that for every case with the file (from the same run that checks the output, so the cases are not run
 * twice). Here: a case that stays unchanged must name why, so its `reasons.json` holds a reason beyond the summary.
 */
describe('extract-service: reasons of the fixture cases', () => {
  // UPDATE_REASONS=1: the harness writes every case's file before these tests run.
  for (const c of cases.filter((c) => !c.outputDir && (c.reasonsPath || process.env.UPDATE_REASONS === '1'))) {
    it(`${c.name}: an unchanged case names why`, () => {
      const reasons: string[] = JSON.parse(fs.readFileSync(path.join(c.dir, 'reasons.json'), 'utf8'));
      expect(reasons.filter((r) => r !== 'summary' && r !== 'extracted').length, 'an unchanged case names why').toBeGreaterThan(0);
    });
  }
});
