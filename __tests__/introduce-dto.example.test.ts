import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from './support/cli-in-process.js';
import { exampleTests, extractService, serviceViolations } from './support/examples.js';
import { copyDir, initRepo, repoRoot } from './support/helpers.js';

/**
 * Runs the built CLI (its entry point `main` of dist/src/cli.js, in process: see support/cli-in-process.ts) for real
 * on copies of the examples, then the examples' own tests (and, for the TypeScript twin, `tsc`); then extract-service
 * on the tree introduce-dto wrote, and the tests again. The copies live inside the repository
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
async function runTransform(dir: string): Promise<JsonReport> {
  const res = await runCliInProcess(['run', 'introduce-dto', '.', '--json', '--no-cache'], dir);
  expect(res.code, res.stderr).toBe(0);
  return JSON.parse(res.stdout) as JsonReport;
}

/** The real run, which writes. */
async function applyTransform(dir: string): Promise<void> {
  const res = await runCliInProcess(['run', 'introduce-dto', '.', '--no-cache'], dir);
  expect(res.code, res.stderr).toBe(0);
  expect(res.stderr).toMatch(/verify: no new type errors/);
}

function handlerLines(report: JsonReport): string[] {
  return report.files.flatMap((f) => (f.reports ?? []).filter((r) => r.message.includes(' → ')).map((r) => r.message));
}

/** The copies the two tests above rewrote (and committed), for extract-service after them. */
const rewritten: { js?: string; ts?: string } = {};

const built = fs.existsSync(path.join(repoRoot, 'dist', 'transforms', 'introduce-dto', 'index.js'));

describe.skipIf(!built)('introduce-dto on the examples (built CLI; run `npm run build` first)', () => {
  it('examples/legacy-api: JSDoc DTOs, verify passes, the app tests still pass, a second run changes nothing', async () => {
    const dir = copyExample('legacy-api');
    rewritten.js = dir;
    const report = await runTransform(dir);
    expect(report.refusal).toBeUndefined();
    expect(report.verification?.newDiagnostics ?? []).toEqual([]);
    expect(report.summary.changed).toBeGreaterThan(0);
    const lines = handlerLines(report);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.join('\n')).toMatch(/POST \/users → CreateUserBody \(\d+ fields?: \d+ typed, \d+ fallback/);
    await applyTransform(dir);
    expect(fs.readFileSync(path.join(dir, 'routes', 'users.js'), 'utf8')).toContain('@typedef {object} CreateUserBody');
    expect(exampleTests(dir, false)).toMatch(/# fail 0/);
    execFileSync('git', ['add', '-A'], { cwd: dir });
    execFileSync('git', ['commit', '-qm', 'dto'], { cwd: dir });
    expect((await runTransform(dir)).summary.changed).toBe(0);
  }, 600_000);

  it('examples/legacy-api-ts: interfaces in *.dto.ts, Request generics, tsc and the app tests pass, idempotent', async () => {
    const dir = copyExample('legacy-api-ts');
    rewritten.ts = dir;
    const report = await runTransform(dir);
    expect(report.refusal).toBeUndefined();
    expect(report.verification?.newDiagnostics ?? []).toEqual([]);
    expect(report.files.some((f) => f.created && f.path.endsWith('.dto.ts'))).toBe(true);
    const lines = handlerLines(report);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.join('\n')).toMatch(/POST \/orders → CreateOrderBody/);
    await applyTransform(dir);
    expect(fs.readFileSync(path.join(dir, 'routes', 'orders.ts'), 'utf8')).toContain('CreateOrderBody');
    // tsc -p . (any type error throws), then the tests of the build.
    expect(exampleTests(dir, true)).toMatch(/# fail 0/);
    fs.rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
    execFileSync('git', ['add', '-A'], { cwd: dir });
    execFileSync('git', ['commit', '-qm', 'dto'], { cwd: dir });
    expect((await runTransform(dir)).summary.changed).toBe(0);
  }, 600_000);

  for (const ex of [
    { key: 'js' as const, name: 'legacy-api', typescript: false, service: 'services/users.service.js' },
    { key: 'ts' as const, name: 'legacy-api-ts', typescript: true, service: 'services/users.service.ts' },
  ]) {
    it(`examples/${ex.name}: introduce-dto, then extract-service: the tests still pass, the service takes the DTO`, async () => {
      const dir = rewritten[ex.key];
      expect(dir, `the introduce-dto test of examples/${ex.name} above must have run`).toBeDefined();
      const { reasons } = await extractService(dir as string);
      expect(reasons).toContain('extracted');
      expect(exampleTests(dir as string, ex.typescript)).toMatch(/# fail 0/);
      expect(serviceViolations(dir as string)).toEqual([]);
      // the service takes the DTO by name, no `*Input` re-declares it
      const service = fs.readFileSync(path.join(dir as string, ex.service), 'utf8');
      expect(service).toMatch(ex.typescript ? /createUser\(input: CreateUserBody\)/ : /@param \{import\('\.\.\/routes\/users'\)\.CreateUserBody\} input/);
      expect(service).not.toMatch(/CreateUserInput/);
    }, 600_000);
  }
});
