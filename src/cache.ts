import { builtinDigest } from './registry.js';
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
 * the file's path and the SHA-1 of its content, so any change to the file, the transform or its options misses.
 * Changed texts live beside the index as content-addressed blobs. Only the transform's own result is cached:
 * formatting runs again on every changed file, so a new prettier config is always honoured.
 */
export interface CacheEntry {
  hash: string;
  /** Size and mtime when the entry was made: when both still match, the file is not even read. */
  size?: number;
  mtimeMs?: number;
  status: RawResult['status'];
  reason?: string;
  error?: RawResult['error'];
  reports?: RawResult['reports'];
  stats?: RawResult['stats'];
  /** Blob name of the changed text. */
  blob?: string;
}

export interface CacheLocation {
  /** Folder of this index and its blobs. */
  dir: string;
  entries: Record<string, CacheEntry>;
}

const require = createRequire(import.meta.url);
const MAX_ENTRIES = 100_000;

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

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
    if (fs.existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'node_modules', '.cache', 'remodel');
    if (path.dirname(dir) === dir) break;
  }
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'remodel');
}

/** What makes a transform's output change: its name and version, or its module's content. */
export function transformIdentity(spec: TransformSpec, transform: LoadedTransform): string {
  const parts = [remodelVersion()];
  if (spec.kind === 'pipeline' && transform.kind === 'pipeline') {
    // A pipeline's result depends on every step, in order, with its options.
    spec.steps.forEach((s, i) => parts.push(`[${transformIdentity(s.spec, transform.steps[i].transform)} ${JSON.stringify(s.options)}]`));
    return parts.join(' ');
  }
  if (spec.kind === 'builtin') parts.push(`builtin:${spec.name}@${transform.meta.version ?? '0'}#${builtinDigest(spec.name)}`);
  else if (spec.kind === 'path') parts.push(`file:${sha1(fs.readFileSync(spec.path, 'utf8'))}`);
  if (transform.kind === 'jscodeshift') {
    parts.push(`jscodeshift@${(require('jscodeshift/package.json') as { version: string }).version}`);
  }
  return parts.join(' ');
}

export function openCache(
  cacheDir: string,
  key: { cwd: string; transform: string; options: Record<string, unknown>; parser: string },
): CacheLocation {
  const digest = sha1(JSON.stringify([path.resolve(key.cwd), key.transform, key.options, key.parser]));
  const dir = path.join(cacheDir, digest.slice(0, 16));
  let entries: Record<string, CacheEntry> = {};
  try {
    entries = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')).entries ?? {};
  } catch {
    // No index yet, or an unreadable one: start empty.
  }
  return { dir, entries };
}

/** The lookup side used by each worker: reads the index it was given and writes blobs of new changed texts. */
export class FileResultCache implements RawResultCache {
  /** Entries made by this worker for files that missed. */
  readonly updates: Record<string, CacheEntry> = {};

  constructor(private readonly location: CacheLocation) {}

  /**
   * Result of a file whose size and mtime are as recorded, without reading it. For a changed file the texts are
   * read only if something asks for them (a JSON report or --check never does): `after` from its blob, `before`
   * from the file, checked against the recorded hash so that a file edited meanwhile is never paired with a
   * stale result.
   */
  peek(relPath: string, stat: { size: number; mtimeMs: number }, absPath?: string): (RawResult & { lazyBefore?: () => string }) | undefined {
    const entry = this.location.entries[relPath];
    if (!entry || entry.size !== stat.size || entry.mtimeMs !== stat.mtimeMs) return undefined;
    if (entry.status !== 'changed') return this.toResult(entry);
    if (!absPath || !entry.blob) return undefined;
    const { hash, blob, size: _size, mtimeMs: _mtime, ...result } = entry;
    const blobPath = path.join(this.location.dir, 'blobs', blob);
    if (!fs.existsSync(blobPath)) return undefined;
    let before: string | undefined;
    const lazyBefore = () => {
      if (before === undefined) {
        const text = fs.readFileSync(absPath, 'utf8');
        if (sha1(text) !== hash) throw new Error(`${relPath} changed on disk during the run`);
        before = text;
      }
      return before;
    };
    let after: string | undefined;
    return {
      ...result,
      get after() {
        after ??= fs.readFileSync(blobPath, 'utf8');
        return after;
      },
      lazyBefore,
    };
  }

  get(relPath: string, raw: string): RawResult | undefined {
    const entry = this.location.entries[relPath];
    if (!entry || entry.hash !== sha1(raw)) return undefined;
    return this.toResult(entry);
  }

  private toResult(entry: CacheEntry): RawResult | undefined {
    const { hash: _hash, blob, size: _size, mtimeMs: _mtime, ...result } = entry;
    if (entry.status !== 'changed') return result;
    try {
      return { ...result, after: fs.readFileSync(path.join(this.location.dir, 'blobs', blob!), 'utf8') };
    } catch {
      return undefined;
    }
  }

  set(relPath: string, raw: string, result: RawResult, stat?: { size: number; mtimeMs: number }): void {
    if (result.error?.message.startsWith('cannot read')) return;
    const { after, ...rest } = result;
    const entry: CacheEntry = { hash: sha1(raw), ...(stat ? { size: stat.size, mtimeMs: stat.mtimeMs } : {}), ...rest };
    if (entry.error) entry.error = { ...entry.error, stack: undefined };
    if (result.status === 'changed' && after !== undefined) {
      entry.blob = sha1(after);
      const blobs = path.join(this.location.dir, 'blobs');
      fs.mkdirSync(blobs, { recursive: true });
      const file = path.join(blobs, entry.blob);
      if (!fs.existsSync(file)) {
        const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
        fs.writeFileSync(tmp, after);
        fs.renameSync(tmp, file);
      }
    }
    this.updates[relPath] = entry;
  }
}

/** Merges new entries into the index, writes it atomically and drops blobs nothing refers to any more. */
export function saveCache(location: CacheLocation, updates: Record<string, CacheEntry>): void {
  if (Object.keys(updates).length === 0) return;
  const entries = { ...location.entries, ...updates };
  const keys = Object.keys(entries);
  for (const k of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) delete entries[k];
  fs.mkdirSync(location.dir, { recursive: true });
  const file = path.join(location.dir, 'index.json');
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ version: 1, entries }));
  fs.renameSync(tmp, file);
  const used = new Set(Object.values(entries).map((e) => e.blob).filter(Boolean));
  const blobs = path.join(location.dir, 'blobs');
  if (fs.existsSync(blobs)) {
    for (const name of fs.readdirSync(blobs)) if (!used.has(name) && !name.includes('.')) fs.rmSync(path.join(blobs, name), { force: true });
  }
}
