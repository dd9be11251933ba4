import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { File as BabelFile } from '@babel/types';
import type { FileChange, FileError, FileStatus } from '../changeset.js';
import { ParseError, lineIndex, parseSource, parserFor, toParseError } from '../parse.js';
import { TextEdits } from '../text-edits.js';
import type {
  FileTransformContext,
  JscodeshiftTransform,
  LoadedTransform,
  PipelineTransform,
  ParserChoice,
  ParserName,
  RemodelFileTransform,
  Report,
  SkipResult,
} from '../types.js';
import { formatWithPrettier, type FormatMode } from './format.js';
import type { CacheLocation } from '../cache.js';
import { toPosix } from '../paths.js';
import { readSource } from '../read-source.js';
import { skipDecision } from '../skip-files.js';
import { checkReportedReason } from '../reasons.js';

const require = createRequire(import.meta.url);

export interface FileRunOptions {
  cwd: string;
  parser: ParserChoice;
  format: FormatMode;
  /** Options already validated against the transform's schema. */
  transformOptions: Record<string, unknown>;
  dry: boolean;
  /** Index of earlier results (see cache.ts); absent with --no-cache. */
  cache?: CacheLocation;
  /** Also transform minified, generated and vendored files (see skip-files.ts). */
  includeGenerated?: boolean;
}

export interface FileOutcome extends FileChange {
  stats?: Record<string, number>;
}

const BOM = '\uFEFF';

function isSkip(value: unknown): value is SkipResult {
  return typeof value === 'object' && value !== null && (value as SkipResult).skip === true;
}

/**
 * What a transform made of one file, before formatting: the part that depends only on the file's text, the
 * transform and its options, and so can be cached (see cache.ts).
 */
export interface RawResult {
  status: FileStatus;
  /** Transformed text without BOM, line endings kept; only when `status` is `changed`. */
  after?: string;
  reason?: string;
  error?: FileError;
  reports?: Report[];
  stats?: Record<string, number>;
}

/** A way to reuse raw results of an earlier run for identical inputs (keyed by the file's bytes). */
export interface RawResultCache {
  get(relPath: string, bytes: Buffer): RawResult | undefined;
  set(relPath: string, bytes: Buffer, result: RawResult): void;
}

/**
 * Reads a file strictly (see read-source.ts): its text and bytes, or the outcome of a file that cannot be
 * transformed as text (unreadable, not UTF-8, binary), which is never written.
 */
function readFile(absPath: string, relPath: string): { text: string; bytes: Buffer; mode: number } | FileOutcome {
  try {
    const mode = fs.statSync(absPath).mode;
    const read = readSource(absPath);
    if (!read.ok) return { absPath, path: relPath, status: 'skipped', reason: read.reason };
    return { text: read.text, bytes: read.bytes, mode };
  } catch (err) {
    return { absPath, path: relPath, status: 'error', error: { message: `cannot read file: ${(err as Error).message}` } };
  }
}

/**
 * The outcome of a file from the cache alone, or undefined on a miss. Every file is read and hashed (size and
 * mtime are never trusted); lets the pool answer warm files without starting workers or loading the transform.
 */
export async function cachedOutcome(absPath: string, opts: FileRunOptions, cache: RawResultCache): Promise<FileOutcome | undefined> {
  const relPath = toPosix(path.relative(opts.cwd, absPath));
  const read = readFile(absPath, relPath);
  if (!('bytes' in read)) return read.status === 'skipped' ? read : undefined;
  const result = cache.get(relPath, read.bytes);
  if (!result) return undefined;
  const outcome = await finishOutcome(result, absPath, relPath, read.text, opts);
  if (outcome.status === 'changed') outcome.mode = read.mode;
  return outcome;
}

/** Reads one file and runs the transform on it; never throws: failures become `error` outcomes. */
export async function runFile(
  transform: LoadedTransform | (() => Promise<LoadedTransform>),
  absPath: string,
  opts: FileRunOptions,
  cache?: RawResultCache,
): Promise<FileOutcome> {
  const relPath = toPosix(path.relative(opts.cwd, absPath));
  const read = readFile(absPath, relPath);
  if (!('bytes' in read)) return read;
  const { text: raw, bytes, mode } = read;
  // Declaration, minified, generated and vendored files are skipped with their reason (src/skip-files.ts).
  const skipped = skipDecision(relPath, raw, opts);
  if (skipped) return { absPath, path: relPath, status: 'skipped', reason: skipped.reason };
  let result = cache?.get(relPath, bytes);
  if (!result) {
    const loaded = typeof transform === 'function' ? await transform() : transform;
    result = await transformRaw(loaded, relPath, stripBom(raw), opts);
    cache?.set(relPath, bytes, result);
  }
  const outcome = await finishOutcome(result, absPath, relPath, raw, opts);
  if (outcome.status === 'changed') outcome.mode = mode;
  return outcome;
}

/** Runs a transform over text; the core shared by the CLI workers and the fixture harness. */
export async function transformText(
  transform: LoadedTransform,
  absPath: string,
  relPath: string,
  raw: string,
  opts: FileRunOptions,
): Promise<FileOutcome> {
  const result = await transformRaw(transform, relPath, stripBom(raw), opts);
  return finishOutcome(result, absPath, relPath, raw, opts);
}

function stripBom(raw: string): string {
  return raw.startsWith(BOM) ? raw.slice(1) : raw;
}

/**
 * The AST of a recipe's current text, kept between per-file steps: a step that changed nothing hands it to the next
 * one instead of the text to parse again. Only steps that never change the AST they read take part (built-ins).
 */
interface SharedAst {
  source: string;
  ast?: BabelFile;
}

/** Runs the transform on BOM-less text and classifies what it returned. */
async function transformRaw(transform: LoadedTransform, relPath: string, source: string, opts: FileRunOptions, shared?: SharedAst): Promise<RawResult> {
  if (transform.kind === 'pipeline') return pipelineRaw(transform, relPath, source, opts);
  const reports: Report[] = [];
  const stats: Record<string, number> = {};
  if (transform.kind === 'remodel' && transform.meta.prefilter && !transform.meta.prefilter(source)) {
    return { status: 'unchanged' };
  }
  let result: unknown;
  try {
    result =
      transform.kind === 'remodel'
        ? await runRemodel(transform, source, relPath, opts, reports, shared)
        : await runJscodeshift(transform, source, relPath, opts, reports, stats);
  } catch (err) {
    const parsed = toParseError(err);
    if (parsed instanceof ParseError) {
      return { status: 'error', error: { message: parsed.message, line: parsed.line, column: parsed.column } };
    }
    const e = err as Error;
    return {
      status: 'error',
      error: { message: `transform ${transform.meta.name} crashed: ${e?.message ?? String(err)}`, stack: e?.stack },
      ...(reports.length ? { reports } : {}),
    };
  }
  const extra = {
    ...(reports.length ? { reports } : {}),
    ...(Object.keys(stats).length ? { stats } : {}),
  };
  if (isSkip(result)) return { status: 'skipped', reason: result.reason, ...extra };
  if (result === undefined || result === null || result === '') {
    // jscodeshift's runner counts a falsy result as "skipped"; remodel transforms return undefined for "no change".
    return transform.kind === 'jscodeshift'
      ? { status: 'skipped', reason: 'transform returned nothing', ...extra }
      : { status: 'unchanged', ...extra };
  }
  if (typeof result !== 'string') {
    return { status: 'error', error: { message: `transform ${transform.meta.name} returned ${typeof result}, expected a string` } };
  }
  if (result === source) return { status: 'unchanged', ...extra };
  const broken = outputParseError(transform, relPath, source, result, opts);
  if (broken) return { status: 'error', reason: 'output-does-not-parse', error: broken, ...extra };
  return { status: 'changed', after: keepLineEndings(source, result), ...extra };
}

/**
 * A transform's output must parse (with the parser the file is read with) before it can be written. When the
 * input itself does not parse with that parser (a jscodeshift transform with its own parser), nothing can be said.
 */
function outputParseError(transform: LoadedTransform, relPath: string, source: string, output: string, opts: FileRunOptions): FileError | undefined {
  const parser = parserFor(relPath, opts.parser);
  const error = parseErrorOf(output, parser);
  if (!error || parseErrorOf(source, parser)) return undefined;
  return {
    message: `transform ${transform.meta.name} produced output that does not parse (${error.message}); the file is not written`,
    line: error.line,
    column: error.column,
  };
}

export function parseErrorOf(text: string, parser: ParserName): ParseError | undefined {
  try {
    parseSource(text, parser);
    return undefined;
  } catch (err) {
    const parsed = toParseError(err);
    return parsed instanceof ParseError ? parsed : new ParseError(String((err as Error)?.message ?? err), 1, 1);
  }
}

/**
 * A recipe's per-file steps on one file: each step gets the text the previous one produced (one read, one
 * write). A step that fails fails the file, so the file is left as it is rather than half converted.
 */
async function pipelineRaw(pipeline: PipelineTransform, relPath: string, source: string, opts: FileRunOptions): Promise<RawResult> {
  let current = source;
  const reports: Report[] = [];
  const stats: Record<string, number> = {};
  let previous: string | undefined;
  let shared: SharedAst = { source };
  for (const step of pipeline.steps) {
    const name = step.transform.meta.name;
    if (shared.source !== current) shared = { source: current };
    const r = await transformRaw(step.transform, relPath, current, { ...opts, transformOptions: step.options }, step.readOnlyAst ? shared : undefined);
    for (const report of r.reports ?? []) reports.push({ ...report, transform: name });
    for (const [k, v] of Object.entries(r.stats ?? {})) stats[k] = (stats[k] ?? 0) + v;
    if (r.status === 'error') {
      const error = { ...r.error! };
      // A parse error after an earlier step changed the text is that step's fault, not the file's.
      if (previous && current !== source && error.line !== undefined) error.message = `${name} cannot parse the output of ${previous}: ${error.message}`;
      return { status: 'error', ...(r.reason ? { reason: r.reason } : {}), error, ...(reports.length ? { reports } : {}) };
    }
    if (r.status === 'skipped') reports.push({ message: `${name} skipped the file: ${r.reason}`, reason: r.reason, transform: name });
    if (r.status === 'changed' && r.after !== undefined) {
      current = r.after;
      previous = name;
    }
  }
  const extra = { ...(reports.length ? { reports } : {}), ...(Object.keys(stats).length ? { stats } : {}) };
  return current === source ? { status: 'unchanged', ...extra } : { status: 'changed', after: current, ...extra };
}

/** Formatting (prettier, where configured) and the BOM turn a raw result into the file's outcome. */
async function finishOutcome(result: RawResult, absPath: string, relPath: string, raw: string, opts: FileRunOptions): Promise<FileOutcome> {
  const { after: rawAfter, ...rest } = result;
  const base: FileOutcome = { absPath, path: relPath, ...rest };
  if (result.status !== 'changed' || rawAfter === undefined) return base;
  const hasBom = raw.startsWith(BOM);
  const source = hasBom ? raw.slice(1) : raw;
  const reports = [...(result.reports ?? [])];
  let after = rawAfter;
  if (opts.format !== 'none') {
    const formatted = await formatWithPrettier(after, absPath, opts.format);
    if (formatted.error) reports.push({ message: `prettier could not format the result: ${formatted.error}`, reason: 'format-failed' });
    else if (formatted.text !== undefined) after = keepLineEndings(source, formatted.text);
  }
  const withReports = reports.length ? { reports } : {};
  if (after === source) return { ...base, status: 'unchanged', ...withReports };
  return { ...base, status: 'changed', before: raw, after: hasBom ? BOM + after : after, ...withReports };
}

/** A file written with CRLF only keeps CRLF where a printer or formatter introduced bare LF. */
export function keepLineEndings(original: string, output: string): string {
  const crlf = original.includes('\r\n') && !/(^|[^\r])\n/.test(original);
  if (!crlf) return output;
  return output.replace(/\r?\n/g, '\r\n');
}


async function runRemodel(
  transform: RemodelFileTransform,
  source: string,
  relPath: string,
  opts: FileRunOptions,
  reports: Report[],
  shared?: SharedAst,
): Promise<unknown> {
  const parser: ParserName = parserFor(relPath, opts.parser);
  // The previous step's AST of this same text, when it left the text as it was (see SharedAst).
  let ast: BabelFile | undefined = shared?.source === source ? shared.ast : undefined;
  let locate: ReturnType<typeof lineIndex> | undefined;
  const ctx: FileTransformContext = {
    path: relPath,
    absPath: path.resolve(opts.cwd, relPath),
    source,
    options: opts.transformOptions,
    parser,
    parse() {
      if (!ast) {
        ast = parseSource(source, parser);
        if (shared?.source === source) shared.ast = ast;
      }
      return ast;
    },
    edits: () => new TextEdits(source),
    report(message, at, reason) {
      checkReportedReason(transform.meta, reason);
      const offset = typeof at === 'number' ? at : at?.start ?? undefined;
      locate ??= lineIndex(source);
      reports.push({ message, ...(offset != null ? locate(offset) : {}), ...(reason ? { reason } : {}) });
    },
    skip: (reason) => ({ skip: true, reason }),
  };
  return transform.transform(ctx);
}

/** jscodeshift's parser names; `auto` maps .ts/.tsx to its ts/tsx parsers and everything else to `babel`. */
function jscodeshiftParser(transform: JscodeshiftTransform, file: string, choice: ParserChoice): unknown {
  const getParser = require('jscodeshift/src/getParser.js') as (name?: string) => unknown;
  if (transform.parser) return typeof transform.parser === 'string' ? getParser(transform.parser) : transform.parser;
  return getParser(choice === 'auto' ? parserFor(file, 'auto') : choice);
}

async function runJscodeshift(
  transform: JscodeshiftTransform,
  source: string,
  relPath: string,
  opts: FileRunOptions,
  reports: Report[],
  stats: Record<string, number>,
): Promise<unknown> {
  const jscodeshift = require('jscodeshift') as { withParser(p: unknown): unknown };
  const j = jscodeshift.withParser(jscodeshiftParser(transform, relPath, opts.parser));
  const api = {
    j,
    jscodeshift: j,
    stats: (name: string, quantity?: number) => {
      stats[name] = (stats[name] ?? 0) + (typeof quantity === 'number' ? quantity : 1);
    },
    report: (msg: string) => reports.push({ message: String(msg) }),
  };
  // jscodeshift passes its whole option object; keep the keys a transform may look at.
  const options = { ...opts.transformOptions, dry: opts.dry, parser: opts.parser === 'auto' ? 'babel' : opts.parser };
  return transform.transform({ path: relPath, source }, api, options);
}
