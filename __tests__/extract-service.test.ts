import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../src/discover.js';
import { runProjectTransform } from '../src/engine/project-engine.js';
import { resolveOptions } from '../src/options.js';
import { normalize } from '../src/registry.js';
import { defineProjectFixtureTests, discoverProjectFixtureCases } from '../src/testing.js';
import * as extractService from '../transforms/extract-service/index.js';

defineProjectFixtureTests(extractService);

/**
 * The reasons each fixture case reports (sorted keys, one per finding) equal its `reasons.json`: a case that stays
 * unchanged must stay so for the reason it names, not another. `UPDATE_REASONS=1` rewrites the files.
 */
describe('extract-service: reasons of the fixture cases', () => {
  const t = normalize(extractService as unknown as Record<string, unknown>, 'extract-service');
  const dir = path.join(process.cwd(), '__testfixtures__', 'extract-service');
  for (const c of discoverProjectFixtureCases(dir)) {
    const file = path.join(c.dir, 'reasons.json');
    it.skipIf(!fs.existsSync(file) && process.env.UPDATE_REASONS !== '1')(c.name, async () => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-es-reasons-'));
      fs.cpSync(path.join(c.dir, 'input'), root, { recursive: true });
      const files = await discoverFiles({ cwd: root, paths: ['.'] });
      const result = await runProjectTransform(t, 'extract-service', { cwd: root, files, transformOptions: resolveOptions(t, c.options), parser: 'auto', format: 'none', verify: true });
      fs.rmSync(root, { recursive: true, force: true });
      const reasons = result.files.flatMap((f) => (f.reports ?? []).map((r) => r.reason).filter((r): r is string => Boolean(r))).sort();
      if (process.env.UPDATE_REASONS === '1') fs.writeFileSync(file, JSON.stringify(reasons, null, 2) + '\n');
      else expect(reasons).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (!c.outputDir) expect(reasons.filter((r) => r !== 'summary' && r !== 'extracted').length, 'an unchanged case names why').toBeGreaterThan(0);
    });
  }
});
