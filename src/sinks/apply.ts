import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { changedFiles, type ChangeSet, type FileChange } from '../changeset.js';
import { lockFileFor, lockTree, pidAlive, type TreeLock } from './tree-lock.js';
import { removeUndoLog, undoLogPid, undoLogsBeside, writeUndoLog, type PlannedWrite } from './undo-log.js';

export interface ApplyResult {
  written: string[];
  failed: Array<{ change: FileChange; message: string }>;
  /** All-or-nothing change sets: files that had been written and were restored after a later write failed. */
  restored?: string[];
  /** Files that could not be restored (their state is described in the message). */
  restoreFailed?: Array<{ path: string; message: string }>;
}

export interface ApplyOptions {
  /** Told when another run holds the tree's lock and this one waits. */
  onWait?: (message: string) => void;
  /** Told when an earlier run was killed half way through a project change set and this one rolled it back. */
  onRecover?: (message: string) => void;
  /** Overrides the change set's own `allOrNothing`. */
  allOrNothing?: boolean;
}

/**
 * Rolls back what a run killed half way through a project change set left behind (see undo-log.ts), before this
 * run reads any file. Takes the tree's lock for that moment; does nothing (and takes nothing) when no undo log of
 * a dead run is there.
 */
export async function recoverInterruptedApply(cwd: string, options: Pick<ApplyOptions, 'onWait' | 'onRecover'> = {}): Promise<void> {
  if (!interruptedApplyPending(cwd)) return;
  const lock = await lockTree(cwd, options);
  lock.release();
}

/** Whether a dead run's undo log is waiting beside the tree's lock (for --dry, which never writes, to say so). */
export function interruptedApplyPending(cwd: string): boolean {
  let lockFile: string;
  try {
    lockFile = lockFileFor(cwd);
  } catch {
    return false;
  }
  return undoLogsBeside(lockFile).some((dir) => {
    const pid = undoLogPid(dir);
    return pid !== process.pid && !(pid && pidAlive(pid));
  });
}

/**
 * Writes a change set to disk, holding the tree's lock (one writer at a time, see tree-lock.ts). Each file is
 * written atomically (temporary file in the same folder + rename) with its mode kept, or not at all; a file that
 * changed on disk since it was read, a symbolic link (never written through), or a path that is not a regular
 * file is left alone and reported. A project change set (`allOrNothing`) is checked as a whole first, and when a
 * write fails after others succeeded, those are restored: it is applied entirely or not at all.
 */
export async function applyChangeSet(changeSet: ChangeSet, options: ApplyOptions = {}): Promise<ApplyResult> {
  const changes = changedFiles(changeSet);
  if (!changes.length) return { written: [], failed: [] };
  const lock = await lockTree(changeSet.cwd, { onWait: options.onWait, onRecover: options.onRecover });
  try {
    const allOrNothing = options.allOrNothing ?? Boolean(changeSet.allOrNothing);
    return allOrNothing ? applyAll(changes, lock) : applyEach(changes, lock);
  } finally {
    lock.release();
  }
}

function applyEach(changes: FileChange[], lock: TreeLock): ApplyResult {
  const result: ApplyResult = { written: [], failed: [] };
  for (const change of changes) {
    const problem = preflight(change);
    if (problem) {
      result.failed.push({ change, message: problem });
      continue;
    }
    try {
      perform(change, lock);
      result.written.push(change.absPath);
    } catch (err) {
      result.failed.push({ change, message: describe(err) });
    }
  }
  return result;
}

function applyAll(changes: FileChange[], lock: TreeLock): ApplyResult {
  const problems = changes.map((c) => ({ change: c, problem: preflight(c) })).filter((p) => p.problem);
  if (problems.length) {
    const first = problems[0];
    const why = `the change is applied all or nothing, and ${first.change.path}: ${first.problem}; nothing was written`;
    return {
      written: [],
      failed: changes.map((change) => ({ change, message: problems.find((p) => p.change === change)?.problem ?? `not written: ${why}` })),
    };
  }
  // Survives a kill half way: the next run that takes the lock rolls the tree back from it (see undo-log.ts).
  const undoLog = writeUndoLog(lock.file, changes.flatMap(plannedWrites));
  const undo: Array<{ path: string; dir?: boolean; run: () => void }> = [];
  const pause = Number(process.env.REMODEL_TEST_APPLY_PAUSE_MS) || 0;
  for (const [index, change] of changes.entries()) {
    // Test hook: a pause between files, so a test can kill the run half way through a project change set.
    if (pause && index > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
    try {
      perform(change, lock, undo);
    } catch (err) {
      const message = describe(err);
      const restored: string[] = [];
      const restoreFailed: Array<{ path: string; message: string }> = [];
      for (const step of undo.reverse()) {
        try {
          step.run();
          if (!step.dir) restored.push(step.path);
        } catch (e) {
          restoreFailed.push({ path: step.path, message: describe(e) });
        }
      }
      removeUndoLog(undoLog);
      const why = `the change is applied all or nothing, and writing ${change.path} failed (${message}); ` +
        (restoreFailed.length ? `${restoreFailed.length} file(s) could not be restored` : `the ${new Set(restored).size} file(s) already written were restored`);
      return {
        written: [],
        failed: changes.map((c) => ({ change: c, message: c === change ? `${message}; ${why}` : `not written: ${why}` })),
        restored: [...new Set(restored)],
        restoreFailed,
      };
    }
  }
  removeUndoLog(undoLog);
  return { written: changes.map((c) => c.absPath), failed: [] };
}

/** What one change does to the disk, for the undo log: each path it writes, creates or deletes. */
function plannedWrites(change: FileChange): PlannedWrite[] {
  const source = change.renamedFrom ?? change.absPath;
  const original = change.created || change.before == null ? undefined : { bytes: fs.readFileSync(source), stat: fs.statSync(source) };
  if (change.deleted || change.after === null) return [{ path: change.absPath, original }];
  const after = Buffer.from(change.after ?? '', 'utf8');
  if (change.renamedFrom) return [{ path: change.renamedFrom, original }, { path: change.absPath, after }];
  return [{ path: change.absPath, original, after }];
}

/** `EPERM: operation not permitted` (without the temporary file names Node puts in the message). */
function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code && typeof e.message === 'string') return e.message.split(',')[0];
  return e?.message ?? String(err);
}

function lstat(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw err;
  }
}

/** Why `change` cannot be written now, or undefined when it can. Reads and compares; writes nothing. */
function preflight(change: FileChange): string | undefined {
  try {
    const source = change.renamedFrom ?? change.absPath;
    const expected = change.created || change.before == null ? null : change.before;
    const sourceStat = lstat(source);
    if (sourceStat?.isSymbolicLink()) return 'is a symbolic link; remodel never writes through one; not written';
    if (sourceStat && !sourceStat.isFile()) return 'is not a regular file (a directory?); not written';
    if (expected === null) {
      if (sourceStat) return 'file to be created already exists; not written';
    } else {
      if (!sourceStat) return 'file disappeared during the run';
      if (!fs.readFileSync(source).equals(Buffer.from(expected, 'utf8'))) return 'file changed on disk during the run; not written';
    }
    if (change.renamedFrom) {
      const dest = lstat(change.absPath);
      if (dest) return `cannot move ${change.renamedFrom}: destination exists`;
    }
    if (!(change.deleted || change.after === null)) {
      // The nearest existing folder on the way must be a writable folder.
      let dir = path.dirname(change.absPath);
      for (;;) {
        const st = lstat(dir);
        if (st) {
          if (!st.isDirectory()) return `cannot write: ${dir} is not a folder`;
          break;
        }
        dir = path.dirname(dir);
      }
      fs.accessSync(dir, fs.constants.W_OK);
    } else {
      fs.accessSync(path.dirname(source), fs.constants.W_OK);
    }
    return undefined;
  } catch (err) {
    return `${describe(err)}; not written`;
  }
}

/**
 * Writes one change. With `undo`, records how to take back each step that succeeded (the original bytes and
 * mode of overwritten or deleted files, created files and folders).
 */
function perform(change: FileChange, lock: TreeLock, undo?: Array<{ path: string; dir?: boolean; run: () => void }>): void {
  const source = change.renamedFrom ?? change.absPath;
  const original = change.created || change.before == null ? undefined : { bytes: fs.readFileSync(source), stat: fs.statSync(source) };
  if (change.deleted || change.after === null) {
    fs.unlinkSync(change.absPath);
    if (original) undo?.push({ path: change.absPath, run: () => writeAtomic(change.absPath, original.bytes, original.stat, lock) });
    return;
  }
  const created = fs.mkdirSync(path.dirname(change.absPath), { recursive: true });
  if (created) undo?.push({ path: created, dir: true, run: () => removeEmptyDirs(created, path.dirname(change.absPath)) });
  const mode = change.mode ?? original?.stat.mode;
  writeAtomic(change.absPath, Buffer.from(change.after ?? '', 'utf8'), mode !== undefined ? { mode, uid: original?.stat.uid, gid: original?.stat.gid } : undefined, lock);
  if (change.renamedFrom || !original) {
    undo?.push({ path: change.absPath, run: () => fs.rmSync(change.absPath, { force: true }) });
  } else {
    undo?.push({ path: change.absPath, run: () => writeAtomic(change.absPath, original.bytes, original.stat, lock) });
  }
  if (change.renamedFrom) {
    fs.unlinkSync(change.renamedFrom);
    const from = change.renamedFrom;
    if (original) undo?.push({ path: from, run: () => writeAtomic(from, original.bytes, original.stat, lock) });
  }
}

/** Removes the folders mkdir created (from `top` down to `deepest`), as long as they are empty. */
function removeEmptyDirs(top: string, deepest: string): void {
  for (let dir = deepest; ; dir = path.dirname(dir)) {
    try {
      fs.rmdirSync(dir);
    } catch {
      return;
    }
    if (dir === top || path.dirname(dir) === dir) return;
  }
}

let counter = 0;

/**
 * Temporary file in the same folder, fsynced, then renamed over the target: readers see the old or the new
 * bytes, never a mix, even when the process is killed. The temporary name is journaled in the tree's lock first,
 * so the run that takes over after a crash removes it.
 */
export function writeAtomic(file: string, bytes: Buffer, keep: { mode: number; uid?: number; gid?: number } | undefined, lock: TreeLock): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.remodel-${process.pid}-${(++counter).toString(16)}${randomBytes(3).toString('hex')}.tmp`);
  lock.journal(temp);
  const fd = fs.openSync(temp, 'wx', keep ? keep.mode & 0o7777 : 0o666);
  try {
    try {
      fs.writeSync(fd, bytes);
      if (keep) {
        fs.fchmodSync(fd, keep.mode & 0o7777);
        const uid = keep.uid ?? -1;
        const gid = keep.gid ?? -1;
        if (process.getuid?.() === 0 && (uid !== process.getuid() || gid !== process.getgid?.())) fs.fchownSync(fd, uid, gid);
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
