import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { redact } from './redact.js';

/** A git command that failed; the message carries git's own stderr, with credentials removed. */
export class GitError extends Error {
  constructor(
    message: string,
    readonly args: string[],
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

/** `git` itself cannot be started. */
export class GitMissingError extends Error {
  constructor() {
    super('git is not installed or not on PATH: remodel pr runs git to fetch, commit and push');
    this.name = 'GitMissingError';
  }
}

export interface GitOptions {
  cwd: string;
  env?: Record<string, string>;
  /** Written to the command's stdin. */
  input?: string;
}

/**
 * Runs git without a shell. Never prompts (a scheduled job has no one to answer) and never runs hooks of the
 * user's repository (a husky pre-push hook installed by `npm ci` must not run tests on remodel's push).
 */
export function git(args: string[], options: GitOptions): Promise<string> {
  const fullArgs = ['-c', 'core.hooksPath=/dev/null', ...args];
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      fullArgs,
      {
        cwd: options.cwd,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_LFS_SKIP_SMUDGE: '1', ...options.env },
      },
      (err, stdout, stderr) => {
        if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(new GitMissingError());
        } else if (err) {
          const detail = redact(String(stderr || err.message).trim());
          reject(new GitError(`git ${args[0]} failed: ${detail}`, args, redact(String(stderr))));
        } else {
          resolve(stdout);
        }
      },
    );
    // A command that does not read its input may exit before it is written: that is not an error.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');
  });
}

export interface Identity {
  name: string;
  email: string;
}

export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
  author: Identity;
  /** Full message, trailers included. */
  message: string;
  subject: string;
}

/** The repository's top-level directory, or undefined outside a git work tree. */
export async function toplevel(cwd: string): Promise<string | undefined> {
  try {
    return (await git(['rev-parse', '--show-toplevel'], { cwd })).trim();
  } catch (err) {
    if (err instanceof GitMissingError) throw err;
    return undefined;
  }
}

/**
 * Removes `refs/remodel-tmp/<pid>-*` refs of runs that are no longer alive (a run killed before its cleanup).
 * Refs of live processes are left alone: that run is still using them.
 */
export async function removeStaleTempRefs(cwd: string, alive: (pid: number) => boolean): Promise<string[]> {
  const out = await git(['for-each-ref', '--format=%(refname)', 'refs/remodel-tmp/'], { cwd });
  const stale = out
    .split('\n')
    .filter(Boolean)
    .filter((ref) => {
      const m = /^refs\/remodel-tmp\/(\d+)-/.exec(ref);
      return m ? !alive(Number(m[1])) : false;
    });
  for (const ref of stale) await deleteRef(cwd, ref);
  return stale;
}

export async function isShallow(cwd: string): Promise<boolean> {
  return (await git(['rev-parse', '--is-shallow-repository'], { cwd })).trim() === 'true';
}

export async function remoteUrl(cwd: string, remote: string): Promise<string | undefined> {
  try {
    return (await git(['remote', 'get-url', remote], { cwd })).trim() || undefined;
  } catch {
    return undefined;
  }
}

export async function configValue(cwd: string, key: string): Promise<string | undefined> {
  try {
    return (await git(['config', '--get', key], { cwd })).trim() || undefined;
  } catch {
    return undefined; // git config exits 1 when the key is unset
  }
}

export interface RemoteRefs {
  /** The branch the remote's HEAD points at (its default branch), when the server tells. */
  defaultBranch?: string;
  /** sha of each `refs/heads/<name>` asked for that exists. */
  heads: Map<string, string>;
}

/** One `git ls-remote` for the default branch and the given branches. */
export async function lsRemote(cwd: string, remote: string, branches: string[]): Promise<RemoteRefs> {
  const out = await git(['ls-remote', '--symref', remote, 'HEAD', ...branches.map((b) => `refs/heads/${b}`)], { cwd });
  const refs: RemoteRefs = { heads: new Map() };
  for (const line of out.split('\n')) {
    const symref = /^ref: refs\/heads\/(\S+)\tHEAD$/.exec(line);
    if (symref) {
      refs.defaultBranch = symref[1];
      continue;
    }
    const [sha, ref] = line.split('\t');
    if (ref?.startsWith('refs/heads/') && branches.includes(ref.slice('refs/heads/'.length))) {
      refs.heads.set(ref.slice('refs/heads/'.length), sha);
    }
  }
  return refs;
}

/**
 * Fetches remote branches into private refs (`refs/remodel-tmp/...`), leaving remote-tracking branches and the
 * user's branches alone. In a shallow clone (actions/checkout's default) only the tips are fetched, so the clone
 * stays as small as it was; a full clone is never made shallow.
 */
export async function fetchInto(cwd: string, remote: string, mapping: Array<{ branch: string; ref: string }>): Promise<void> {
  if (!mapping.length) return;
  const depth = (await isShallow(cwd)) ? ['--depth=1'] : [];
  const specs = mapping.map(({ branch, ref }) => `+refs/heads/${branch}:${ref}`);
  // --refmap= keeps git from also updating the remote-tracking branches (origin/main) on the way.
  await git(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--refmap=', ...depth, remote, ...specs], { cwd });
}

export async function revParse(cwd: string, rev: string): Promise<string> {
  return (await git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { cwd })).trim();
}

export async function treeOf(cwd: string, rev: string): Promise<string> {
  return (await git(['rev-parse', '--verify', `${rev}^{tree}`], { cwd })).trim();
}

export async function deleteRef(cwd: string, ref: string): Promise<void> {
  await git(['update-ref', '-d', ref], { cwd }).catch(() => undefined);
}

export async function readCommit(cwd: string, sha: string): Promise<CommitInfo> {
  // The raw object, not `git log`: in a shallow clone a fetched tip is grafted and log would show no parents.
  const raw = await git(['cat-file', 'commit', sha], { cwd });
  const split = raw.indexOf('\n\n');
  const headers = (split >= 0 ? raw.slice(0, split) : raw).split('\n');
  const message = (split >= 0 ? raw.slice(split + 2) : '').replace(/\n+$/, '');
  const field = (name: string) => headers.filter((h) => h.startsWith(`${name} `)).map((h) => h.slice(name.length + 1));
  const author = /^(.*?) <([^>]*)>/.exec(field('author')[0] ?? '') ?? ['', '', ''];
  return {
    sha,
    tree: field('tree')[0] ?? '',
    parents: field('parent'),
    author: { name: author[1], email: author[2] },
    message,
    subject: message.split('\n')[0],
  };
}

/** Trailers of a commit message: `Key: value` lines of its last paragraph. */
export function trailers(message: string): Map<string, string> {
  const paragraphs = message.trim().split(/\n\s*\n/);
  const last = paragraphs.length > 1 ? paragraphs[paragraphs.length - 1] : '';
  const out = new Map<string, string>();
  for (const line of last.split('\n')) {
    const m = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line);
    if (m) out.set(m[1].toLowerCase(), m[2].trim());
  }
  return out;
}

export interface Worktree {
  dir: string;
  remove(): Promise<void>;
}

/**
 * A temporary, detached work tree at `commit`: remodel runs and writes there, so the user's checkout (its branch,
 * index and files) is never touched. Its path is stable per repository and `key` (the branch), so result caches
 * keyed on the run's directory are reused by the next run. Removed again by `remove()`, also after failures; one
 * left behind by a killed run is replaced.
 */
export async function addWorktree(repo: string, commit: string, key: string): Promise<Worktree> {
  const commonDir = path.resolve(repo, (await git(['rev-parse', '--git-common-dir'], { cwd: repo })).trim());
  const id = createHash('sha1').update(`${commonDir}\0${key}`).digest('hex').slice(0, 12);
  const dir = path.join(os.tmpdir(), `remodel-pr-${id}`);
  const remove = async () => {
    await git(['worktree', 'remove', '--force', dir], { cwd: repo }).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
    await git(['worktree', 'prune'], { cwd: repo }).catch(() => undefined);
  };
  if (fs.existsSync(dir)) await remove();
  else await git(['worktree', 'prune'], { cwd: repo }).catch(() => undefined);
  await git(['worktree', 'add', '--quiet', '--detach', dir, commit], { cwd: repo });
  return { dir, remove };
}

/**
 * Stages everything that changed in the worktree (a fresh checkout in which only remodel wrote, so this is exactly
 * the applied change sets: edits, created, deleted and renamed files) and writes the tree.
 */
export async function stageAndWriteTree(worktree: string, exclude: string[] = []): Promise<string> {
  // Not an `:(exclude)` pathspec: git 2.39 refuses one that names an ignored path ("The following paths are
  // ignored"), which `node_modules` is in most repositories. Stage everything, then unstage what must not go in.
  await git(['add', '--all', '--', '.'], { cwd: worktree });
  if (exclude.length) await git(['rm', '-r', '--cached', '--quiet', '--ignore-unmatch', '--', ...exclude.map((p) => `:(top,literal)${p}`)], { cwd: worktree });
  return (await git(['write-tree'], { cwd: worktree })).trim();
}

/** Creates a commit object without touching any branch (`git commit-tree`), with the given identity. */
export async function commitTree(cwd: string, tree: string, parent: string, message: string, who: Identity): Promise<string> {
  const env = {
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email,
  };
  return (await git(['commit-tree', tree, '-p', parent, '-F', '-'], { cwd, env, input: message + '\n' })).trim();
}

/** The push was refused because the branch moved on the remote after it was read (the lease did not hold). */
export class LeaseError extends Error {
  constructor(branch: string) {
    super(`branch ${branch} changed on the remote while remodel ran`);
    this.name = 'LeaseError';
  }
}

/**
 * Sets (or, with `commit` undefined, deletes) `refs/heads/<branch>` on the remote, only if it still is
 * `expected` (undefined: must not exist yet). `--force-with-lease` names this one ref, so nothing else moves.
 */
export async function pushBranch(
  cwd: string,
  remote: string,
  branch: string,
  commit: string | undefined,
  expected: string | undefined,
): Promise<void> {
  const ref = `refs/heads/${branch}`;
  const refspec = commit ? `${commit}:${ref}` : `:${ref}`;
  try {
    await git(['push', '--quiet', '--no-verify', `--force-with-lease=${ref}:${expected ?? ''}`, remote, refspec], { cwd });
  } catch (err) {
    if (err instanceof GitError && /stale info|fetch first|non-fast-forward/.test(err.stderr + err.message)) throw new LeaseError(branch);
    throw err;
  }
}
