import { changedFiles, type ChangeSet } from '../changeset.js';
import { unifiedDiff } from './unified.js';
import { relativePosix } from '../paths.js';

/**
 * One patch of every change, paths relative to `root` (the git repository root, so `git apply` works there;
 * the working directory outside git, for `patch -p1`). Bytes are kept exactly: CRLF and BOM included.
 */
export function renderPatch(changeSet: ChangeSet, root: string): string {
  let out = '';
  for (const change of changedFiles(changeSet)) {
    const { header, hunks } = unifiedDiff(change, relativePosix(root, change.absPath), 3, change.renamedFrom ? relativePosix(root, change.renamedFrom) : undefined);
    out += header.join('\n') + '\n';
    for (const line of hunks) out += line + '\n';
  }
  return out;
}
