import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { defaultJobs } from '../defaults.js';
import { loadTransform } from '../registry.js';
import { FileResultCache, type CacheEntry } from '../cache.js';
import type { TransformSpec } from '../types.js';
import { cachedOutcome, runFile, type FileOutcome, type FileRunOptions } from './file-engine.js';
import type { WorkerRequest } from './worker.js';

export interface PoolOptions {
  jobs?: number;
  /** Receives new cache entries made for files that missed the cache. */
  onCacheUpdates?: (updates: Record<string, CacheEntry>) => void;
  /** Called once per finished file, in completion order. */
  onResult?: (outcome: FileOutcome) => void;
}

const BATCH = 24;
/** Below this many files per extra worker, starting a thread costs more than it saves. */
const FILES_PER_WORKER = 40;

export { defaultJobs };

/** The compiled worker; absent when running from TypeScript sources (tests), where files run in this thread. */
function workerScript(): string | undefined {
  const url = new URL('./worker.js', import.meta.url);
  const file = fileURLToPath(url);
  return import.meta.url.endsWith('.js') && fs.existsSync(file) ? file : undefined;
}

/** Runs a per-file transform over files on warm worker threads; results come back in input order. */
export async function runFiles(
  spec: TransformSpec,
  files: string[],
  options: FileRunOptions,
  pool: PoolOptions = {},
): Promise<FileOutcome[]> {
  const results = new Map<string, FileOutcome>();
  if (options.cache) {
    // Warm files are answered here; only misses go to the transform.
    const cache = new FileResultCache(options.cache);
    const misses: string[] = [];
    for (const file of files) {
      const hit = await cachedOutcome(file, options, cache);
      if (hit) {
        results.set(file, hit);
        pool.onResult?.(hit);
      } else misses.push(file);
    }
    // Workers get an empty index: the misses are known to miss.
    const rest = misses.length ? await runUncached(spec, misses, { ...options, cache: { ...options.cache, entries: {} } }, pool) : [];
    for (const r of rest) results.set(r.absPath, r);
    return files.map((f) => results.get(f)!);
  }
  return runUncached(spec, files, options, pool);
}

/** Runs the transform on every file: on worker threads when there are enough files, else in this thread. */
async function runUncached(spec: TransformSpec, files: string[], options: FileRunOptions, pool: PoolOptions): Promise<FileOutcome[]> {
  const results = new Map<string, FileOutcome>();
  const requested = pool.jobs ?? defaultJobs();
  const jobs = Math.max(1, Math.min(requested, Math.ceil(files.length / FILES_PER_WORKER)));
  const script = workerScript();
  if (jobs <= 1 || !script) return runInThread(spec, files, options, pool);

  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  let next = 0;

  await new Promise<void>((resolve) => {
    let running = 0;
    const startWorker = () => {
      const worker = new Worker(script);
      running++;
      let inFlight: string[] | undefined;
      const send = () => {
        if (next >= batches.length) {
          inFlight = undefined;
          void worker.terminate();
          return;
        }
        inFlight = batches[next];
        const msg: WorkerRequest = { type: 'batch', id: next++, files: inFlight };
        worker.postMessage(msg);
      };
      worker.on('message', (msg: { results: FileOutcome[]; cacheUpdates?: Record<string, CacheEntry> }) => {
        if (msg.cacheUpdates) pool.onCacheUpdates?.(msg.cacheUpdates);
        for (const r of msg.results) {
          results.set(r.absPath, r);
          pool.onResult?.(r);
        }
        send();
      });
      worker.on('error', (err) => {
        // A worker that dies takes its batch with it: report those files and carry on with a fresh worker.
        for (const file of inFlight ?? []) {
          if (!results.has(file)) {
            const r: FileOutcome = { absPath: file, path: file, status: 'error', error: { message: `worker crashed: ${err.message}` } };
            results.set(file, r);
          }
        }
        inFlight = undefined;
      });
      worker.on('exit', () => {
        running--;
        if (next < batches.length) startWorker();
        else if (running === 0) resolve();
      });
      const init: WorkerRequest = { type: 'init', spec, options };
      worker.postMessage(init);
      send();
    };
    for (let i = 0; i < jobs; i++) startWorker();
  });
  return files.map((f) => results.get(f)!);
}

async function runInThread(spec: TransformSpec, files: string[], options: FileRunOptions, pool: PoolOptions): Promise<FileOutcome[]> {
  const cache = options.cache ? new FileResultCache(options.cache) : undefined;
  const load = () => loadTransform(spec);
  const out: FileOutcome[] = [];
  for (const file of files) {
    const r = await runFile(load, file, options, cache);
    pool.onResult?.(r);
    out.push(r);
  }
  if (cache) pool.onCacheUpdates?.(cache.updates);
  return out;
}
