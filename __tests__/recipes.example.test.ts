import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyDir, git, repoRoot, runCli } from './support/helpers.js';

/**
 * The built-in recipes for real on the example apps, each in a git repository of its own inside a git-ignored
 * `.tmp-*` folder of the checkout (so that express, typescript and @types resolve from the repository's
 * node_modules). After each run the example's own HTTP tests (and tsc for the TypeScript twin) must pass.
 */
const scratch = path.join(repoRoot, `.tmp-recipes-${crypto.randomBytes(4).toString('hex')}`);
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function exampleCopy(name: string, label: string): string {
  const dir = path.join(scratch, `${label}-${name}`);
  fs.mkdirSync(dir, { recursive: true });
  copyDir(path.join(repoRoot, 'examples', name), dir);
  fs.rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules\ndist/\n');
  git(dir, 'init', '-q', '-b', 'main');
  commit(dir, 'example');
  return dir;
}

function commit(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', message, '--allow-empty');
}

function exampleTests(dir: string, typescript: boolean): string {
  const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, NODE_ENV: 'test' } });
  if (typescript) {
    run([path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']);
    return run(['--test', 'dist/test/']);
  }
  return run(['--test', 'test/']);
}

/** Runs a transform or recipe for real; returns the JSON report of the same run made dry first. */
function runFor(dir: string, name: string) {
  const dry = runCli(['run', name, '.', '--json'], dir);
  expect(dry.code, dry.stderr).toBe(0);
  const report = JSON.parse(dry.stdout);
  const applied = runCli(['run', name, '.'], dir);
  expect(applied.code, applied.stderr).toBe(0);
  return report;
}

const countReasons = (report: any, transform: string, reason: string) =>
  report.files.flatMap((f: any) => f.reports ?? []).filter((r: any) => r.transform === transform && r.reason === reason).length;

describe('built-in recipes on the example apps', () => {
  for (const ex of [
    { name: 'legacy-api', typescript: false },
    { name: 'legacy-api-ts', typescript: true },
  ]) {
    it(`layered on ${ex.name}: one change set, DTOs and services, the app's tests pass; a second run changes nothing`, { timeout: 300_000 }, () => {
      const dir = exampleCopy(ex.name, 'layered');
      const report = runFor(dir, 'layered');
      expect(report.steps.map((s: any) => s.transforms[0])).toEqual(['introduce-dto', 'extract-service']);
      expect(report.verification).toEqual({ newDiagnostics: [] });
      expect(countReasons(report, 'introduce-dto', 'dto-introduced')).toBeGreaterThanOrEqual(5);
      expect(countReasons(report, 'extract-service', 'extracted')).toBeGreaterThanOrEqual(3);
      expect(fs.existsSync(path.join(dir, 'services', `users.service.${ex.typescript ? 'ts' : 'js'}`))).toBe(true);
      expect(exampleTests(dir, ex.typescript)).toMatch(/# fail 0/);
      commit(dir, 'layered');
      const again = runCli(['run', 'layered', '.', '--check'], dir);
      expect(again.code, again.stderr).toBe(0);
    });
  }

  it('modernize, then cjs-to-esm, on the JavaScript example: its tests pass after each', { timeout: 300_000 }, () => {
    const dir = exampleCopy('legacy-api', 'modern');
    const modernize = runFor(dir, 'modernize');
    expect(modernize.summary.changed).toBeGreaterThanOrEqual(5);
    expect(modernize.steps).toHaveLength(1); // every step is per-file: one pass
    expect(exampleTests(dir, false)).toMatch(/# fail 0/);
    expect(fs.readFileSync(path.join(dir, 'routes', 'users.js'), 'utf8')).toMatch(/^const express = require\('express'\);/m);
    commit(dir, 'modernize');

    const esm = runFor(dir, 'cjs-to-esm');
    expect(esm.refusal).toBeUndefined();
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).type).toBe('module');
    expect(fs.readFileSync(path.join(dir, 'app.js'), 'utf8')).toMatch(/^import /m);
    expect(exampleTests(dir, false)).toMatch(/# fail 0/);
  });
});
