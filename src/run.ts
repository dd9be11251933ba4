import path from 'node:path';
import type { ChangeSet } from './changeset.js';
import { discoverFiles } from './discover.js';
import { defaultCacheDir, openCache, saveCache, transformIdentity, type CacheEntry } from './cache.js';
import { runFiles } from './engine/pool.js';
import type { FormatMode } from './engine/format.js';
import { resolveOptions } from './options.js';
import { loadTransform, resolveTransformSpec } from './registry.js';
import type { LoadedTransform, ParserChoice, TransformSpec } from './types.js';
import { relativePosix } from './paths.js';

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
}

/** argv → plan: what runs, with which options, over which files. Usage problems throw UsageError. */
export interface RunPlan {
  cwd: string;
  spec: TransformSpec;
  transform: LoadedTransform;
  options: Record<string, unknown>;
  files: string[];
  request: RunRequest;
}

export async function planRun(request: RunRequest): Promise<RunPlan> {
  const cwd = path.resolve(request.cwd);
  const spec = resolveTransformSpec(request.transform, cwd);
  const transform = await loadTransform(spec);
  const options = resolveOptions(transform, request.options ?? {});
  const files = await discoverFiles({
    cwd,
    paths: request.paths,
    extensions: request.extensions,
    ignore: request.ignore,
    shard: request.shard,
  });
  return { cwd, spec, transform, options, files, request };
}

/** plan → engine → change set. Nothing is written here: sinks render or apply the change set. */
export async function executePlan(plan: RunPlan): Promise<ChangeSet> {
  const started = performance.now();
  const parser = plan.request.parser ?? 'auto';
  if (plan.transform.meta.engine === 'project') {
    const { runProjectTransform } = await import('./engine/project-engine.js');
    return runProjectTransform(plan.transform, plan.transform.meta.name, {
      cwd: plan.cwd,
      files: plan.files,
      transformOptions: plan.options,
      parser,
      format: plan.request.format ?? 'auto',
      verify: plan.request.verify !== false,
    });
  }
  const cache =
    plan.request.cache === false
      ? undefined
      : openCache(plan.request.cacheDir ? path.resolve(plan.cwd, plan.request.cacheDir) : defaultCacheDir(plan.cwd), {
          cwd: plan.cwd,
          transform: transformIdentity(plan.spec, plan.transform),
          options: plan.options,
          parser,
        });
  const cacheUpdates: Record<string, CacheEntry> = {};
  const outcomes = await runFiles(
    plan.spec,
    plan.files,
    {
      cwd: plan.cwd,
      parser,
      format: plan.request.format ?? 'auto',
      transformOptions: plan.options,
      dry: plan.request.dry,
      cache,
    },
    { jobs: plan.request.jobs, onCacheUpdates: (u) => Object.assign(cacheUpdates, u) },
  );
  if (cache) {
    try {
      saveCache(cache, cacheUpdates);
    } catch {
      // A cache that cannot be written (read-only folder) only costs speed next time.
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
  return { transform: plan.transform.meta.name, cwd: plan.cwd, files, durationMs: performance.now() - started, stats };
}

export async function runTransform(request: RunRequest): Promise<{ plan: RunPlan; changeSet: ChangeSet }> {
  const plan = await planRun(request);
  return { plan, changeSet: await executePlan(plan) };
}
