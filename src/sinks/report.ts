import pc from 'picocolors';
import { countBy, summarize, type ChangeSet } from '../changeset.js';
import { relativePosix } from '../paths.js';

/**
 * What a run came to, for the JSON report and the exit code: `refused` (a transform declined to make its change:
 * nothing changed), `blocked` (verification found type errors the change introduces: nothing is written),
 * `failed` (some files failed), else `changed` or `unchanged`.
 */
export type RunStatus = 'refused' | 'blocked' | 'failed' | 'changed' | 'unchanged';

export function runStatus(changeSet: ChangeSet): RunStatus {
  if (changeSet.refusal) return 'refused';
  if (changeSet.newDiagnostics?.length) return 'blocked';
  const s = summarize(changeSet);
  if (s.errors) return 'failed';
  return s.changed ? 'changed' : 'unchanged';
}

/** The summary with the run's status; a blocked run counts its would-be changes as `blocked`, not `changed`. */
function jsonSummary(changeSet: ChangeSet) {
  const summary = summarize(changeSet);
  const status = runStatus(changeSet);
  return status === 'blocked' ? { status, ...summary, changed: 0, blocked: summary.changed } : { status, ...summary };
}

/** The `--json` report: the documented keys first (summary, files), more detail beside them. */
export function renderJsonReport(changeSet: ChangeSet): string {
  const blocked = runStatus(changeSet) === 'blocked';
  const report = {
    summary: jsonSummary(changeSet),
    transform: changeSet.transform,
    files: changeSet.files.map((f) => ({
      path: f.path,
      status: blocked && f.status === 'changed' ? 'blocked' : f.status,
      ...(f.reason ? { reason: f.reason } : {}),
      ...(f.error ? { error: { message: f.error.message, line: f.error.line ?? null, column: f.error.column ?? null } } : {}),
      ...(f.created ? { created: true } : {}),
      ...(f.deleted ? { deleted: true } : {}),
      ...(f.renamedFrom ? { renamedFrom: relativePosix(changeSet.cwd, f.renamedFrom) } : {}),
      ...(f.reports?.length ? { reports: f.reports } : {}),
    })),
    ...(Object.keys(changeSet.stats).length ? { stats: changeSet.stats } : {}),
    ...(changeSet.refusal ? { refusal: changeSet.refusal } : {}),
    ...(changeSet.verified ? { verification: { newDiagnostics: changeSet.newDiagnostics ?? [] } } : {}),
    ...(changeSet.timings ? { timings: changeSet.timings } : {}),
    ...(changeSet.tools ? { tools: changeSet.tools } : {}),
    ...(changeSet.steps ? { steps: changeSet.steps.map(({ durationMs, ...rest }) => ({ ...rest, durationMs: Math.round(durationMs) })) } : {}),
  };
  return JSON.stringify(report, null, 2) + '\n';
}

/** `path:line:col message` for every failed file. */
export function renderErrors(changeSet: ChangeSet, options: { color: boolean; verbose?: boolean }): string {
  const c = pc.createColors(options.color);
  let out = '';
  for (const f of changeSet.files) {
    if (f.status !== 'error' || !f.error) continue;
    const loc = f.error.line ? `:${f.error.line}:${f.error.column ?? 1}` : '';
    out += `${c.red(`${f.path}${loc}`)} ${f.error.message}\n`;
    if (options.verbose && f.error.stack) out += c.dim(f.error.stack) + '\n';
  }
  return out;
}

/** Human summary: counts, skips by reason, spots left alone by reason, and jscodeshift stats. */
export function renderSummary(changeSet: ChangeSet, options: { color: boolean; dry: boolean; verbose?: boolean }): string {
  const c = pc.createColors(options.color);
  const s = summarize(changeSet);
  const verb = options.dry ? 'would change' : 'changed';
  const lines: string[] = [];
  const parts = [
    c.green(`${s.changed} ${verb}`),
    `${s.unchanged} unchanged`,
    s.skipped ? c.yellow(`${s.skipped} skipped`) : `0 skipped`,
    s.errors ? c.red(`${s.errors} failed`) : `0 failed`,
  ];
  lines.push(`${changeSet.transform}: ${s.scanned} files scanned, ${parts.join(', ')} in ${(s.durationMs / 1000).toFixed(2)}s`);
  const skipped = changeSet.files.filter((f) => f.status === 'skipped');
  for (const [reason, n] of countBy(skipped, (f) => f.reason ?? 'no reason given')) lines.push(`  skipped ${n} × ${reason}`);
  const reports = changeSet.files.flatMap((f) => (f.reports ?? []).map((r) => ({ file: f.path, ...r })));
  if (reports.length) {
    lines.push(`  left alone or noted: ${reports.length}`);
    for (const [reason, n] of countBy(reports, (r) => (r.transform ? `${r.transform}: ` : '') + (r.reason ?? r.message))) lines.push(`    ${n} × ${reason}`);
    if (options.verbose) {
      for (const r of reports) {
        lines.push(c.dim(`    ${r.file}${r.line ? `:${r.line}:${r.column}` : ''} ${r.transform ? `[${r.transform}] ` : ''}${r.message}`));
      }
    }
  }
  for (const step of changeSet.steps ?? []) {
    const what = step.transforms.join(' → ');
    const outcome = step.refusal ? c.yellow(`refused: ${step.refusal}`) : `${step.changed} file(s) ${verb}`;
    lines.push(`  step ${what} [${step.engine}]: ${outcome} (${(step.durationMs / 1000).toFixed(2)}s)`);
  }
  for (const [name, n] of Object.entries(changeSet.stats)) lines.push(`  stat ${name}: ${n}`);
  if (changeSet.verified) {
    const n = changeSet.newDiagnostics?.length ?? 0;
    const ms = changeSet.timings ? ` in ${Math.round(changeSet.timings.verifyMs)} ms` : '';
    lines.push(n ? c.red(`  verify: ${n} new type error(s)${ms}`) : c.green(`  verify: no new type errors${ms}`));
  }
  return lines.join('\n') + '\n';
}
