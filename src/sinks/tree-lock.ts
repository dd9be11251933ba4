import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findGitRoot } from '../discover.js';
import { UsageError } from '../errors.js';
import { recoverFromUndoLog, undoLogPid, undoLogsBeside } from './undo-log.js';

/**
 * One writer per tree. Two remodel runs that apply to the same tree at once would each compare a file with what
 * they read and then write it, and the later write would silently replace the earlier one. The lock makes
 * compare-then-write one step: a second run waits for the first, then sees its writes as "changed on disk".
 *
 * The lock is a file created exclusively (`wx`) in the repository's git directory (outside git: in the temp
 * folder, keyed by the tree's real path). Its first line is the holder's pid and host; a lock whose holder is no
 * longer alive (killed) is taken over. Every temporary file the holder creates is appended to the lock before it
 * is created, so whoever takes over a dead holder's lock removes what it left half written.
 */
export interface TreeLock {
  readonly file: string;
  /** Records a temporary file about to be created, for the cleanup after a crash. */
  journal(tempFile: string): void;
  release(): void;
}

export interface LockOptions {
  /** How long to wait for another run's lock (default: $REMODEL_LOCK_TIMEOUT seconds, else 10 minutes). */
  timeoutMs?: number;
  /** Called once when the lock is held by another live run. */
  onWait?: (message: string) => void;
  /** Told when a killed run's half-applied project change set was rolled back (default: stderr). */
  onRecover?: (message: string) => void;
}

/** The git directory of the repository at `root` (`.git`, or where a `.git` file points). */
export function gitDirOf(root: string): string {
  const dotGit = path.join(root, '.git');
  const stat = fs.statSync(dotGit);
  if (stat.isDirectory()) return dotGit;
  const text = fs.readFileSync(dotGit, 'utf8');
  const m = /^gitdir:\s*(.+?)\s*$/m.exec(text);
  const target = m ? path.resolve(root, m[1]) : undefined;
  if (!target || !fs.existsSync(target) || !fs.statSync(target).isDirectory()) {
    throw new UsageError(
      `${dotGit} is a file that does not point at a git directory (${m ? `gitdir: ${m[1]} does not exist` : 'no "gitdir:" line'}); ` +
        'repair the worktree (git worktree repair) or remove the file',
    );
  }
  return target;
}

export function lockFileFor(dir: string): string {
  const root = findGitRoot(dir);
  if (root) return path.join(gitDirOf(root), 'remodel.lock');
  let real = path.resolve(dir);
  try {
    real = fs.realpathSync(real);
  } catch {
    // keep the resolved path
  }
  const folder = path.join(os.tmpdir(), 'remodel-locks');
  fs.mkdirSync(folder, { recursive: true });
  return path.join(folder, `${createHash('sha1').update(real).digest('hex').slice(0, 16)}.lock`);
}

interface Holder {
  pid: number;
  host: string;
  raw: string;
  /** No first line after 5 s: its creator died between creating and writing it. */
  empty: boolean;
}

function readHolder(file: string): Holder | undefined {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const m = /^(\d+) (\S*)\n/.exec(raw);
  let old = false;
  try {
    old = !m && Date.now() - fs.statSync(file).mtimeMs > 5000;
  } catch {
    return undefined;
  }
  // A lock file still being created has no first line yet: alive unless old (pid 0 is never "dead").
  return { pid: m ? Number(m[1]) : 0, host: m ? m[2] : os.hostname(), raw, empty: old };
}

export function pidAlive(pid: number): boolean {
  if (!pid) return true;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie (exited, not yet reaped by its parent) answers signal 0 but holds nothing.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

const isStale = (h: Holder) => h.empty || (h.host === os.hostname() && h.pid !== process.pid && !pidAlive(h.pid));

/** Removes a dead holder's lock and the temporary files it journaled. Guarded so two runs never both do it. */
function takeOver(file: string, seen: Holder): void {
  const guard = `${file}.takeover`;
  let fd: number;
  try {
    fd = fs.openSync(guard, 'wx');
  } catch {
    // Someone else is taking over; a guard left by a run killed in this very step is old: clear it.
    try {
      if (Date.now() - fs.statSync(guard).mtimeMs > 5000) fs.unlinkSync(guard);
    } catch {
      // gone already
    }
    return;
  }
  try {
    const now = readHolder(file);
    if (!now || now.raw !== seen.raw) return; // released or replaced meanwhile
    for (const line of now.raw.split('\n').slice(1)) {
      const temp = line.trim();
      // Only remodel's own temporary names are removed.
      if (temp && /\.remodel-\d+-[0-9a-f]+\.tmp$/.test(temp)) fs.rmSync(temp, { force: true });
    }
    fs.unlinkSync(file);
  } finally {
    fs.closeSync(fd);
    fs.rmSync(guard, { force: true });
  }
}

/**
 * With the lock held, no live run can own an undo folder: any beside the lock belongs to a run killed while it
 * applied a project change set. Roll the tree back with it and say so.
 */
function recoverKilledRuns(lockFile: string, tell: (message: string) => void): void {
  for (const dir of undoLogsBeside(lockFile)) {
    const pid = undoLogPid(dir);
    if (pid === process.pid || (pid && pidAlive(pid))) continue;
    const { restored, leftAlone } = recoverFromUndoLog(dir);
    if (!restored.length && !leftAlone.length) continue;
    const list = (files: string[]) => files.slice(0, 5).join(', ') + (files.length > 5 ? `, … (${files.length - 5} more)` : '');
    tell(
      `a remodel run (pid ${pid}) was killed while applying a change that is all or nothing; ` +
        (restored.length ? `rolled back ${restored.length} file(s): ${list(restored)}` : 'nothing to roll back') +
        (leftAlone.length ? `; left ${leftAlone.length} file(s) as they are because they changed since: ${list(leftAlone)}` : ''),
    );
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function lockTree(dir: string, options: LockOptions = {}): Promise<TreeLock> {
  const file = lockFileFor(dir);
  const envTimeout = Number(process.env.REMODEL_LOCK_TIMEOUT);
  const timeoutMs = options.timeoutMs ?? (envTimeout > 0 ? envTimeout * 1000 : 10 * 60 * 1000);
  const started = Date.now();
  let told = false;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = fs.openSync(file, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new UsageError(`cannot create the lock file ${file}: ${(err as Error).message}`);
      }
    }
    if (fd !== undefined) {
      fs.writeSync(fd, `${process.pid} ${os.hostname()}\n`);
      try {
        recoverKilledRuns(file, options.onRecover ?? ((m) => process.stderr.write(`remodel: ${m}\n`)));
      } catch (err) {
        fs.closeSync(fd);
        fs.rmSync(file, { force: true });
        throw new UsageError(`cannot roll back a killed run's half-applied change (undo folder beside ${file}): ${(err as Error).message}`);
      }
      const lockFd = fd;
      let released = false;
      return {
        file,
        journal(tempFile) {
          fs.writeSync(lockFd, `${tempFile}\n`);
        },
        release() {
          if (released) return;
          released = true;
          fs.closeSync(lockFd);
          fs.rmSync(file, { force: true });
        },
      };
    }
    const holder = readHolder(file);
    if (!holder) continue; // released between our attempt and the read
    if (isStale(holder)) {
      takeOver(file, holder);
      continue;
    }
    if (Date.now() - started > timeoutMs) {
      throw new UsageError(
        `another remodel run (pid ${holder.pid}${holder.host !== os.hostname() ? ` on ${holder.host}` : ''}) is writing to this tree ` +
          `and did not finish within ${Math.round(timeoutMs / 1000)}s; nothing was written (lock: ${file})`,
      );
    }
    if (!told) {
      told = true;
      options.onWait?.(`waiting for another remodel run (pid ${holder.pid}) to finish writing to this tree (lock: ${file})`);
    }
    await sleep(50 + Math.random() * 50);
  }
}
