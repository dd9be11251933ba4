import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from './support/cli-in-process.js';
import { commitAll, exampleCopy, exampleTests, serviceViolations } from './support/examples.js';
import { repoRoot } from './support/helpers.js';

/**
 * The built-in recipes for real on the example apps (support/examples.ts: a git repository of its own for each copy,
 * inside the checkout so that express, typescript and @types resolve), run by the built CLI's entry point in
 * process (support/cli-in-process.ts). After each run the example's own HTTP tests (and tsc for the TypeScript twin)
 * must pass.
 */
const scratch = path.join(repoRoot, `.tmp-recipes-${crypto.randomBytes(4).toString('hex')}`);
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Runs a transform or recipe for real; returns the JSON report of the same run made dry first. */
async function runFor(dir: string, name: string) {
  const dry = await runCliInProcess(['run', name, '.', '--json'], dir);
  expect(dry.code, dry.stderr).toBe(0);
  const report = JSON.parse(dry.stdout);
  const applied = await runCliInProcess(['run', name, '.'], dir);
  expect(applied.code, applied.stderr + applied.stdout).toBe(0);
  return report;
}

const countReasons = (report: any, transform: string, reason: string) =>
  report.files.flatMap((f: any) => f.reports ?? []).filter((r: any) => r.transform === transform && r.reason === reason).length;

describe('built-in recipes on the example apps', () => {
  for (const ex of [
    { name: 'legacy-api', typescript: false },
    { name: 'legacy-api-ts', typescript: true },
  ]) {
    it(`layered on ${ex.name}: one change set (not refused), DTOs and HTTP-free services, the app's tests pass (and tsc); a second run changes nothing`, { timeout: 300_000 }, async () => {
      const dir = exampleCopy(scratch, ex.name, 'layered');
      const report = await runFor(dir, 'layered');
      expect(report.refusal).toBeUndefined();
      expect(report.steps.map((s: any) => s.transforms[0])).toEqual(['introduce-dto', 'extract-service']);
      expect(report.verification).toEqual({ newDiagnostics: [] });
      expect(countReasons(report, 'introduce-dto', 'dto-introduced')).toBeGreaterThanOrEqual(5);
      expect(countReasons(report, 'extract-service', 'extracted')).toBeGreaterThanOrEqual(3);
      expect(fs.existsSync(path.join(dir, 'services', `users.service.${ex.typescript ? 'ts' : 'js'}`))).toBe(true);
      expect(serviceViolations(dir)).toEqual([]);
      // For the TypeScript twin this runs tsc over the project first (any type error fails it).
      expect(exampleTests(dir, ex.typescript)).toMatch(/# fail 0/);
      commitAll(dir, 'layered');
      const again = await runCliInProcess(['run', 'layered', '.', '--check'], dir);
      expect(again.code, again.stderr).toBe(0);
    });
  }

  it('modernize, then cjs-to-esm, on the JavaScript example: its tests pass after each', { timeout: 300_000 }, async () => {
    const dir = exampleCopy(scratch, 'legacy-api', 'modern');
    const modernize = await runFor(dir, 'modernize');
    expect(modernize.summary.changed).toBeGreaterThanOrEqual(5);
    expect(modernize.steps).toHaveLength(1); // every step is per-file: one pass
    expect(exampleTests(dir, false)).toMatch(/# fail 0/);
    expect(fs.readFileSync(path.join(dir, 'routes', 'users.js'), 'utf8')).toMatch(/^const express = require\('express'\);/m);
    commitAll(dir, 'modernize');

    const esm = await runFor(dir, 'cjs-to-esm');
    expect(esm.refusal).toBeUndefined();
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).type).toBe('module');
    expect(fs.readFileSync(path.join(dir, 'app.js'), 'utf8')).toMatch(/^import /m);
    expect(exampleTests(dir, false)).toMatch(/# fail 0/);
  });
});
