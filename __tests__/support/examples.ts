import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { runCliInProcess } from './cli-in-process.js';
import { copyDir, git, repoRoot } from './helpers.js';
import { tsc } from './tsc.js';

/**
 * The bundled example apps (examples/legacy-api and its TypeScript twin) as real projects for the example tests:
 * a copy in a git-ignored `.tmp-*` folder inside the checkout (so that `express`, `typescript` and `@types/*`
 * resolve from the repository's node_modules), each copy its own git repository (so a run sees only the example,
 * not the repository's tsconfig.json), and the example's own test command.
 */

/** A copy of `examples/<name>` at `<scratch>/<label>-<name>`, committed on `main` (dist/ and node_modules ignored). */
export function exampleCopy(scratch: string, name: string, label: string): string {
  const dir = path.join(scratch, `${label}-${name}`);
  fs.mkdirSync(dir, { recursive: true });
  copyDir(path.join(repoRoot, 'examples', name), dir);
  fs.rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules\ndist/\n');
  git(dir, 'init', '-q', '-b', 'main');
  commitAll(dir, 'example');
  return dir;
}

export function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', message, '--allow-empty');
}

/**
 * The example's own test command: node --test (after `tsc -p .` for the TypeScript twin). Throws on failure.
 *
 * Several test files run it on the same tree: the untouched example (the baseline of legacy-example, cjs-to-esm
 * and extract-service), and layered's result, which is byte for byte introduce-dto's then extract-service's. A
 * tree whose tests passed once in this test run is not tested again: what passed is kept under the run's temporary
 * folder (removed at its end), keyed by the hash of every file of the tree (paths and bytes) but .git, node_modules,
 * the build output dist/ and the root .gitignore, which neither tsc nor the tests read, with the Node version.
 * A failure is never kept: it is thrown, and the next call runs the tests again.
 */
export function exampleTests(dir: string, typescript: boolean): string {
  const cacheDir = path.join(os.tmpdir(), 'remodel-example-tests');
  const kept = path.join(cacheDir, `${treeHash(dir, typescript)}.out`);
  if (fs.existsSync(kept)) return fs.readFileSync(kept, 'utf8');
  const run = (args: string[]) =>
    execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, NODE_ENV: 'test' } });
  let out: string;
  if (typescript) {
    // tsc -p . (in this process, support/tsc.ts) throws on any type error: this is also the type check of the project.
    tsc(dir);
    out = run(['--test', 'dist/test/']);
  } else out = run(['--test', 'test/']);
  fs.mkdirSync(cacheDir, { recursive: true });
  const tmp = `${kept}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, out);
  fs.renameSync(tmp, kept);
  return out;
}

function treeHash(dir: string, typescript: boolean): string {
  const hash = createHash('sha256').update(`${process.version}\0${typescript ? 'tsc -p . && node --test dist/test/' : 'node --test test/'}\0`);
  const visit = (rel: string) => {
    const entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      if (e.name === '.git' || e.name === 'node_modules' || relPath === 'dist' || relPath === '.gitignore') continue;
      if (e.isDirectory()) visit(relPath);
      else {
        const bytes = fs.readFileSync(path.join(dir, relPath));
        hash.update(`${relPath}\0${bytes.length}\0`).update(bytes);
      }
    }
  };
  visit('');
  return hash.digest('hex');
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
    if (/(?:from\s+|require\(\s*)['"](?:express|koa|@koa\/router|koa-router|fastify)['"]/.test(code))
      out.push(`${name}: imports a web framework`);
    for (const word of ['req', 'res', 'ctx', 'reply'])
      if (new RegExp(`\\b${word}\\b`).test(code)) out.push(`${name}: mentions \`${word}\``);
    if (/\brespond\(/.test(code)) out.push(`${name}: calls respond()`);
    const status = code.match(/\b(200|201|202|204|301|302|303|304|307|308|400|401|403|404|405|409|410|412|415|422|429|500|502|503)\b/);
    if (status) out.push(`${name}: HTTP status ${status[1]}`);
    if (/\.(status|sendStatus|json|location|set|header)\(/.test(code) && /\b(status|sendStatus|location)\(/.test(code))
      out.push(`${name}: writes a response`);
  }
  return out;
}

/**
 * `remodel run extract-service . --json` (reports, writes nothing), then the real run with the same CLI entry point.
 * Returns the JSON report's reason keys, the summary line and the report.
 */
export async function extractService(dir: string) {
  const res = await runCliInProcess(['run', 'extract-service', '.', '--json'], dir);
  expect(res.code, res.stderr).toBe(0);
  const report = JSON.parse(res.stdout);
  expect(report.refusal).toBeUndefined();
  const reasons: string[] = report.files.flatMap((f: any) => (f.reports ?? []).map((r: any) => r.reason));
  const summary = report.files.flatMap((f: any) => f.reports ?? []).find((r: any) => r.reason === 'summary')?.message as string;
  const applied = await runCliInProcess(['run', 'extract-service', '.'], dir);
  expect(applied.code, applied.stderr + applied.stdout).toBe(0);
  return { reasons, summary, report };
}
