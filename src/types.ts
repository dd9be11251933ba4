import type { z } from 'zod';
import type { File as BabelFile } from '@babel/types';
import type { TextEdits } from './text-edits.js';

export type EngineKind = 'file' | 'project';
export type ParserName = 'babel' | 'ts' | 'tsx' | 'flow';
export type ParserChoice = ParserName | 'auto';

/** A before/after pair shown by `remodel describe` and in the README. */
export interface TransformExample {
  title?: string;
  before: string;
  after: string;
  options?: Record<string, unknown>;
}

/**
 * What a transform says about itself, in the spirit of an ESLint rule's `meta` and an OpenRewrite recipe's
 * display name, description and declared options.
 */
export interface TransformMeta<Schema extends z.ZodObject = z.ZodObject> {
  name: string;
  description: string;
  engine: EngineKind;
  /** Longer explanation: what is rewritten, what is left alone and why. */
  docs?: string;
  /** Options as a zod object; every field should carry `.default()` and `.describe()`. */
  options?: Schema;
  examples?: TransformExample[];
  /**
   * Every reason key the transform reports (`ctx.report(…, reason)`, `ctx.skip(reason)`), with a one-line
   * explanation, as ESLint rules declare `meta.messages`. Reporting an undeclared key is an error in tests (the
   * fixture harness fails the case) and a warning otherwise. `remodel describe` lists them.
   */
  reasons?: Record<string, string>;
  /** Bumped whenever the output for a given input may change (cache key). */
  version?: string;
  /**
   * Cheap test on the raw text: when it returns false the file cannot change and is never parsed.
   * Must never return false for a file the transform would change.
   * A project transform runs only when at least one selected file passes it (its text after a recipe's earlier
   * steps); otherwise the program is never loaded and every file is unchanged. When it runs, it sees all the files.
   */
  prefilter?: (source: string) => boolean;
  /**
   * The result for a file depends on other files too (callers elsewhere in the package): such a transform's
   * results are never cached, since a change to another file could make a cached rewrite wrong.
   */
  readsOtherFiles?: boolean;
}

/** A finding attached to a file: a spot the transform left alone (and why) or a note. */
export interface Report {
  message: string;
  line?: number;
  column?: number;
  /** Short stable reason key for grouping in summaries, e.g. `closure-in-loop`. */
  reason?: string;
  /** In a recipe: the step (transform) that made the finding. */
  transform?: string;
}

export interface SkipResult {
  skip: true;
  reason: string;
}

export interface FileTransformContext<Options = Record<string, unknown>> {
  /** Path of the file, relative to the working directory. */
  path: string;
  /** Absolute path of the file (to find its package.json, tsconfig and siblings). */
  absPath?: string;
  /** Source text without a byte-order mark. */
  source: string;
  options: Options;
  parser: ParserName;
  /** Parses `source` with the run's parser (cached); throws a ParseError with line/column on bad input. */
  parse(): BabelFile;
  /** A fresh edit list over `source`. */
  edits(): TextEdits;
  /** Records a finding at a source offset (or a node's start). */
  report(message: string, at?: number | { start?: number | null }, reason?: string): void;
  /** Returns a value that marks the whole file as skipped with a reason. */
  skip(reason: string): SkipResult;
}

export type FileTransformResult = string | null | undefined | SkipResult;

export type FileTransformFn<Options = any> = (
  ctx: FileTransformContext<Options>,
) => FileTransformResult | Promise<FileTransformResult>;

/** A remodel per-file transform module, normalised. */
export interface RemodelFileTransform<Options = any> {
  kind: 'remodel';
  meta: TransformMeta;
  transform: FileTransformFn<Options>;
}

/** A plain jscodeshift transform module, normalised. */
export interface JscodeshiftTransform {
  kind: 'jscodeshift';
  meta: TransformMeta;
  transform: (file: { path: string; source: string }, api: any, options: any) => unknown;
  /** `export const parser` of the module: a parser name or a parser object with `parse()`. */
  parser?: string | { parse(source: string, options?: unknown): unknown };
}

/** A recipe's consecutive per-file steps, run one after the other on each file's text in one pass. */
export interface PipelineTransform {
  kind: 'pipeline';
  meta: TransformMeta;
  /** `readOnlyAst`: the step never changes the AST `ctx.parse()` gives it, so the AST can be shared with other steps. */
  steps: Array<{ transform: RemodelFileTransform | JscodeshiftTransform; options: Record<string, unknown>; readOnlyAst?: boolean }>;
}

export type LoadedTransform = RemodelFileTransform | JscodeshiftTransform | PipelineTransform;

/** How a worker (or the main thread) finds a transform again: by built-in name or by module path. */
export type TransformSpec =
  | { kind: 'builtin'; name: string }
  | { kind: 'path'; path: string }
  | { kind: 'pipeline'; name: string; steps: Array<{ spec: TransformSpec; options: Record<string, unknown> }> };

/** Helper for authors: keeps literal types of the options schema. */
export function defineMeta<S extends z.ZodObject>(meta: TransformMeta<S>): TransformMeta<S> {
  return meta;
}

export type OptionsOf<M> = M extends TransformMeta<infer S> ? z.infer<S> : never;
