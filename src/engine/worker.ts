import { parentPort, workerData } from 'node:worker_threads';
import { builtinNames, loadTransform } from '../registry.js';
import type { LoadedTransform, TransformSpec } from '../types.js';
import { runFile, type FileOutcome, type FileRunOptions } from './file-engine.js';
import { parseSource } from '../parse.js';
import { withTraverse } from '../ast.js';
import type { CacheEntry, FileResultCache } from '../cache.js';

/**
 * Given at start: `preload` names the built-in the command line asked for, loaded before the pool says what to run,
 * with Babel's parser and (`traverse`: the built-in uses it) @babel/traverse made ready too.
 */
export interface WorkerData {
  preload?: string;
  traverse?: boolean;
}

/** Messages from the pool: one `init`, then `batch`es of absolute paths until the pool terminates the worker. */
export type WorkerRequest =
  | { type: 'init'; spec: TransformSpec; options: FileRunOptions }
  | { type: 'batch'; id: number; files: string[] };

/**
 * Messages to the pool: `start` before each file (the pool's per-file clock), `result` after it (with the cache
 * entries it made), `done` after a batch. A file that never gets its `result` is the one the pool blames.
 */
export type WorkerMessage =
  | { type: 'start'; file: string }
  | { type: 'result'; outcome: FileOutcome; cacheUpdates?: Record<string, CacheEntry>; cacheError?: string }
  | { type: 'done'; id: number };

let spec: TransformSpec;
let options: FileRunOptions;
let cache: FileResultCache | undefined;
let cacheReady: Promise<FileResultCache | undefined> = Promise.resolve(undefined);
let transform: Promise<LoadedTransform> | undefined;
let cacheErrorSent = false;
// The pool only sends files that missed the cache, so the transform is loaded before the first file's clock starts.
const loadOnce = () => (transform ??= loadTransform(spec));

const post = (msg: WorkerMessage) => parentPort!.postMessage(msg);

// A worker started early (see prestartWorker) loads the transform while the main thread is still planning, and
// readies Babel meanwhile: the parser (every per-file built-in parses) and, for a built-in that uses it, traverse
// with its types, which Babel only initialises on first use (its parser's plugins, traverse's visitors and scope
// code), about half of this worker's start-up. Babel is readied while the transform's modules are being read (the
// import is started first), so the two overlap. Only a guess: `init` decides what runs; a failed preload is
// reported, if at all, when that same transform is used, and a failed warm-up costs nothing but its time.
const early = workerData as WorkerData | undefined;
if (early?.preload && builtinNames().includes(early.preload)) {
  loadTransform({ kind: 'builtin', name: early.preload }).catch(() => {});
  warmUp(early.traverse === true).catch(() => {});
}

async function warmUp(traverse: boolean): Promise<void> {
  const ast = parseSource('var a = 1;\nfunction f(b) { return a + b; }\n', 'babel');
  if (traverse) await withTraverse((t) => t(ast as never, { Identifier(p) { void p.scope.getBinding(p.node.name); } }));
}

parentPort!.on('message', async (msg: WorkerRequest) => {
  if (msg.type === 'init') {
    spec = msg.spec;
    options = msg.options;
    // The cache module (write-file-atomic with it) only for runs that use the cache; batches wait for it.
    const cacheOptions = options.cache;
    cacheReady = cacheOptions ? import('../cache.js').then((m) => new m.FileResultCache(cacheOptions)) : Promise.resolve(undefined);
    return;
  }
  cache = await cacheReady;
  const loaded = await loadOnce();
  for (const file of msg.files) {
    post({ type: 'start', file });
    const outcome = await runFile(loaded, file, options, cache);
    let cacheUpdates: Record<string, CacheEntry> | undefined;
    let cacheError: string | undefined;
    if (cache) {
      cacheUpdates = { ...cache.updates };
      for (const k of Object.keys(cache.updates)) delete cache.updates[k];
      if (cache.writeError && !cacheErrorSent && !options.cache?.readOnly) {
        cacheErrorSent = true;
        cacheError = cache.writeError;
      }
    }
    post({ type: 'result', outcome, cacheUpdates, cacheError });
  }
  post({ type: 'done', id: msg.id });
});
