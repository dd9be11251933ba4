import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { changedFiles, type ChangeSet, type FileChange } from '../changeset.js';

export interface ApplyResult {
  written: string[];
  failed: Array<{ change: FileChange; message: string }>;
}

/**
 * Writes a change set to disk. Each file is written atomically (temporary file + rename) with its mode kept,
 * or not at all; a file that changed on disk since it was read is left alone and reported.
 */
export async function applyChangeSet(changeSet: ChangeSet): Promise<ApplyResult> {
  const result: ApplyResult = { written: [], failed: [] };
  for (const change of changedFiles(changeSet)) {
    try {
      const source = change.renamedFrom ?? change.absPath;
      const current = fs.existsSync(source) ? fs.readFileSync(source, 'utf8') : null;
      const expected = change.created || change.before == null ? null : change.before;
      if (current !== expected) {
        const message =
          expected === null ? 'file to be created already exists; not written' : current === null ? 'file disappeared during the run' : 'file changed on disk during the run; not written';
        result.failed.push({ change, message });
        continue;
      }
      if (change.renamedFrom && fs.existsSync(change.absPath)) {
        result.failed.push({ change, message: `cannot move ${change.renamedFrom}: destination exists` });
        continue;
      }
      if (change.deleted || change.after === null) {
        fs.unlinkSync(change.absPath);
      } else {
        fs.mkdirSync(path.dirname(change.absPath), { recursive: true });
        const mode = change.mode !== undefined ? change.mode & 0o7777 : undefined;
        await writeFileAtomic(change.absPath, change.after ?? '', { encoding: 'utf8', ...(mode !== undefined ? { mode } : {}) });
        if (change.renamedFrom) fs.unlinkSync(change.renamedFrom);
      }
      result.written.push(change.absPath);
    } catch (err) {
      result.failed.push({ change, message: (err as Error).message });
    }
  }
  return result;
}
