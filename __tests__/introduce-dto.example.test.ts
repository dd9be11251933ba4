import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyDir, initRepo, repoRoot, runCli } from './support/helpers.js';

/**
 * Runs the built CLI (`node bin/remodel.js run introduce-dto .`) for real on copies of the examples, then the
 * examples' own tests (and, for the TypeScript twin, `tsc`). The copies live inside the repository
 * (`.tmp-dto-*`, git-ignored) so express and @types/express resolve from its node_modules; each copy is a git
 * repository of its own so that remodel loads the example's tsconfig.json (or none), not the repository's.
 */
const made: string[] = [];

function copyExample(name: string): string {
  const dir = path.join(repoRoot, `.tmp-dto-${name}-${crypto.randomBytes(4).toString('hex')}`);
  made.push(dir);
  copyDir(path.join(repoRoot, 'examples', name), dir);
  fs.rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  initRepo(dir);
  return dir;
}

afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

interface JsonReport {
  summary: { changed: number };
  files: Array<{ path: string; status: string; created?: boolean; reports?: Array<{ message: string; reason?: string }> }>;
  verification?: { newDiagnostics: unknown[] };
  refusal?: string;
}

/** `--json` reports what the run would do (it writes nothing). */
function runTransform(dir: string): JsonReport {
  const res = runCli(['run', 'introduce-dto', '.', '--json', '--no-cache'], dir);
  expect(res.code, res.stderr).toBe(0);
  return JSON.parse(res.stdout) as JsonReport;
}

/** The real run, which writes. */
function applyTransform(dir: string): void {
  const res = runCli(['run', 'introduce-dto', '.', '--no-cache'], dir);
  expect(res.code, res.stderr).toBe(0);
  expect(res.stderr).toMatch(/verify: no new type errors/);
}

function handlerLines(report: JsonReport): string[] {
  return report.files.flatMap((f) => (f.reports ?? []).filter((r) => r.message.includes(' → ')).map((r) => r.message));
}

const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const built = fs.existsSync(path.join(repoRoot, 'dist', 'transforms', 'introduce-dto', 'index.js'));

describe.skipIf(!built)('introduce-dto on the examples (built CLI; run `npm run build` first)', () => {
  it('examples/legacy-api: JSDoc DTOs, verify passes, the app tests still pass, a second run changes nothing', () => {
    const dir = copyExample('legacy-api');
    const report = runTransform(dir);
    expect(report.refusal).toBeUndefined();
    expect(report.verification?.newDiagnostics ?? []).toEqual([]);
    expect(report.summary.changed).toBeGreaterThan(0);
    const lines = handlerLines(report);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.join('\n')).toMatch(/POST \/users → CreateUserBody \(\d+ fields?: \d+ typed, \d+ fallback/);
    applyTransform(dir);
    expect(fs.readFileSync(path.join(dir, 'routes', 'users.js'), 'utf8')).toContain('@typedef {object} CreateUserBody');
    const out = execFileSync(process.execPath, ['--test', 'test/'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    expect(out).toMatch(/# fail 0/);
    execFileSync('git', ['add', '-A'], { cwd: dir });
    execFileSync('git', ['commit', '-qm', 'dto'], { cwd: dir });
    expect(runTransform(dir).summary.changed).toBe(0);
  }, 600_000);

  it('examples/legacy-api-ts: interfaces in *.dto.ts, Request generics, tsc and the app tests pass, idempotent', () => {
    const dir = copyExample('legacy-api-ts');
    const report = runTransform(dir);
    expect(report.refusal).toBeUndefined();
    expect(report.verification?.newDiagnostics ?? []).toEqual([]);
    expect(report.files.some((f) => f.created && f.path.endsWith('.dto.ts'))).toBe(true);
    const lines = handlerLines(report);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.join('\n')).toMatch(/POST \/orders → CreateOrderBody/);
    applyTransform(dir);
    expect(fs.readFileSync(path.join(dir, 'routes', 'orders.ts'), 'utf8')).toContain('CreateOrderBody');
    execFileSync(process.execPath, [tsc, '-p', '.'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    const out = execFileSync(process.execPath, ['--test', 'dist/test/'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    expect(out).toMatch(/# fail 0/);
    fs.rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
    execFileSync('git', ['add', '-A'], { cwd: dir });
    execFileSync('git', ['commit', '-qm', 'dto'], { cwd: dir });
    expect(runTransform(dir).summary.changed).toBe(0);
  }, 600_000);
});
