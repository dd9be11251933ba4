import type { TransformMeta } from './types.js';

/**
 * Reasons the runner itself (engines, the shared `--target` wrapper, file selection, sinks) attaches to files; any
 * transform may carry them without declaring them.
 */
export const RUNNER_REASONS: Readonly<Record<string, string>> = {
  target: 'the rewrite needs a newer language level than the project targets (--target)',
  'format-failed': 'prettier could not format the result; the unformatted result is kept',
  'output-does-not-parse': 'the transform produced code that does not parse; the file is not written',
  timeout: 'the transform took longer than --timeout on the file',
  'transform-exited': 'the transform ended its worker thread (process.exit) on the file',
  'not-utf8': 'the file is not valid UTF-8, so rewriting it would lose bytes',
  'no-result': 'the worker gave no result for the file',
  symlink: 'the file is a symbolic link out of the tree; never written through',
  'in-node-modules': 'the file lies under a node_modules folder, which project transforms and the app model take for installed packages (per-file transforms do change it)',
  'declaration-file': 'a declaration file holds types only, no runtime code',
  minified: 'minified file (*.min.js)',
  'long-lines': 'very long lines: minified or generated',
  generated: 'generated file (a marker such as @generated near the top)',
  vendored: 'vendored third-party code',
};

const KEY = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*_?$/;

/** Whether `reason` is declared by the transform (or is one of the runner's own). */
export function isDeclaredReason(meta: Pick<TransformMeta, 'reasons'>, reason: string): boolean {
  return Object.hasOwn(RUNNER_REASONS, reason) || Boolean(meta.reasons && Object.hasOwn(meta.reasons, reason));
}

export function undeclaredReasonMessage(meta: Pick<TransformMeta, 'name' | 'reasons'>, reason: string): string {
  return `transform ${meta.name} reported reason "${reason}", which its meta.reasons does not declare`;
}

const warned = new Set<string>();

/**
 * Called by the engines for every reason a transform reports, when the transform declares `meta.reasons`. Under a test runner (vitest sets VITEST) an
 * undeclared key throws, so the case fails where the report happens; in a real run it is a warning on stderr (once
 * per transform and key), and the finding is kept.
 */
export function checkReportedReason(meta: Pick<TransformMeta, 'name' | 'reasons'>, reason: string | undefined): void {
  if (reason === undefined || isDeclaredReason(meta, reason)) return;
  // A transform that declares no reasons at all (a quick local or third-party one) is not held to the contract.
  if (!meta.reasons) return;
  const message = undeclaredReasonMessage(meta, reason);
  if (process.env.VITEST) throw new Error(message);
  const key = `${meta.name}\0${reason}`;
  if (warned.has(key)) return;
  warned.add(key);
  process.stderr.write(`remodel: warning: ${message}\n`);
}

/** Problems with a transform's `meta` (empty when it is well formed), as the fixture harnesses check it. */
export function metaProblems(meta: TransformMeta): string[] {
  const problems: string[] = [];
  if (!meta || typeof meta !== 'object') return ['meta is missing'];
  if (typeof meta.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(meta.name)) problems.push(`meta.name must be a kebab-case name (got ${JSON.stringify(meta.name)})`);
  if (typeof meta.description !== 'string' || !meta.description.trim()) problems.push('meta.description must be a non-empty string');
  if (meta.engine !== 'file' && meta.engine !== 'project') problems.push(`meta.engine must be 'file' or 'project' (got ${JSON.stringify(meta.engine)})`);
  if (meta.prefilter !== undefined && typeof meta.prefilter !== 'function') problems.push('meta.prefilter must be a function');
  if (meta.reasons !== undefined) {
    if (!meta.reasons || typeof meta.reasons !== 'object') problems.push('meta.reasons must be an object of reason key → explanation');
    else {
      for (const [key, text] of Object.entries(meta.reasons)) {
        if (!KEY.test(key)) problems.push(`meta.reasons: "${key}" is not a kebab-case key`);
        if (typeof text !== 'string' || !text.trim() || text.includes('\n')) problems.push(`meta.reasons.${key}: the explanation must be one non-empty line`);
        if (Object.hasOwn(RUNNER_REASONS, key)) problems.push(`meta.reasons.${key}: the runner's own reason; do not redeclare it`);
      }
    }
  }
  return problems;
}
