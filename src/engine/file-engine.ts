import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { File as BabelFile } from '@babel/types';
import type { FileChange } from '../changeset.js';
import { ParseError, lineIndex, parseSource, parserFor, toParseError } from '../parse.js';
import { TextEdits } from '../text-edits.js';
import type {
  FileTransformContext,
  JscodeshiftTransform,
  LoadedTransform,
  ParserChoice,
  ParserName,
  RemodelFileTransform,
  Report,
  SkipResult,
} from '../types.js';
import { formatWithPrettier, type FormatMode } from './format.js';

const require = createRequire(import.meta.url);

export interface FileRunOptions {
  cwd: string;
  parser: ParserChoice;
  format: FormatMode;
  /** Options already validated against the transform's schema. */
  transformOptions: Record<string, unknown>;
  dry: boolean;
}

export interface FileOutcome extends FileChange {
  stats?: Record<string, number>;
}

const BOM = '\uFEFF';

function isSkip(value: unknown): value is SkipResult {
  return typeof value === 'object' && value !== null && (value as SkipResult).skip === true;
}

/** Reads one file and runs the transform on it; never throws: failures become `error` outcomes. */
export async function runFile(transform: LoadedTransform, absPath: string, opts: FileRunOptions): Promise<FileOutcome> {
  const relPath = toPosix(path.relative(opts.cwd, absPath));
  let raw: string;
  let mode: number;
  try {
    const buf = fs.readFileSync(absPath);
    mode = fs.statSync(absPath).mode;
    if (buf.includes(0)) return { absPath, path: relPath, status: 'skipped', reason: 'binary file' };
    raw = buf.toString('utf8');
  } catch (err) {
    return { absPath, path: relPath, status: 'error', error: { message: `cannot read file: ${(err as Error).message}` } };
  }
  const outcome = await transformText(transform, absPath, relPath, raw, opts);
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
  const hasBom = raw.startsWith(BOM);
  const source = hasBom ? raw.slice(1) : raw;
  const base: FileOutcome = { absPath, path: relPath, status: 'unchanged' };
  const reports: Report[] = [];
  const stats: Record<string, number> = {};

  if (transform.kind === 'remodel' && transform.meta.prefilter && !transform.meta.prefilter(source)) {
    return base;
  }

  let result: unknown;
  try {
    result =
      transform.kind === 'remodel'
        ? await runRemodel(transform, source, relPath, opts, reports)
        : await runJscodeshift(transform, source, relPath, opts, reports, stats);
  } catch (err) {
    const parsed = toParseError(err);
    if (parsed instanceof ParseError) {
      return { ...base, status: 'error', error: { message: parsed.message, line: parsed.line, column: parsed.column } };
    }
    const e = err as Error;
    return {
      ...base,
      status: 'error',
      error: { message: `transform ${transform.meta.name} crashed: ${e?.message ?? String(err)}`, stack: e?.stack },
      ...(reports.length ? { reports } : {}),
    };
  }
  const extra = {
    ...(reports.length ? { reports } : {}),
    ...(Object.keys(stats).length ? { stats } : {}),
  };
  if (isSkip(result)) return { ...base, status: 'skipped', reason: result.reason, ...extra };
  if (result === undefined || result === null || result === '') {
    // jscodeshift's runner counts a falsy result as "skipped"; remodel transforms return undefined for "no change".
    return transform.kind === 'jscodeshift'
      ? { ...base, status: 'skipped', reason: 'transform returned nothing', ...extra }
      : { ...base, ...extra };
  }
  if (typeof result !== 'string') {
    return { ...base, status: 'error', error: { message: `transform ${transform.meta.name} returned ${typeof result}, expected a string` } };
  }
  if (result === source) return { ...base, ...extra };

  let after = keepLineEndings(source, result);
  if (opts.format !== 'none') {
    const formatted = await formatWithPrettier(after, absPath, opts.format);
    if (formatted.error) reports.push({ message: `prettier could not format the result: ${formatted.error}`, reason: 'format-failed' });
    else if (formatted.text !== undefined) after = keepLineEndings(source, formatted.text);
  }
  if (after === source) return { ...base, ...extra };
  return { ...base, status: 'changed', before: raw, after: hasBom ? BOM + after : after, ...extra, ...(reports.length ? { reports } : {}) };
}

/** A file written with CRLF only keeps CRLF where a printer or formatter introduced bare LF. */
export function keepLineEndings(original: string, output: string): string {
  const crlf = original.includes('\r\n') && !/(^|[^\r])\n/.test(original);
  if (!crlf) return output;
  return output.replace(/\r?\n/g, '\r\n');
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

async function runRemodel(
  transform: RemodelFileTransform,
  source: string,
  relPath: string,
  opts: FileRunOptions,
  reports: Report[],
): Promise<unknown> {
  const parser: ParserName = parserFor(relPath, opts.parser);
  let ast: BabelFile | undefined;
  let locate: ReturnType<typeof lineIndex> | undefined;
  const ctx: FileTransformContext = {
    path: relPath,
    source,
    options: opts.transformOptions,
    parser,
    parse() {
      ast ??= parseSource(source, parser);
      return ast;
    },
    edits: () => new TextEdits(source),
    report(message, at, reason) {
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
