import type { Report } from './types.js';

export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'error';

export interface FileError {
  message: string;
  line?: number;
  column?: number;
  /** Stack trace of a transform crash, shown with --verbose. */
  stack?: string;
}

/**
 * One file's outcome. `before`/`after` are the full texts as they are (or would be) on disk, BOM included,
 * and are present only for changed files. Created files have `before: null`; deleted files `after: null`.
 */
export interface FileChange {
  /** Absolute path. */
  absPath: string;
  /** Path relative to the working directory, with forward slashes. */
  path: string;
  status: FileStatus;
  before?: string | null;
  after?: string | null;
  created?: boolean;
  deleted?: boolean;
  /** Absolute path the file had before it was moved to `absPath`. */
  renamedFrom?: string;
  /** File mode of the existing file (e.g. 0o100644), kept on write. */
  mode?: number;
  reason?: string;
  error?: FileError;
  reports?: Report[];
}

export interface ChangeSetSummary {
  scanned: number;
  changed: number;
  unchanged: number;
  skipped: number;
  errors: number;
  durationMs: number;
}

/** The single product of every engine; every output (diff, patch, JSON, apply, PR) is rendered from it. */
export interface ChangeSet {
  transform: string;
  cwd: string;
  files: FileChange[];
  durationMs: number;
  /** jscodeshift-style `api.stats(name)` counters, summed over files. */
  stats: Record<string, number>;
  /** Set when a project transform refused to make its change (nothing changed). */
  refusal?: string;
  /** With verification: type errors the change introduced (empty when none). */
  newDiagnostics?: Array<{ path: string; line?: number; column?: number; code: number; message: string }>;
  verified?: boolean;
  /** Things the user should know that cost nothing but speed (a cache folder that cannot be written), once each. */
  warnings?: string[];
  /**
   * Written all or nothing (a project transform's change: a move, its importers, created and deleted files): every
   * target is checked first, and files already written are restored when a later write fails.
   */
  allOrNothing?: boolean;
  timings?: { loadMs: number; transformMs: number; verifyMs: number };
  /** A recipe's engine runs in order: per-file steps grouped into one pass, each project step on its own. */
  steps?: Array<{ transforms: string[]; engine: 'file' | 'project'; changed: number; durationMs: number; refusal?: string }>;
  /** Which of the target project's tools ran (prettier: one entry per copy; TypeScript: the one verify used). */
  tools?: {
    prettier?: Array<{ version: string; source: 'project' | 'bundled'; path: string; files: number }>;
    typescript?: { verify: string; project?: string };
  };
}

export function summarize(changeSet: ChangeSet): ChangeSetSummary {
  const count = (s: FileStatus) => changeSet.files.filter((f) => f.status === s).length;
  return {
    scanned: changeSet.files.length,
    changed: count('changed'),
    unchanged: count('unchanged'),
    skipped: count('skipped'),
    errors: count('error'),
    durationMs: Math.round(changeSet.durationMs),
  };
}

export function changedFiles(changeSet: ChangeSet): FileChange[] {
  return changeSet.files.filter((f) => f.status === 'changed');
}

/** Counts by key, sorted by count descending then key. */
export function countBy<T>(items: T[], key: (item: T) => string | undefined): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
