import path from 'node:path';
import type { ChangeSet, FileChange } from './changeset.js';
import { findRecipe, loadConfig, type RemodelConfig } from './config.js';
import type { Recipe } from './recipes.js';
import type { ProjectSession } from './engine/project-engine.js';
import type { ProgressSink } from './progress.js';
import { UsageError } from './errors.js';
import { DEFAULT_EXTENSIONS } from './defaults.js';
import { discover, type DiscoverSkip } from './discover.js';
import { cacheWarning, contextDigest, defaultCacheDir, openCache, saveCache, transformIdentity, type CacheEntry } from './cache.js';
import { releasePrestartedWorker, runFiles } from './engine/pool.js';
import type { FormatMode } from './engine/format.js';
import { kebab, resolveOptions } from './options.js';
import { assertJscodeshift } from './jscodeshift.js';
import { loadTransform, resolveTransformSpec } from './registry.js';
import type { LoadedTransform, ParserChoice, TransformSpec } from './types.js';
import { relativePosix, toPosix } from './paths.js';
import { RUNNER_REASONS } from './reasons.js';

export interface RunRequest {
  cwd: string;
  transform: string;
  paths: string[];
  extensions?: string[];
  ignore?: string[];
  shard?: string;
  parser?: ParserChoice;
  format?: FormatMode;
  jobs?: number;
  dry: boolean;
  /** Raw transform options (CLI flags or config), validated against the transform's schema. */
  options?: Record<string, unknown>;
  /** Project transforms: type-check affected files before and after (default true). */
  verify?: boolean;
  /** Reuse results of earlier runs for unchanged files (default true). */
  cache?: boolean;
  cacheDir?: string;
  /** Time limit per file of a per-file transform, in seconds (default 60). */
  timeout?: number;
  /** Also transform minified, generated and vendored files (default: skipped with a reason). */
  includeGenerated?: boolean;
  /** Told about steps, files done and project phases (the CLI draws it on a terminal). */
  progress?: ProgressSink;
  /** The config to use instead of searching for one from `cwd` (tests, callers that already loaded it). */
  config?: RemodelConfig;
}

/** One transform of a plan, with its validated options. */
export interface PlanStep {
  spec: TransformSpec;
  transform: LoadedTransform;
  options: Record<string, unknown>;
}

/** argv → plan: what runs (one transform, or a recipe's steps), with which options, over which files. */
export interface RunPlan {
  cwd: string;
  /** The transform's or the recipe's name. */
  name: string;
  recipe?: Recipe;
  steps: PlanStep[];
  /** The single transform (a recipe's first step): kept for callers that run one transform. */
  spec: TransformSpec;
  transform: LoadedTransform;
  options: Record<string, unknown>;
  files: string[];
  /** Files found but left alone before any transform sees them (symlinks leading out of the tree). */
  skipped?: DiscoverSkip[];
  request: RunRequest;
  config: RemodelConfig;
}

export async function planRun(request: RunRequest): Promise<RunPlan> {
  const cwd = path.resolve(request.cwd);
  const config = request.config ?? (await loadConfig(cwd));
  const recipe = isPathLike(request.transform) ? undefined : findRecipe(request.transform, config);
  const wanted = recipe ? recipe.steps : [{ transform: request.transform, options: {} }];
  const flags = request.options ?? {};
  const steps: PlanStep[] = [];
  for (const step of wanted) {
    const spec = resolveTransformSpec(step.transform, cwd, config.transformDirs);
    const transform = await loadTransform(spec);
    if (transform.kind === 'jscodeshift') assertJscodeshift(transform.meta.name);
    const defaults = config.options[transform.meta.name] ?? config.options[step.transform] ?? {};
    // A recipe passes each command-line option to the steps that declare it.
    const own = recipe ? pick(flags, declaredOptions(transform)) : flags;
    steps.push({ spec, transform, options: resolveOptions(transform, { ...defaults, ...step.options, ...own }) });
  }
  if (recipe) {
    const declared = new Set(steps.flatMap((s) => declaredOptions(s.transform)));
    const stray = Object.keys(flags).filter((k) => !declared.has(k));
    if (stray.length) {
      throw new UsageError(`no step of recipe ${recipe.name} takes --${kebab(stray[0])} (steps: ${steps.map((s) => s.transform.meta.name).join(', ')})`);
    }
  }
  const { files, skipped } = await discover({
    cwd,
    paths: request.paths,
    extensions: request.extensions,
    ignore: [...config.ignore, ...(request.ignore ?? [])],
    shard: request.shard,
  });
  const [first] = steps;
  return { cwd, name: recipe?.name ?? first.transform.meta.name, recipe, steps, spec: first.spec, transform: first.transform, options: first.options, files, skipped, request, config };
}

/** A path inside a node_modules folder (with forward slashes). */
const IN_NODE_MODULES = /\/node_modules\//;

const isPathLike = (s: string) => s.includes('/') || s.includes('\\') || /\.[cm]?[jt]sx?$/.test(s);

function declaredOptions(transform: LoadedTransform): string[] {
  return transform.kind === 'remodel' ? Object.keys(transform.meta.options?.shape ?? {}) : [];
}

function pick(values: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => keys.includes(k)));
}

/**
 * plan → engine(s) → one change set. Consecutive per-file steps run as one pipeline over each file; a project
 * step sees the texts the steps before it produced. Nothing is written here: sinks render or apply the change set.
 */
export async function executePlan(plan: RunPlan): Promise<ChangeSet> {
  if (!plan.steps.some((s) => s.transform.meta.engine === 'file')) releasePrestartedWorker();
  try {
    return withDiscoverySkips(plan, await executeSteps(plan));
  } finally {
    // A worker the CLI started early and no step needed (project transform, all files from the cache) ends here.
    releasePrestartedWorker();
  }
}

/** Files discovery left alone (symlinks out of the tree) are listed as skipped, with their reason. */
function withDiscoverySkips(plan: RunPlan, changeSet: ChangeSet): ChangeSet {
  if (!plan.skipped?.length) return changeSet;
  const skipped: FileChange[] = plan.skipped.map((s) => ({ absPath: s.absPath, path: relativePosix(plan.cwd, s.absPath), status: 'skipped', reason: s.reason }));
  return { ...changeSet, files: [...changeSet.files, ...skipped].sort((a, b) => a.path.localeCompare(b.path)) };
}

async function executeSteps(plan: RunPlan): Promise<ChangeSet> {
  if (!plan.recipe) {
    plan.request.progress?.step(plan.name, 1, 1);
    return executeSegment(plan, plan.steps, plan.name);
  }
  const started = performance.now();
  const segments: PlanStep[][] = [];
  for (const step of plan.steps) {
    const last = segments.at(-1);
    if (last && step.transform.meta.engine === 'file' && last[0].transform.meta.engine === 'file') last.push(step);
    else segments.push([step]);
  }
  let merged: ChangeSet | undefined;
  const stepResults: NonNullable<ChangeSet['steps']> = [];
  // The project steps of a recipe share one loaded program (and its checks) instead of loading it per step.
  const projectSession: ProjectSession = {};
  for (const segment of segments) {
    const overlay = merged ? overlayOf(merged) : undefined;
    const segmentStarted = performance.now();
    plan.request.progress?.step(segment.map((s) => s.transform.meta.name).join(' + '), segments.indexOf(segment) + 1, segments.length);
    const result = await executeSegment(plan, segment, plan.name, overlay, projectSession);
    const names = segment.map((s) => s.transform.meta.name);
    stepResults.push({
      transforms: names,
      engine: segment[0].transform.meta.engine,
      changed: result.files.filter((f) => f.status === 'changed').length,
      durationMs: performance.now() - segmentStarted,
      ...(result.refusal ? { refusal: result.refusal } : {}),
    });
    if (segment[0].transform.meta.engine === 'project') {
      for (const f of result.files) for (const r of f.reports ?? []) r.transform ??= names[0];
    }
    merged = merged ? mergeChangeSets(merged, result) : result;
    // A step that introduces type errors blocks the whole recipe: later steps would build on a broken program.
    if (result.newDiagnostics?.length) break;
  }
  return { ...merged!, transform: plan.name, durationMs: performance.now() - started, steps: stepResults, refusal: undefined };
}

/** Current texts of the files earlier steps changed: what the next step must start from. */
function overlayOf(changeSet: ChangeSet): Map<string, string | null> {
  const overlay = new Map<string, string | null>();
  for (const f of changeSet.files) {
    if (f.status !== 'changed') continue;
    if (f.renamedFrom) overlay.set(f.renamedFrom, null);
    overlay.set(f.absPath, f.deleted ? null : (f.after ?? null));
  }
  return overlay;
}

/** Later results win per file, but `before` (and created/renamed) stay those of the disk. */
export function mergeChangeSets(earlier: ChangeSet, later: ChangeSet): ChangeSet {
  const byPath = new Map(earlier.files.map((f) => [f.absPath, f]));
  for (const f of later.files) {
    const prior = byPath.get(f.absPath);
    if (!prior) {
      byPath.set(f.absPath, f);
      continue;
    }
    const reports = [...(prior.reports ?? []), ...(f.reports ?? [])];
    if (f.status === 'changed') {
      const wasChanged = prior.status === 'changed';
      const merged: FileChange = {
        ...f,
        before: wasChanged ? prior.before : f.before,
        ...(wasChanged && prior.created ? { created: true, before: null } : {}),
        ...(wasChanged && prior.renamedFrom ? { renamedFrom: prior.renamedFrom } : {}),
        mode: prior.mode ?? f.mode,
        ...(reports.length ? { reports } : {}),
      };
      // Created by one step and deleted by a later one: nothing is left to do.
      if (merged.created && merged.deleted) byPath.delete(f.absPath);
      else byPath.set(f.absPath, merged);
    } else if (prior.status === 'changed' || prior.status === 'error') {
      // (a later step that skipped the file says so in the report: the file keeps what the earlier steps made)
      if (f.status === 'skipped' && f.reason) reports.push({ reason: f.reason, message: `${later.transform} left the file alone: ${RUNNER_REASONS[f.reason] ?? f.reason}`, transform: later.transform });
      byPath.set(f.absPath, { ...prior, ...(reports.length ? { reports } : {}) });
    } else {
      byPath.set(f.absPath, { ...f, ...(reports.length ? { reports } : {}) });
    }
  }
  const stats = { ...earlier.stats };
  for (const [k, v] of Object.entries(later.stats)) stats[k] = (stats[k] ?? 0) + v;
  const diagnostics = [...(earlier.newDiagnostics ?? []), ...(later.newDiagnostics ?? [])];
  const warnings = [...new Set([...(earlier.warnings ?? []), ...(later.warnings ?? [])])];
  return {
    ...later,
    files: [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path)),
    stats,
    ...(earlier.verified || later.verified ? { verified: true, newDiagnostics: diagnostics } : {}),
    ...(earlier.allOrNothing || later.allOrNothing ? { allOrNothing: true } : {}),
    ...(warnings.length ? { warnings } : {}),
  };
}

/** One engine run: a single transform, a pipeline of per-file steps, or one project step. */
async function executeSegment(plan: RunPlan, steps: PlanStep[], name: string, overlay?: Map<string, string | null>, projectSession?: ProjectSession): Promise<ChangeSet> {
  const started = performance.now();
  const parser = plan.request.parser ?? 'auto';
  const [first] = steps;
  if (first.transform.meta.engine === 'project') {
    // (a source folder named node_modules, as node-red's packages/node_modules: the program, the app model and the
    // change set take its files for installed packages, so a project step leaves them alone, and says so)
    const inPackages = plan.files.filter((f) => IN_NODE_MODULES.test(toPosix(path.resolve(plan.cwd, f))));
    const packaged: FileChange[] = inPackages.map((f) => ({ absPath: path.resolve(plan.cwd, f), path: relativePosix(plan.cwd, path.resolve(plan.cwd, f)), status: 'skipped', reason: 'in-node-modules' }));
    const files = plan.files.filter((f) => !inPackages.includes(f));
    if (!files.length) return { transform: first.transform.meta.name, cwd: plan.cwd, files: packaged, durationMs: performance.now() - started, stats: {} };
    const { runProjectTransform } = await import('./engine/project-engine.js');
    const result = await runProjectTransform(first.transform, first.transform.meta.name, {
      cwd: plan.cwd,
      files,
      transformOptions: first.options,
      parser,
      format: plan.request.format ?? 'auto',
      verify: plan.request.verify !== false,
      ...(overlay ? { overlay } : {}),
      ...(projectSession ? { session: projectSession } : {}),
      ...(plan.request.progress ? { onPhase: (phase) => plan.request.progress?.phase(phase) } : {}),
    });
    return packaged.length ? { ...result, files: [...result.files, ...packaged].sort((a, b) => a.path.localeCompare(b.path)) } : result;
  }
  const pipeline = steps.length > 1;
  const spec: TransformSpec = pipeline
    ? { kind: 'pipeline', name, steps: steps.map((s) => ({ spec: s.spec, options: s.options })) }
    : first.spec;
  const transform = pipeline ? await loadTransform(spec) : first.transform;
  const options = pipeline ? {} : first.options;
  const runOptions = { cwd: plan.cwd, parser, format: plan.request.format ?? 'auto', transformOptions: options, dry: plan.request.dry, ...(plan.request.includeGenerated ? { includeGenerated: true } : {}) } as const;
  // Files an earlier (project) step changed run here on their new text; the rest go to the pool from disk.
  const fromOverlay = overlay ? plan.files.filter((f) => overlay.has(path.resolve(f))) : [];
  // Files an earlier step created (a module move's destination) get the later steps too.
  const extensions = (plan.request.extensions?.length ? plan.request.extensions : DEFAULT_EXTENSIONS).map((e) => (e.startsWith('.') ? e : `.${e}`));
  const selected = new Set(plan.files.map((f) => path.resolve(f)));
  for (const [file, text] of overlay ?? []) {
    if (text !== null && !selected.has(file) && extensions.includes(path.extname(file)) && !path.relative(plan.cwd, file).startsWith('..')) {
      fromOverlay.push(file);
    }
  }
  const fromDisk = fromOverlay.length ? plan.files.filter((f) => !overlay!.has(path.resolve(f))) : plan.files;
  // A local transform whose module graph cannot be known has no identity, and so no cache.
  const identity = plan.request.cache === false ? undefined : transformIdentity(spec, transform);
  const cache =
    identity === undefined
      ? undefined
      : openCache(plan.request.cacheDir ? path.resolve(plan.cwd, plan.request.cacheDir) : defaultCacheDir(plan.cwd), {
          cwd: plan.cwd,
          transform: identity,
          options,
          parser,
          context: contextDigest([...fromDisk, ...fromOverlay]),
        });
  const warnings: string[] = [];
  const cacheWarned = cache && cacheWarning(cache);
  if (cacheWarned) warnings.push(cacheWarned);
  const cacheUpdates: Record<string, CacheEntry> = {};
  plan.request.progress?.files(fromDisk.length + fromOverlay.length);
  const outcomes = await runFiles(spec, fromDisk, { ...runOptions, cache }, {
    jobs: plan.request.jobs,
    ...(plan.request.progress ? { onResult: () => plan.request.progress?.fileDone() } : {}),
    ...(plan.request.timeout ? { timeoutMs: plan.request.timeout * 1000 } : {}),
    onCacheUpdates: (u) => Object.assign(cacheUpdates, u),
    onCacheError: (message) => {
      if (!warnings.length) warnings.push(`the cache could not be written (${message}); results were not stored, which only costs speed`);
    },
  });
  // The file engine is loaded here only for files an earlier step changed; otherwise only workers parse.
  const { transformText } = fromOverlay.length ? await import('./engine/file-engine.js') : ({} as typeof import('./engine/file-engine.js'));
  for (const file of fromOverlay) {
    const abs = path.resolve(file);
    const text = overlay!.get(abs);
    if (text === null || text === undefined) continue;
    const outcome = await transformText(transform, abs, relativePosix(plan.cwd, abs), text, runOptions);
    outcomes.push(outcome);
    plan.request.progress?.fileDone();
  }
  if (cache) {
    try {
      saveCache(cache, cacheUpdates);
    } catch (err) {
      // A cache that cannot be written (read-only folder) only costs speed next time.
      if (!warnings.length) warnings.push(`the cache index could not be written (${(err as Error).message}); this only costs speed`);
    }
  }
  const stats: Record<string, number> = {};
  // Outcomes are used as they are, not copied: a cached change reads its texts only when a sink asks.
  const files = outcomes.map((o) => {
    for (const [k, v] of Object.entries(o.stats ?? {})) stats[k] = (stats[k] ?? 0) + v;
    delete o.stats;
    o.path = relativePosix(plan.cwd, o.absPath);
    return o;
  });
  return { transform: name, cwd: plan.cwd, files, durationMs: performance.now() - started, stats, ...(warnings.length ? { warnings } : {}) };
}

export async function runTransform(request: RunRequest): Promise<{ plan: RunPlan; changeSet: ChangeSet }> {
  const plan = await planRun(request);
  return { plan, changeSet: await executePlan(plan) };
}
