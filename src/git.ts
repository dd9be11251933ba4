import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findGitRoot } from './discover.js';
import { UsageError } from './errors.js';
import { relativePosix } from './paths.js';
import { gitDirOf } from './sinks/tree-lock.js';

/**
 * `git status` of a repository, as porcelain v1 with NUL separators. git's own warnings (a folder it cannot read)
 * are not passed through; failures become messages that say what to do.
 */
function gitStatus(root: string): string {
  gitDirOf(root); // a broken `.git` file: a clear usage error before git's own
  try {
    return execFileSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new UsageError(
        `git is not installed or not on PATH: remodel needs it to check ${root} for uncommitted changes (install git, or pass --allow-dirty to write without the check)`,
      );
    }
    const said = String(e.stderr ?? '').split('\n').find((l) => /^(fatal|error):/.test(l))?.replace(/^(fatal|error):\s*/, '');
    throw new UsageError(
      `git cannot read the repository at ${root}${said ? ` (${said})` : ''}: remodel cannot check it for uncommitted changes (repair it, or pass --allow-dirty)`,
    );
  }
}

/**
 * Of the given files, those with uncommitted changes (modified, staged, untracked, or ignored) in their git repository.
 * Files outside any repository are not reported: there is nothing to compare them with.
 */
export function dirtyFiles(files: string[]): string[] {
  const byRoot = new Map<string, string[]>();
  for (const f of files) {
    const root = findGitRoot(path.dirname(f));
    if (!root) continue;
    const list = byRoot.get(root) ?? [];
    list.push(f);
    byRoot.set(root, list);
  }
  const dirty: string[] = [];
  for (const [root, list] of byRoot) {
    const wanted = new Set(list.map((f) => relativePosix(root, f)));
    // Ask about everything once: a long list of pathspecs can exceed the command-line limit.
    const out = gitStatus(root);
    const entries = out.split('\0');
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (entry.length < 4) continue;
      const status = entry.slice(0, 2);
      const file = entry.slice(3);
      if (status[0] === 'R' || status[0] === 'C') i++; // the next entry is the rename's source
      if (wanted.has(file)) dirty.push(path.join(root, file));
    }
    // A file git ignores has no committed copy either, like an untracked one, but `git status` does not list it: a
    // file on disk that git neither tracks nor reported (adversarial round 18, F14). (Files the change creates do not
    // exist yet.)
    const reported = new Set(dirty.map((f) => relativePosix(root, f)));
    const unknown = [...wanted].filter((f) => !reported.has(f) && isRegularFile(path.join(root, f)));
    if (unknown.length) {
      const tracked = new Set(gitTracked(root));
      for (const f of unknown) if (!tracked.has(f)) dirty.push(path.join(root, f));
    }
  }
  return dirty.sort();
}

function isRegularFile(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile();
  } catch {
    return false;
  }
}

/** The files git tracks in the repository at `root` (relative, POSIX). */
function gitTracked(root: string): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] }).split('\0').filter(Boolean);
  } catch {
    throw new UsageError(`git cannot list the files of the repository at ${root}: remodel cannot check it for uncommitted changes (repair it, or pass --allow-dirty)`);
  }
}

/** The repository root of `dir`, via git itself (handles worktrees and GIT_DIR), or undefined. */
export function gitToplevel(dir: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}
