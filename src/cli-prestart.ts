// The first thing `remodel run <transform>` does, before the CLI module (yargs, zod, the config) is even loaded:
// start the worker that will transform the files, so that its start-up (a Node environment, the file engine,
// Babel and the named built-in) runs beside the main thread's argument parsing, config loading and planning.
// bin/remodel.js calls it first; main() calls it again (a no-op then) for callers that use main() directly.
import fs from 'node:fs';
import { prestartWorker } from './engine/pool.js';

/**
 * Starts the first worker for `run <name> …` unless a cache of earlier runs may answer every file (then an early
 * worker would only cost CPU; files the cache does not answer start one when the run gets there). A run that turns
 * out to need none (a project transform, a usage error) ends it unused.
 */
export async function prestartForArgs(args: readonly string[], cwd: string): Promise<void> {
  const named = args[0] === 'run' ? args.slice(1).find((a) => !a.startsWith('-')) : undefined;
  if (!named) return;
  const noCache = args.includes('--no-cache') || args.includes('--cache=false');
  const ownCacheDir = args.some((a) => a === '--cache-dir' || a.startsWith('--cache-dir='));
  // The cache module (and what it loads) only when the answer depends on it.
  if (noCache || (!ownCacheDir && !fs.existsSync((await import('./cache.js')).defaultCacheDir(cwd)))) prestartWorker(named);
}
