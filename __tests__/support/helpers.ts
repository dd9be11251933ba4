import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = path.join(repoRoot, 'bin', 'remodel.js');

export const testCacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-test-cache-'));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (dist/; the global setup __tests__/support/fresh-dist.ts recompiles anything stale) as a user would. */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): CliResult {
  // Caches of directories without a package.json go to the user cache folder: keep the tests' apart.
  const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: testCacheHome };
  delete base.FORCE_COLOR;
  const merged = { ...base, ...env };
  for (const [k, v] of Object.entries(merged)) if (v === '') delete merged[k];
  const res = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: merged,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
}

export function tempDir(prefix = 'remodel-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    },
  });
}

/** A git repository with everything in `dir` committed on `main`. */
export function initRepo(dir: string): void {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'core.autocrlf', 'false');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
}

/** Every file under `dir` (except .git and node_modules) with its bytes, for byte-for-byte comparisons. */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const visit = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      const abs = path.join(d, entry.name);
      if (entry.isDirectory()) visit(abs);
      else if (entry.isFile()) out.set(path.relative(dir, abs), fs.readFileSync(abs));
    }
  };
  visit(dir);
  return out;
}

export function mtimes(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const rel of snapshot(dir).keys()) out.set(rel, fs.statSync(path.join(dir, rel)).mtimeMs);
  return out;
}

export function copyDir(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true, filter: (src) => !src.split(path.sep).includes('node_modules') });
}
