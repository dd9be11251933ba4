import { parentPort } from 'node:worker_threads';
import { loadTransform } from '../registry.js';
import type { LoadedTransform, TransformSpec } from '../types.js';
import { runFile, type FileRunOptions } from './file-engine.js';

/** Messages from the pool: one `init`, then `batch`es of absolute paths until `close`. */
export type WorkerRequest =
  | { type: 'init'; spec: TransformSpec; options: FileRunOptions }
  | { type: 'batch'; id: number; files: string[] };

let transform: Promise<LoadedTransform> | undefined;
let options: FileRunOptions;

parentPort!.on('message', async (msg: WorkerRequest) => {
  if (msg.type === 'init') {
    transform = loadTransform(msg.spec);
    options = msg.options;
    return;
  }
  const t = await transform!;
  const results = [];
  for (const file of msg.files) results.push(await runFile(t, file, options));
  parentPort!.postMessage({ id: msg.id, results });
});
