import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { findGitRoot } from './discover.js';
import { relativePosix } from './paths.js';

/**
 * Of the given files, those with uncommitted changes (modified, staged, or untracked) in their git repository.
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
    const out = execFileSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const entries = out.split('\0');
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (entry.length < 4) continue;
      const status = entry.slice(0, 2);
      const file = entry.slice(3);
      if (status[0] === 'R' || status[0] === 'C') i++; // the next entry is the rename's source
      if (wanted.has(file)) dirty.push(path.join(root, file));
    }
  }
  return dirty.sort();
}

/** The repository root of `dir`, via git itself (handles worktrees and GIT_DIR), or undefined. */
export function gitToplevel(dir: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}
