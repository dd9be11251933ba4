/**
 * What introduce-dto and extract-service would do to each route, for `remodel map --html`: each runs through the
 * same plan → engine path as `remodel run <transform> --dry` (in memory, no cache, nothing written), and the
 * findings of its change set are matched to routes by file and line.
 */
import path from 'node:path';
import type { RouteJson } from '../app-model/index.js';
import { executePlan, planRun } from '../run.js';
import { toPosix } from '../paths.js';

export const PREVIEW_TRANSFORMS = ['introduce-dto', 'extract-service'] as const;
export type PreviewTransform = (typeof PREVIEW_TRANSFORMS)[number];

export interface Finding {
  /** Relative to the map's root, POSIX. */
  file: string;
  line?: number;
  reason?: string;
  message: string;
}

export interface TransformPreview {
  transform: PreviewTransform;
  /** Why the transform as a whole would change nothing: refusal, type errors it would introduce, a crash. */
  blocked?: string;
  /** Files the transform would change, create or delete (relative, POSIX). */
  changedFiles: string[];
  /** Findings by route index (`model.routes`). */
  byRoute: Map<number, Finding[]>;
  /** Findings that belong to no route (summaries, file-level notes). */
  other: Finding[];
  durationMs: number;
}

export interface PreviewRequest {
  cwd: string;
  paths: string[];
  ignore: string[];
  extensions?: string[];
  routes: RouteJson[];
}

export async function previewTransforms(request: PreviewRequest): Promise<TransformPreview[]> {
  const out: TransformPreview[] = [];
  for (const transform of PREVIEW_TRANSFORMS) out.push(await previewOne(transform, request));
  return out;
}

async function previewOne(transform: PreviewTransform, request: PreviewRequest): Promise<TransformPreview> {
  const started = performance.now();
  const cwd = path.resolve(request.cwd);
  const empty = (blocked: string): TransformPreview => ({
    transform,
    blocked,
    changedFiles: [],
    byRoute: new Map(),
    other: [],
    durationMs: performance.now() - started,
  });
  let changeSet;
  try {
    const plan = await planRun({
      cwd,
      transform,
      paths: request.paths,
      ignore: request.ignore,
      ...(request.extensions ? { extensions: request.extensions } : {}),
      dry: true,
      cache: false,
      verify: true,
      jobs: 1,
    });
    changeSet = await executePlan(plan);
  } catch (err) {
    return empty(`${transform} could not run: ${(err as Error).message.split('\n')[0]}`);
  }
  const findings: Finding[] = [];
  for (const f of changeSet.files) {
    const file = toPosix(path.relative(cwd, f.absPath));
    for (const r of f.reports ?? []) findings.push({ file, ...(r.line ? { line: r.line } : {}), ...(r.reason ? { reason: r.reason } : {}), message: r.message });
    if (f.status === 'error') findings.push({ file, ...(f.error?.line ? { line: f.error.line } : {}), reason: 'error', message: f.error?.message ?? 'failed' });
  }
  const { byRoute, other } = matchFindings(findings, request.routes);
  const changed = changeSet.files.filter((f) => f.status === 'changed').map((f) => toPosix(path.relative(cwd, f.absPath)));
  const diagnostics = changeSet.newDiagnostics ?? [];
  const blocked = changeSet.refusal
    ? `refused: ${changeSet.refusal}`
    : diagnostics.length
      ? `would introduce ${diagnostics.length} type error(s), so a real run writes nothing (first: ${diagnostics[0].path}:${diagnostics[0].line ?? 0} TS${diagnostics[0].code} ${diagnostics[0].message.split('\n')[0]})`
      : undefined;
  return {
    transform,
    ...(blocked ? { blocked } : {}),
    changedFiles: blocked ? [] : changed,
    byRoute,
    other,
    durationMs: performance.now() - started,
  };
}

/**
 * A finding belongs to the route registered on its line (several routes of one `route()` chain share a line: the
 * one whose method the message names), else to the routes whose chain function spans its line (the narrowest).
 */
export function matchFindings(findings: Finding[], routes: RouteJson[]): { byRoute: Map<number, Finding[]>; other: Finding[] } {
  const byRoute = new Map<number, Finding[]>();
  const other: Finding[] = [];
  const add = (i: number, f: Finding) => byRoute.set(i, [...(byRoute.get(i) ?? []), f]);
  for (const f of findings) {
    if (f.line === undefined) {
      other.push(f);
      continue;
    }
    let hits = routes.flatMap((r, i) => (r.registration.file === f.file && r.registration.line === f.line ? [i] : []));
    if (hits.length > 1) {
      const named = hits.filter((i) => mentions(f.message, routes[i]));
      if (named.length) hits = named;
    }
    if (!hits.length) {
      let best = Infinity;
      routes.forEach((r, i) => {
        for (const fn of r.chain) {
          if (!fn.loc || fn.loc.file !== f.file) continue;
          const end = fn.loc.endLine ?? fn.loc.line;
          if (f.line! < fn.loc.line || f.line! > end) continue;
          const span = end - fn.loc.line;
          if (span < best) {
            best = span;
            hits = [i];
          } else if (span === best && !hits.includes(i)) hits.push(i);
        }
      });
      // One function shared by several routes: the routes the message names, if it names any.
      if (hits.length > 1) {
        const named = hits.filter((i) => mentions(f.message, routes[i]));
        if (named.length) hits = named;
      }
    }
    if (hits.length) for (const i of hits) add(i, f);
    else other.push(f);
  }
  return { byRoute, other };
}

function mentions(message: string, route: RouteJson): boolean {
  const method = route.method.toUpperCase();
  return new RegExp(`(^|\\W)${method}\\s+${escapeRegExp(route.path)}(\\s|:|$)`).test(message) || new RegExp(`(^|\\W)${method}\\s+${escapeRegExp(route.pathAsWritten)}(\\s|:|$)`).test(message);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
