import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The on-disk half of "all or nothing" for project change sets. Before the first file of such a change set is
 * written, the original bytes of every file it overwrites, moves or deletes are copied into an undo folder beside
 * the tree's lock, with a manifest (fsynced) saying how to take every step back. A run that finishes (or rolls back
 * in-process) removes the folder. A run killed half way (SIGKILL, power loss) leaves it behind, and the run that
 * takes over the dead holder's lock rolls the tree back with it.
 *
 * The rollback never overwrites somebody else's edit: a file is put back only while it still holds exactly what the
 * killed run wrote (or the original); anything else is left as it is and named in the message.
 */
export interface UndoEntry {
  /** Absolute path the change set writes, creates or deletes. */
  path: string;
  /** File name in the undo folder holding the original bytes; absent when the change set creates the file. */
  backup?: string;
  mode?: number;
  uid?: number;
  gid?: number;
  /** sha256 of the bytes the change set writes there; absent when it deletes the file. */
  afterHash?: string;
}

export interface UndoManifest {
  version: 1;
  pid: number;
  entries: UndoEntry[];
}

const MANIFEST = 'manifest.json';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function fsyncWrite(file: string, bytes: Buffer): void {
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface PlannedWrite {
  path: string;
  /** Original bytes (undefined when the file does not exist yet). */
  original?: { bytes: Buffer; stat: fs.Stats };
  /** The new bytes, or undefined when the file is deleted. */
  after?: Buffer;
}

/**
 * Writes the undo folder for `writes` next to `lockFile` and returns its path. The manifest is written last
 * (exclusively, fsynced): a folder without one was never used, so a crash while preparing it restores nothing.
 */
export function writeUndoLog(lockFile: string, writes: PlannedWrite[]): string {
  const dir = `${lockFile}.undo-${process.pid}-${Date.now().toString(36)}`;
  fs.mkdirSync(dir, { mode: 0o700 });
  const entries: UndoEntry[] = writes.map((w, i) => {
    const entry: UndoEntry = { path: w.path };
    if (w.original) {
      entry.backup = `${i}.orig`;
      entry.mode = w.original.stat.mode;
      entry.uid = w.original.stat.uid;
      entry.gid = w.original.stat.gid;
      fsyncWrite(path.join(dir, entry.backup), w.original.bytes);
    }
    if (w.after) entry.afterHash = sha256(w.after);
    return entry;
  });
  const manifest: UndoManifest = { version: 1, pid: process.pid, entries };
  fsyncWrite(path.join(dir, MANIFEST), Buffer.from(JSON.stringify(manifest)));
  const dirFd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(dirFd);
  } finally {
    fs.closeSync(dirFd);
  }
  return dir;
}

export function removeUndoLog(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export interface RecoveryResult {
  restored: string[];
  /** Files left as they are because they hold neither what the killed run wrote nor the original. */
  leftAlone: string[];
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    const st = fs.lstatSync(file);
    if (!st.isFile()) return undefined;
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Rolls the tree back from the undo folder a killed run left behind, then removes the folder. Restores are written
 * through a temporary file + rename, like every other write.
 */
export function recoverFromUndoLog(dir: string): RecoveryResult {
  const result: RecoveryResult = { restored: [], leftAlone: [] };
  let manifest: UndoManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as UndoManifest;
  } catch {
    // No (complete) manifest: the run died while preparing, before it wrote any file of the tree.
    removeUndoLog(dir);
    return result;
  }
  for (const entry of manifest.entries) {
    const current = readOrUndefined(entry.path);
    const exists = fs.existsSync(entry.path) || isLink(entry.path);
    const original = entry.backup ? fs.readFileSync(path.join(dir, entry.backup)) : undefined;
    const currentHash = current ? sha256(current) : undefined;
    // Already as before: nothing to do.
    if (original ? current?.equals(original) : !exists) continue;
    const holdsWhatWeWrote = entry.afterHash ? currentHash === entry.afterHash : !exists;
    if (!holdsWhatWeWrote) {
      result.leftAlone.push(entry.path);
      continue;
    }
    if (original) {
      restoreBytes(entry.path, original, entry.mode);
    } else {
      fs.rmSync(entry.path, { force: true });
    }
    result.restored.push(entry.path);
  }
  removeUndoLog(dir);
  return result;
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function restoreBytes(file: string, bytes: Buffer, mode: number | undefined): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.remodel-${process.pid}-restore.tmp`);
  const fd = fs.openSync(temp, 'w', mode !== undefined ? mode & 0o7777 : 0o666);
  try {
    fs.writeSync(fd, bytes);
    if (mode !== undefined) fs.fchmodSync(fd, mode & 0o7777);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

/** Undo folders (with or without a manifest) left next to `lockFile` by runs that are no longer alive. */
export function undoLogsBeside(lockFile: string): string[] {
  const folder = path.dirname(lockFile);
  const prefix = `${path.basename(lockFile)}.undo-`;
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  return names.filter((n) => n.startsWith(prefix)).map((n) => path.join(folder, n));
}

/** The pid encoded in an undo folder's name. */
export function undoLogPid(dir: string): number {
  const m = /\.undo-(\d+)-/.exec(path.basename(dir));
  return m ? Number(m[1]) : 0;
}
