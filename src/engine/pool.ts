import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { defaultJobs } from '../defaults.js';
import type { CacheEntry } from '../cache.js';
import { toPosix } from '../paths.js';
import path from 'node:path';
import type { TransformSpec } from '../types.js';
import type { FileOutcome, FileRunOptions } from './file-engine.js';
import type { WorkerData, WorkerMessage, WorkerRequest } from './worker.js';

// The file engine (parsers, prettier glue) and the cache are imported only when this thread answers files itself
// (cache hits, runs from the TypeScript sources): when workers transform, the main thread never loads the parsers.
// Every per-file transform runs on worker threads when the CLI runs compiled, built-ins too: a transform that loops
// without end or never settles on some input fails that file with `timeout` and the run goes on, which the main
// thread cannot promise (a synchronous loop there would hang the run). The first worker starts with the command (see
// prestartWorker), so its start-up overlaps argument parsing, config loading and planning on this thread.

export interface PoolOptions {
  jobs?: number;
  /** Time limit per file in milliseconds (default 60 s): a file that takes longer fails with reason `timeout`. */
  timeoutMs?: number;
  /** Receives new cache entries made for files that missed the cache. */
  onCacheUpdates?: (updates: Record<string, CacheEntry>) => void;
  /** Called once when the cache turned out not to be writable during the run. */
  onCacheError?: (message: string) => void;
  /** Called once per finished file, in completion order. */
  onResult?: (outcome: FileOutcome) => void;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
const BATCH = 24;
/** Below this many files per extra worker, starting a thread costs more than it saves. */
const FILES_PER_WORKER = 40;
/** Loading a transform in a fresh worker (parsers, jscodeshift) is not a file's time; it gets its own, larger limit. */
const LOAD_LIMIT_MS = 120_000;

export { defaultJobs };

/** The compiled worker; absent when running from TypeScript sources (tests), where files run in this thread. */
function workerScript(): string | undefined {
  const url = new URL('./worker.js', import.meta.url);
  const file = fileURLToPath(url);
  return import.meta.url.endsWith('.js') && fs.existsSync(file) ? file : undefined;
}

/**
 * The per-file built-ins, which a worker started early may load before the plan says what runs (a project
 * transform would load ts-morph for nothing), each with whether it uses @babel/traverse (then the worker readies
 * that too). Known only in the bundled CLI, whose build lists them beside this module (scripts/bundle-cli.mjs);
 * elsewhere none, and the worker loads the transform when the run starts.
 */
function perFileBuiltins(): Map<string, { traverse: boolean }> {
  try {
    const listed = JSON.parse(fs.readFileSync(new URL('./per-file-builtins.json', import.meta.url), 'utf8')) as Record<string, { traverse?: boolean }>;
    return new Map(Object.entries(listed).map(([name, info]) => [name, { traverse: info?.traverse === true }]));
  } catch {
    return new Map();
  }
}

/**
 * The built-ins and built-in recipes that run only project transforms (in this thread: no worker at all), listed by
 * the bundled CLI's build beside this module; elsewhere none.
 */
function projectOnlyBuiltins(): Set<string> {
  try {
    const listed = JSON.parse(fs.readFileSync(new URL('./project-builtins.json', import.meta.url), 'utf8')) as unknown;
    return new Set(Array.isArray(listed) ? listed.filter((n): n is string => typeof n === 'string') : []);
  } catch {
    return new Set();
  }
}

/** A worker started before the plan is known (see prestartWorker), not yet given to a run. */
let early: { worker: Worker; exited: boolean } | undefined;

/**
 * Starts one worker right away, so that its start-up (the file engine, and the transform when `name` is a built-in)
 * overlaps with argument parsing, config loading, planning and discovery on this thread. The first run that needs a
 * worker takes it; one never taken ends with releasePrestartedWorker() and never keeps the process alive.
 */
export function prestartWorker(name?: string): void {
  if (early) return;
  const script = workerScript();
  if (!script) return;
  // `layered`, `introduce-dto`, ...: the run needs no worker; one started here would only take CPU from it.
  if (name && projectOnlyBuiltins().has(name)) return;
  const builtin = name && /^[\w-]+$/.test(name) ? perFileBuiltins().get(name) : undefined;
  const data: WorkerData = builtin ? { preload: name, traverse: builtin.traverse } : {};
  const worker = new Worker(script, { workerData: data });
  worker.unref();
  const slot = { worker, exited: false };
  // Until a run takes it, a fault only means it is not used (the run starts a fresh one and sees that one's faults).
  worker.on('error', () => {});
  worker.on('exit', () => {
    slot.exited = true;
  });
  early = slot;
}

function takePrestartedWorker(): Worker | undefined {
  const slot = early;
  early = undefined;
  if (!slot || slot.exited) return undefined;
  slot.worker.ref();
  return slot.worker;
}

/** Ends a prestarted worker no run needed (a project transform, every file answered by the cache). */
export function releasePrestartedWorker(): void {
  const slot = early;
  early = undefined;
  if (slot && !slot.exited) void slot.worker.terminate();
}

/**
 * Runs a per-file transform over files on worker threads; results come back in input order, one per file: a file
 * the run heard nothing about is a failure, never a silent success.
 */
export async function runFiles(
  spec: TransformSpec,
  files: string[],
  options: FileRunOptions,
  pool: PoolOptions = {},
): Promise<FileOutcome[]> {
  const results = new Map<string, FileOutcome>();
  let misses = files;
  // Only files the index has an entry for can hit: with none, nothing is looked up and the file engine stays unloaded.
  const entries = options.cache?.entries;
  if (options.cache && files.some((f) => Object.hasOwn(entries!, toPosix(path.relative(options.cwd, f))))) {
    // Warm files are answered here; only misses go to the transform.
    const [{ FileResultCache }, { cachedOutcome }] = await Promise.all([import('../cache.js'), import('./file-engine.js')]);
    const cache = new FileResultCache(options.cache);
    misses = [];
    for (const file of files) {
      const hit = await cachedOutcome(file, options, cache);
      if (hit) {
        results.set(file, hit);
        pool.onResult?.(hit);
      } else misses.push(file);
    }
  }
  if (!misses.length) releasePrestartedWorker();
  else {
    // Workers get an empty index: the misses are known to miss.
    const rest = await runUncached(spec, misses, options.cache ? { ...options, cache: { ...options.cache, entries: {} } } : options, pool);
    for (const r of rest) if (r) results.set(r.absPath, r);
  }
  return files.map(
    (f) =>
      results.get(f) ?? {
        absPath: f,
        path: toPosix(path.relative(options.cwd, f)),
        status: 'error',
        reason: 'no-result',
        error: { message: 'no result came back for this file (the worker ended without one); not written' },
      },
  );
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

function failure(file: string, options: FileRunOptions, reason: string, message: string): FileOutcome {
  return { absPath: file, path: toPosix(path.relative(options.cwd, file)), status: 'error', reason, error: { message } };
}

/**
 * Runs the transform on every file on worker threads (in this thread only when running from sources). A file gets
 * `timeoutMs`; a worker that overruns it, dies or is ended by the transform (`process.exit`) is terminated and
 * replaced, that file fails (`timeout`, `transform-exited`, `worker-crashed`) and the rest of its batch runs again.
 */
async function runUncached(spec: TransformSpec, files: string[], options: FileRunOptions, pool: PoolOptions): Promise<Array<FileOutcome | undefined>> {
  const results = new Map<string, FileOutcome>();
  const timeoutMs = pool.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const requested = pool.jobs ?? defaultJobs();
  const jobs = Math.max(1, Math.min(requested, Math.ceil(files.length / FILES_PER_WORKER)));
  const script = workerScript();
  if (!script) return runInThread(spec, files, options, pool, timeoutMs);

  const queue: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH) queue.push(files.slice(i, i + BATCH));
  /**
   * The next batch: at most BATCH files, and near the end of the run fewer (an equal share of what is left per
   * worker, halved), so that one worker is not left with a batch of large files while the others have nothing.
   */
  const takeBatch = (): string[] | undefined => {
    const left = queue.reduce((n, b) => n + b.length, 0);
    const next = queue.shift();
    if (!next) return undefined;
    const size = Math.max(1, Math.min(BATCH, Math.ceil(left / (2 * jobs))));
    if (next.length > size) queue.unshift(next.slice(size));
    return next.slice(0, size);
  };
  let batchId = 0;
  let cacheErrorSeen = false;
  const record = (r: FileOutcome) => {
    if (results.has(r.absPath)) return;
    results.set(r.absPath, r);
    pool.onResult?.(r);
  };

  await new Promise<void>((resolve) => {
    let running = 0;
    const startWorker = () => {
      const worker = takePrestartedWorker() ?? new Worker(script, { workerData: {} satisfies WorkerData });
      running++;
      /** Files of the batch in flight that have no result yet; `current` is the one being transformed. */
      let pending: string[] = [];
      let current: string | undefined;
      let timer: NodeJS.Timeout | undefined;
      let ended = false;
      const arm = (ms: number, onExpire: () => void) => {
        clearTimeout(timer);
        timer = setTimeout(onExpire, ms);
      };
      /** Ends this worker over a fault: blame the current file, give the rest of its batch to a fresh worker. */
      const fault = (reason: string, message: string) => {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        const blamed = current ?? pending[0];
        if (blamed) record(failure(blamed, options, reason, message));
        const rest = pending.filter((f) => f !== blamed && !results.has(f));
        if (rest.length) queue.unshift(rest);
        pending = [];
        void worker.terminate();
      };
      const send = () => {
        const files = takeBatch();
        if (!files) {
          ended = true;
          clearTimeout(timer);
          void worker.terminate();
          return;
        }
        pending = [...files];
        current = undefined;
        arm(LOAD_LIMIT_MS + timeoutMs, () => fault('timeout', `the transform did not start within ${seconds(LOAD_LIMIT_MS + timeoutMs)}; not written`));
        const msg: WorkerRequest = { type: 'batch', id: batchId++, files };
        worker.postMessage(msg);
      };
      worker.on('message', (msg: WorkerMessage) => {
        if (ended) return;
        if (msg.type === 'start') {
          current = msg.file;
          arm(timeoutMs, () => fault('timeout', `transform timed out after ${seconds(timeoutMs)} (--timeout); not written`));
        } else if (msg.type === 'result') {
          if (msg.cacheUpdates) pool.onCacheUpdates?.(msg.cacheUpdates);
          if (msg.cacheError && !cacheErrorSeen) {
            cacheErrorSeen = true;
            pool.onCacheError?.(msg.cacheError);
          }
          record(msg.outcome);
          pending = pending.filter((f) => f !== msg.outcome.absPath);
          current = undefined;
        } else if (msg.type === 'done') {
          clearTimeout(timer);
          send();
        }
      });
      worker.on('error', (err) => fault('worker-crashed', `worker crashed: ${err.message}; not written`));
      worker.on('exit', (code) => {
        // A worker that ends on its own while files are pending was ended by the transform (process.exit).
        if (!ended) fault('transform-exited', `the transform ended its worker (process.exit(${code})) while transforming this file; not written`);
        running--;
        if (queue.length) startWorker();
        else if (running === 0) resolve();
      });
      const init: WorkerRequest = { type: 'init', spec, options };
      worker.postMessage(init);
      send();
    };
    for (let i = 0; i < Math.min(jobs, queue.length); i++) startWorker();
    if (!queue.length && running === 0) resolve();
  });
  return files.map((f) => results.get(f));
}

/**
 * Files run in this thread only from the TypeScript sources (tests, where there is no compiled worker): a transform
 * that never settles still fails with `timeout`, but a synchronous endless loop cannot be stopped here, which is why
 * the CLI always uses workers.
 */
async function runInThread(spec: TransformSpec, files: string[], options: FileRunOptions, pool: PoolOptions, timeoutMs: number): Promise<FileOutcome[]> {
  const [{ FileResultCache }, { runFile }, { loadTransform }] = await Promise.all([import('../cache.js'), import('./file-engine.js'), import('../registry.js')]);
  const cache = options.cache ? new FileResultCache(options.cache) : undefined;
  const load = () => loadTransform(spec);
  const out: FileOutcome[] = [];
  for (const file of files) {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<FileOutcome>((resolve) => {
      timer = setTimeout(() => resolve(failure(file, options, 'timeout', `transform timed out after ${seconds(timeoutMs)} (--timeout); not written`)), timeoutMs);
    });
    const r = await Promise.race([runFile(load, file, options, cache), expired]);
    clearTimeout(timer);
    pool.onResult?.(r);
    out.push(r);
  }
  if (cache) {
    pool.onCacheUpdates?.(cache.updates);
    if (cache.writeError && !options.cache?.readOnly) pool.onCacheError?.(cache.writeError);
  }
  return out;
}
