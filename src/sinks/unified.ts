import { structuredPatch } from 'diff';
import type { FileChange } from '../changeset.js';

export interface UnifiedFileDiff {
  /** Header lines (`diff --git`, mode lines, `---`, `+++`). */
  header: string[];
  /** Hunk lines, `@@` lines included, each without its trailing newline (a CR of CRLF files is kept). */
  hunks: string[];
}

const DEFAULT_MODE = 0o100644;

function modeString(mode: number | undefined): string {
  const m = mode ?? DEFAULT_MODE;
  // git knows two blob modes; anything executable is 755.
  return m & 0o111 ? '100755' : '100644';
}

/**
 * Renders one file change as a git-style unified diff with `a/` and `b/` prefixes on `displayPath` (and on
 * `fromPath` for a moved file, written as a rename that `git apply` performs).
 */
export function unifiedDiff(change: FileChange, displayPath: string, context = 3, fromPath?: string): UnifiedFileDiff {
  const before = change.before ?? '';
  const after = change.after ?? '';
  const created = change.created || change.before === null;
  const deleted = change.deleted || change.after === null;
  const oldPath = fromPath ?? displayPath;
  const header = [`diff --git a/${oldPath} b/${displayPath}`];
  if (created) header.push(`new file mode ${modeString(change.mode)}`);
  if (deleted) header.push(`deleted file mode ${modeString(change.mode)}`);
  if (oldPath !== displayPath) header.push(`rename from ${oldPath}`, `rename to ${displayPath}`);
  if (before === after && oldPath !== displayPath) return { header, hunks: [] };
  header.push(created ? '--- /dev/null' : `--- a/${oldPath}`);
  header.push(deleted ? '+++ /dev/null' : `+++ b/${displayPath}`);
  const patch = structuredPatch(displayPath, displayPath, before, after, '', '', { context });
  const hunks: string[] = [];
  for (const h of patch.hunks) {
    // In unified format a side with no lines names the line before the change ("-0,0" for a new file).
    const oldStart = h.oldLines === 0 ? h.oldStart - 1 : h.oldStart;
    const newStart = h.newLines === 0 ? h.newStart - 1 : h.newStart;
    hunks.push(`@@ -${oldStart},${h.oldLines} +${newStart},${h.newLines} @@`);
    hunks.push(...h.lines);
  }
  return { header, hunks };
}
