import type { ParserOptions, ParserPlugin } from '@babel/parser';
import type { File as BabelFile } from '@babel/types';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ParserChoice, ParserName } from './types.js';

// Babel's parser is CommonJS: `require` loads it without the ESM loader's scan of its 500 kB for named exports
// (measured: a tenth of a per-file run's start-up CPU). Loaded on the first parse.
const require = createRequire(import.meta.url);
let babelParse: typeof import('@babel/parser').parse | undefined;

/** A syntax error with a 1-based line and 1-based column, printed as `path:line:col message`. */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'ParseError';
  }
}

const COMMON_PLUGINS: ParserPlugin[] = [
  'asyncGenerators',
  'bigInt',
  'classPrivateMethods',
  'classPrivateProperties',
  'classProperties',
  'classStaticBlock',
  'decorators-legacy',
  'doExpressions',
  'dynamicImport',
  'exportDefaultFrom',
  'exportNamespaceFrom',
  'functionBind',
  'functionSent',
  'importMeta',
  'logicalAssignment',
  'nullishCoalescingOperator',
  'numericSeparator',
  'objectRestSpread',
  'optionalCatchBinding',
  'optionalChaining',
  'topLevelAwait',
  'explicitResourceManagement',
  ['importAttributes', { deprecatedAssertSyntax: true }],
];

const PLUGINS: Record<ParserName, ParserPlugin[]> = {
  // As jscodeshift's `babel` parser: JSX plus Flow annotations (ambiguous `f<T>(x)` stays JS unless `@flow`).
  babel: ['jsx', 'flow', ...COMMON_PLUGINS],
  flow: ['jsx', ['flow', { all: true }], ...COMMON_PLUGINS],
  ts: ['typescript', ...COMMON_PLUGINS],
  tsx: ['typescript', 'jsx', ...COMMON_PLUGINS],
};

/** Picks the parser for a file: `auto` decides by extension. */
export function parserFor(file: string, choice: ParserChoice): ParserName {
  if (choice !== 'auto') return choice;
  const ext = path.extname(file).toLowerCase();
  if (ext === '.ts' || ext === '.mts' || ext === '.cts') return 'ts';
  if (ext === '.tsx') return 'tsx';
  return 'babel';
}

function optionsFor(parser: ParserName): ParserOptions {
  return {
    sourceType: 'unambiguous',
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    allowNewTargetOutsideFunction: true,
    allowSuperOutsideMethod: true,
    allowUndeclaredExports: true,
    errorRecovery: false,
    createParenthesizedExpressions: false,
    tokens: false,
    plugins: PLUGINS[parser],
  };
}

/** Parses with Babel; syntax errors become ParseError with 1-based line and column. */
export function parseSource(source: string, parser: ParserName): BabelFile {
  try {
    babelParse ??= (require('@babel/parser') as typeof import('@babel/parser')).parse;
    return babelParse(source, optionsFor(parser)) as unknown as BabelFile;
  } catch (err) {
    throw toParseError(err);
  }
}

export function toParseError(err: unknown): ParseError | unknown {
  const e = err as { message?: string; loc?: { line: number; column: number }; lineNumber?: number; column?: number };
  if (e && e.loc && typeof e.loc.line === 'number') {
    // Babel appends "(line:col)" to its messages; the location is printed separately.
    const message = String(e.message).replace(/\s*\(\d+:\d+\)$/, '');
    return new ParseError(message, e.loc.line, e.loc.column + 1);
  }
  if (e && typeof e.lineNumber === 'number') {
    return new ParseError(String(e.message), e.lineNumber, (e.column ?? 0) + 1);
  }
  return err;
}

/** 1-based line and column of a character offset. */
export function lineColumnAt(source: string, offset: number): { line: number; column: number } {
  return lineIndex(source)(offset);
}

/** Builds the line-start table of `source` once; the returned lookup is a binary search. */
export function lineIndex(source: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}
