import { parentPort } from 'node:worker_threads';
import { FileResultCache } from '../cache.js';
import { loadTransform } from '../registry.js';
import type { LoadedTransform, TransformSpec } from '../types.js';
import { runFile, type FileRunOptions } from './file-engine.js';

/** Messages from the pool: one `init`, then `batch`es of absolute paths until the pool terminates the worker. */
export type WorkerRequest =
  | { type: 'init'; spec: TransformSpec; options: FileRunOptions }
  | { type: 'batch'; id: number; files: string[] };

let spec: TransformSpec;
let options: FileRunOptions;
let cache: FileResultCache | undefined;
let transform: Promise<LoadedTransform> | undefined;
// Loaded on the first cache miss: a run answered from the cache never pays for parsers and transforms.
const loadOnce = () => (transform ??= loadTransform(spec));

parentPort!.on('message', async (msg: WorkerRequest) => {
  if (msg.type === 'init') {
    spec = msg.spec;
    options = msg.options;
    cache = options.cache ? new FileResultCache(options.cache) : undefined;
    return;
  }
  const results = [];
  for (const file of msg.files) results.push(await runFile(loadOnce, file, options, cache));
  const cacheUpdates = cache ? { ...cache.updates } : undefined;
  if (cache) for (const k of Object.keys(cache.updates)) delete cache.updates[k];
  parentPort!.postMessage({ id: msg.id, results, cacheUpdates });
});
