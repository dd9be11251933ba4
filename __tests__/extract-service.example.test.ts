import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyDir, git, repoRoot, runCli } from './support/helpers.js';

/**
 * extract-service for real on the example apps: the built CLI rewrites a copy, then the example's own HTTP tests
 * (and tsc for the TypeScript twin) must pass unchanged. The copies live in a git-ignored `.tmp-*` folder inside
 * the checkout so that `express`, `typescript` and `@types/*` resolve from the repository's node_modules; each copy
 * is its own git repository, so the run sees only the example (not the repository's tsconfig.json).
 */
const scratch = path.join(repoRoot, `.tmp-extract-service-${crypto.randomBytes(4).toString('hex')}`);
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const hasIntroduceDto = fs.existsSync(path.join(repoRoot, 'transforms', 'introduce-dto', 'index.ts')) || fs.existsSync(path.join(repoRoot, 'transforms', 'introduce-dto.ts'));

function exampleCopy(name: string, label: string): string {
  const dir = path.join(scratch, `${label}-${name}`);
  fs.mkdirSync(dir, { recursive: true });
  copyDir(path.join(repoRoot, 'examples', name), dir);
  fs.rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules\ndist/\n');
  git(dir, 'init', '-q', '-b', 'main');
  commitAll(dir, 'example');
  return dir;
}

function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', message, '--allow-empty');
}

/** The example's own test command: node --test (after tsc for the TypeScript twin). Throws on failure. */
function exampleTests(dir: string, typescript: boolean): string {
  const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, NODE_ENV: 'test' } });
  if (typescript) {
    run([path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']);
    return run(['--test', 'dist/test/']);
  }
  return run(['--test', 'test/']);
}

/**
 * Service files know nothing of HTTP: no framework import, no req/res/ctx/reply, no respond(), no status numbers.
 * Returns the violations found (file: what), so a failure names them.
 */
export function serviceViolations(dir: string): string[] {
  const out: string[] = [];
  const servicesDir = path.join(dir, 'services');
  if (!fs.existsSync(servicesDir)) return ['no services folder'];
  for (const name of fs.readdirSync(servicesDir)) {
    const text = fs.readFileSync(path.join(servicesDir, name), 'utf8');
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ''); // comments may name the route they came from
    if (/(?:from\s+|require\(\s*)['"](?:express|koa|@koa\/router|koa-router|fastify)['"]/.test(code)) out.push(`${name}: imports a web framework`);
    for (const word of ['req', 'res', 'ctx', 'reply']) if (new RegExp(`\\b${word}\\b`).test(code)) out.push(`${name}: mentions \`${word}\``);
    if (/\brespond\(/.test(code)) out.push(`${name}: calls respond()`);
    const status = code.match(/\b(200|201|202|204|301|302|303|304|307|308|400|401|403|404|405|409|410|412|415|422|429|500|502|503)\b/);
    if (status) out.push(`${name}: HTTP status ${status[1]}`);
    if (/\.(status|sendStatus|json|location|set|header)\(/.test(code) && /\b(status|sendStatus|location)\(/.test(code)) out.push(`${name}: writes a response`);
  }
  return out;
}

function extract(dir: string) {
  const res = runCli(['run', 'extract-service', '.', '--json'], dir);
  expect(res.code, res.stderr).toBe(0);
  const report = JSON.parse(res.stdout);
  expect(report.refusal).toBeUndefined();
  const reasons: string[] = report.files.flatMap((f: any) => (f.reports ?? []).map((r: any) => r.reason));
  const summary = report.files.flatMap((f: any) => f.reports ?? []).find((r: any) => r.reason === 'summary')?.message as string;
  // The JSON run only reports; apply for real with the same CLI.
  const applied = runCli(['run', 'extract-service', '.'], dir);
  expect(applied.code, applied.stderr + applied.stdout).toBe(0);
  return { reasons, summary, report };
}

const examples = [
  { name: 'legacy-api', typescript: false, service: 'services/users.service.js' },
  { name: 'legacy-api-ts', typescript: true, service: 'services/users.service.ts' },
];

describe('extract-service on the example apps', () => {
  for (const ex of examples) {
    it(`${ex.name}: the tests pass before and after, unchanged; a second run changes nothing`, { timeout: 300_000 }, () => {
      const dir = exampleCopy(ex.name, 'alone');
      const testsBefore = fs.readdirSync(path.join(dir, 'test')).map((f) => fs.readFileSync(path.join(dir, 'test', f), 'utf8'));
      expect(exampleTests(dir, ex.typescript)).toMatch(/# fail 0/);

      const { reasons, summary } = extract(dir);
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
      expect(runCli(['run', 'extract-service', '.', '--check'], dir).code).toBe(0);
    });

    it.skipIf(!hasIntroduceDto)(`${ex.name}: introduce-dto, then extract-service: the tests still pass`, { timeout: 300_000 }, () => {
      const dir = exampleCopy(ex.name, 'dto');
      const dto = runCli(['run', 'introduce-dto', '.'], dir);
      expect(dto.code, dto.stderr + dto.stdout).toBe(0);
      commitAll(dir, 'introduce-dto');
      expect(exampleTests(dir, ex.typescript)).toMatch(/# fail 0/);
      const { reasons } = extract(dir);
      expect(reasons).toContain('extracted');
      expect(exampleTests(dir, ex.typescript)).toMatch(/# fail 0/);
      expect(serviceViolations(dir)).toEqual([]);
      // the service takes the DTO by name, no `*Input` re-declares it
      const service = fs.readFileSync(path.join(dir, ex.service), 'utf8');
      expect(service).toMatch(ex.typescript ? /createUser\(input: CreateUserBody\)/ : /@param \{import\('\.\.\/routes\/users'\)\.CreateUserBody\} input/);
      expect(service).not.toMatch(/CreateUserInput/);
    });

    it(`${ex.name}: the layered recipe applies (not refused), its tests pass unchanged and tsc passes`, { timeout: 300_000 }, () => {
      const dir = exampleCopy(ex.name, 'layered');
      const res = runCli(['run', 'layered', '.', '--json'], dir);
      expect(res.code, res.stderr).toBe(0);
      const report = JSON.parse(res.stdout);
      expect(report.refusal).toBeUndefined();
      const applied = runCli(['run', 'layered', '.'], dir);
      expect(applied.code, applied.stderr + applied.stdout).toBe(0);
      expect(fs.existsSync(path.join(dir, ex.service))).toBe(true);
      expect(serviceViolations(dir)).toEqual([]);
      expect(exampleTests(dir, ex.typescript)).toMatch(/# fail 0/);
      if (ex.typescript) execFileSync(process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.', '--noEmit'], { cwd: dir });
    });
  }
  if (!hasIntroduceDto) it.skip('introduce-dto followed by extract-service: transforms/introduce-dto has not landed yet', () => {});
});
