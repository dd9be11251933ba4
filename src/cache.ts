import writeFileAtomic from 'write-file-atomic';
import { builtinDigest, localModuleDigest } from './registry.js';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { RawResult, RawResultCache } from './engine/file-engine.js';
import type { LoadedTransform, TransformSpec } from './types.js';

/**
 * Results of earlier runs, so that a scheduled run over an unchanged tree costs a read and a hash per file.
 *
 * One index per (project, transform identity and version, options, parser, remodel version); an entry is keyed by
 * the file's path and the SHA-1 of its bytes, so any change to the file, the transform (its whole local module
 * graph) or its options misses. Every file is read and hashed: size and mtime are never trusted, since an edit can
 * keep both. Changed texts live beside the index as content-addressed blobs, written with fsync and rename, and
 * checked against their name on every read, so a truncated or altered blob is a miss and is written again. Only the transform's own result is cached:
 * formatting runs again on every changed file, so a new prettier config is always honoured.
 */
export interface CacheEntry {
  /** SHA-1 of the file's bytes: the only thing a hit is decided on (size and mtime are never trusted). */
  hash: string;
  /** Written by older versions; ignored. */
  size?: number;
  mtimeMs?: number;
  status: RawResult['status'];
  reason?: string;
  error?: RawResult['error'];
  reports?: RawResult['reports'];
  stats?: RawResult['stats'];
  /** Blob name of the changed text: the SHA-1 of its bytes, checked on every read. */
  blob?: string;
}

export interface CacheLocation {
  /** Folder of this index and its blobs. */
  dir: string;
  entries: Record<string, CacheEntry>;
  /** Set when the folder cannot be written: entries are still read, nothing is written. */
  readOnly?: string;
}

const require = createRequire(import.meta.url);
const MAX_ENTRIES = 100_000;

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('hex');

function remodelVersion(): string {
  try {
    return (require('../../package.json') as { version: string }).version;
  } catch {
    return (require('../package.json') as { version: string }).version;
  }
}

/** `node_modules/.cache/remodel` of the nearest package above `cwd`, else the user cache folder. */
export function defaultCacheDir(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) {
      // (only in a package with its dependencies installed: a preview of a project without node_modules makes none,
      // adversarial round 18, F15; its cache goes to the user's cache folder)
      if (fs.existsSync(path.join(dir, 'node_modules'))) return path.join(dir, 'node_modules', '.cache', 'remodel');
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'remodel');
}

/**
 * What makes a transform's output change: its name and version, or the content of its module and every local
 * module it imports. Undefined when that cannot be known (a computed `require`, an import that does not resolve):
 * such a transform is not cached.
 */
export function transformIdentity(spec: TransformSpec, transform: LoadedTransform): string | undefined {
  const parts = [remodelVersion()];
  if (spec.kind === 'pipeline' && transform.kind === 'pipeline') {
    // A pipeline's result depends on every step, in order, with its options.
    for (const [i, s] of spec.steps.entries()) {
      const step = transformIdentity(s.spec, transform.steps[i].transform);
      if (step === undefined) return undefined;
      parts.push(`[${step} ${JSON.stringify(s.options)}]`);
    }
    return parts.join(' ');
  }
  if (transform.kind === 'remodel' && transform.meta.readsOtherFiles) return undefined;
  if (spec.kind === 'builtin') parts.push(`builtin:${spec.name}@${transform.meta.version ?? '0'}#${builtinDigest(spec.name)}`);
  else if (spec.kind === 'path') {
    const graph = localModuleDigest(spec.path);
    if (graph === undefined) return undefined;
    parts.push(`file:${graph}`);
  }
  if (transform.kind === 'jscodeshift') {
    parts.push(`jscodeshift@${(require('jscodeshift/package.json') as { version: string }).version}`);
  }
  return parts.join(' ');
}

/** Files beside the sources that transforms read for context: the target (engines.node, browserslist), module type. */
const CONTEXT_FILES = ['package.json', 'tsconfig.json', 'jsconfig.json', '.browserslistrc', 'browserslist'];

/**
 * Digest of the context files (package.json, tsconfig, browserslist) in the folders of the run's files and every
 * folder above them: a new `engines.node` or `"type"` must miss the cache, since transforms decide on them.
 */
export function contextDigest(files: string[]): string {
  const dirs = new Set<string>();
  for (const file of files) {
    for (let dir = path.dirname(path.resolve(file)); !dirs.has(dir); dir = path.dirname(dir)) {
      dirs.add(dir);
      if (path.dirname(dir) === dir) break;
    }
  }
  const hash = createHash('sha1');
  for (const dir of [...dirs].sort()) {
    for (const name of CONTEXT_FILES) {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(path.join(dir, name));
      } catch {
        continue;
      }
      hash.update(`${dir}/${name}\0`).update(bytes).update('\0');
    }
  }
  return hash.digest('hex');
}

export function openCache(
  cacheDir: string,
  key: { cwd: string; transform: string; options: Record<string, unknown>; parser: string; context?: string },
): CacheLocation {
  const digest = sha1(JSON.stringify([path.resolve(key.cwd), key.transform, key.options, key.parser, key.context ?? '']));
  const dir = path.join(cacheDir, digest.slice(0, 16));
  let entries: Record<string, CacheEntry> = {};
  try {
    const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'));
    if (index && typeof index.entries === 'object' && !Array.isArray(index.entries)) entries = index.entries;
  } catch {
    // No index yet, or an unreadable one: start empty.
  }
  return { dir, entries, ...(cacheUnwritable(dir) ?? {}) };
}

/** Whether the cache folder can be written, found once per run before any worker starts. */
function cacheUnwritable(dir: string): { readOnly: string } | undefined {
  try {
    fs.mkdirSync(path.join(dir, 'blobs'), { recursive: true });
    fs.accessSync(path.join(dir, 'blobs'), fs.constants.W_OK);
    fs.accessSync(dir, fs.constants.W_OK);
    return undefined;
  } catch (err) {
    return { readOnly: (err as Error).message };
  }
}

/** The one warning of a run whose cache cannot be written. */
export function cacheWarning(location: CacheLocation): string | undefined {
  return location.readOnly ? `the cache folder cannot be written (${location.readOnly}); running without storing results, which only costs speed` : undefined;
}

/** The lookup side used by each worker: reads the index it was given and writes blobs of new changed texts. */
export class FileResultCache implements RawResultCache {
  /** Entries made by this worker for files that missed. */
  readonly updates: Record<string, CacheEntry> = {};
  /** Why writing failed, once: from then on this cache only reads. */
  writeError?: string;

  constructor(private readonly location: CacheLocation) {
    this.writeError = location.readOnly;
  }

  /** The earlier result for exactly these bytes, or undefined; a changed result whose blob is damaged is a miss. */
  get(relPath: string, bytes: Buffer): RawResult | undefined {
    const entry = this.location.entries[relPath];
    if (!entry || entry.hash !== sha1(bytes)) return undefined;
    const { hash: _hash, blob, size: _size, mtimeMs: _mtime, ...result } = entry;
    if (entry.status !== 'changed') return result;
    const after = blob ? this.readBlob(blob) : undefined;
    return after === undefined ? undefined : { ...result, after };
  }

  /** A blob's text when its bytes still hash to its name; a truncated or altered blob is removed and missed. */
  private readBlob(blob: string): string | undefined {
    const file = path.join(this.location.dir, 'blobs', blob);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      return undefined;
    }
    if (sha1(bytes) !== blob) {
      if (!this.writeError) fs.rmSync(file, { force: true });
      return undefined;
    }
    return bytes.toString('utf8');
  }

  set(relPath: string, bytes: Buffer, result: RawResult): void {
    if (this.writeError || result.error?.message.startsWith('cannot read') || result.reason === 'timeout') return;
    const { after, ...rest } = result;
    const entry: CacheEntry = { hash: sha1(bytes), ...rest };
    if (entry.error) entry.error = { ...entry.error, stack: undefined };
    if (result.status === 'changed') {
      if (after === undefined) return;
      entry.blob = sha1(after);
      try {
        this.writeBlob(entry.blob, after);
      } catch (err) {
        // A cache that cannot be written only costs speed: stop writing, keep transforming.
        this.writeError = (err as Error).message;
        return;
      }
    }
    this.updates[relPath] = entry;
  }

  private writeBlob(name: string, text: string): void {
    const blobs = path.join(this.location.dir, 'blobs');
    const file = path.join(blobs, name);
    if (this.readBlob(name) !== undefined) return;
    fs.mkdirSync(blobs, { recursive: true });
    // Temporary file, fsync, rename: a crash leaves either no blob or a whole one (and a damaged one is a miss).
    writeFileAtomic.sync(file, text, { encoding: 'utf8', fsync: true });
  }
}

/** Merges new entries into the index, writes it atomically and drops blobs nothing refers to any more. */
export function saveCache(location: CacheLocation, updates: Record<string, CacheEntry>): void {
  if (Object.keys(updates).length === 0 || location.readOnly) return;
  const entries = { ...location.entries, ...updates };
  const keys = Object.keys(entries);
  for (const k of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) delete entries[k];
  fs.mkdirSync(location.dir, { recursive: true });
  const file = path.join(location.dir, 'index.json');
  writeFileAtomic.sync(file, JSON.stringify({ version: 2, entries }), { encoding: 'utf8', fsync: true });
  const used = new Set(Object.values(entries).map((e) => e.blob).filter(Boolean));
  const blobs = path.join(location.dir, 'blobs');
  if (fs.existsSync(blobs)) {
    for (const name of fs.readdirSync(blobs)) if (!used.has(name) && !name.includes('.')) fs.rmSync(path.join(blobs, name), { force: true });
  }
}
