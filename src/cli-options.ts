// Options `remodel run` and `remodel pr` share, declared once (as ast-grep shares its InputArgs/OutputArgs between
// commands): which files (input), how they are transformed (engine) and how much is said (output). Both commands
// build their yargs options and their run request from these tables, so names, defaults and meaning cannot drift.
import type { Argv, Options } from 'yargs';
import { camel, kebab } from './cli-flags.js';
import { DEFAULT_EXTENSIONS, defaultJobs } from './defaults.js';
import { UsageError } from './errors.js';
import type { FormatMode } from './engine/format.js';
import type { RunRequest } from './run.js';
import type { ParserChoice } from './types.js';

type OptionTable = Record<string, Options>;

/** Which files a run reads. */
export const INPUT_OPTIONS = {
  extensions: { type: 'string', default: DEFAULT_EXTENSIONS.join(','), describe: 'comma-separated file extensions to walk' },
  ignore: { type: 'string', array: true, default: [] as string[], describe: 'gitignore-style pattern to skip (repeatable)' },
  shard: {
    type: 'string',
    describe:
      'i/n: run only shard i of n (deterministic by path), for CI matrices (remodel pr: each shard on its own branch and pull request)',
  },
  'include-generated': {
    type: 'boolean',
    default: false,
    describe:
      'also transform minified (*.min.js, very long lines), @generated and vendored (vendor/, bower_components/, public/js/lib/) files',
  },
} satisfies OptionTable;

/** How files are transformed. */
export const ENGINE_OPTIONS = {
  jobs: {
    alias: 'j',
    type: 'number',
    default: defaultJobs(),
    defaultDescription: `one per core: ${defaultJobs()}`,
    describe: 'worker threads',
  },
  parser: {
    choices: ['auto', 'babel', 'ts', 'tsx', 'flow'] as const,
    default: 'auto' as const,
    describe: 'parser; auto picks by extension',
  },
  format: {
    choices: ['auto', 'prettier', 'none'] as const,
    default: 'auto' as const,
    describe:
      "auto: prettier on changed files only where the project has a prettier config; prettier: always. Uses the project's own prettier " +
      '(and the plugins its config names) when installed, else the one remodel bundles; --verbose says which version ran',
  },
  verify: {
    type: 'boolean',
    default: true,
    describe: 'project transforms: type-check affected files before and after in memory; new errors block the change (exit 3)',
  },
  timeout: {
    type: 'number',
    default: 60,
    describe: 'seconds a per-file transform may spend on one file; a file that takes longer fails (reason timeout)',
  },
  cache: { type: 'boolean', default: true, describe: 'reuse results of earlier runs for unchanged files (--no-cache: off)' },
  'cache-dir': { type: 'string', describe: 'cache folder (default: node_modules/.cache/remodel of the nearest package)' },
} satisfies OptionTable;

/** How much is said. */
export const OUTPUT_OPTIONS = {
  verbose: {
    alias: 'v',
    type: 'boolean',
    default: false,
    describe: 'list every finding, stack traces of crashes, and which prettier and TypeScript ran',
  },
} satisfies OptionTable;

/** The shared tables, in the order `--help` shows them. */
export const SHARED_OPTION_GROUPS: Array<[heading: string, table: OptionTable]> = [
  ['Input options:', INPUT_OPTIONS],
  ['Engine options:', ENGINE_OPTIONS],
  ['Output options:', OUTPUT_OPTIONS],
];

/** `<transform> [paths..]`: the same for both commands. */
export function transformPositionals(y: Argv) {
  return y
    .positional('transform', {
      type: 'string',
      describe:
        'built-in transform, recipe (built-in or from the config), local transform, or path to a transform module (TS/JS, ESM/CJS, remodel or jscodeshift)',
    })
    .positional('paths', { type: 'string', array: true, default: ['.'], describe: 'files, directories or globs (default: .)' });
}

/** Adds the input, engine and output options, each group under its own heading in `--help`. */
export function sharedOptions(y: Argv): Argv {
  let out = y;
  for (const [heading, table] of SHARED_OPTION_GROUPS) out = out.options(table).group(Object.keys(table), heading) as Argv;
  return out;
}

/**
 * The camelCased names (and aliases) of the options in these tables, plus yargs' own keys: what a command owns.
 * Every other `--flag` is a transform option.
 */
export function ownFlagNames(...tables: OptionTable[]): Set<string> {
  const names = new Set(['help', 'h', 'version', 'transform', 'paths', 'color']);
  for (const table of [...tables, ...SHARED_OPTION_GROUPS.map(([, t]) => t)]) {
    for (const [name, option] of Object.entries(table)) {
      names.add(camel(name));
      for (const alias of [option.alias ?? []].flat()) names.add(alias);
    }
  }
  return names;
}

/** The part of a run request the shared options decide. */
export type SharedRequest = Required<
  Pick<RunRequest, 'extensions' | 'ignore' | 'parser' | 'format' | 'jobs' | 'verify' | 'cache' | 'timeout' | 'includeGenerated'>
> &
  Pick<RunRequest, 'shard' | 'cacheDir'>;

export function sharedRequest(argv: Record<string, any>): SharedRequest {
  return {
    extensions: String(argv.extensions ?? INPUT_OPTIONS.extensions.default)
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean),
    ignore: ((argv.ignore ?? []) as unknown[]).map(String),
    shard: argv.shard === undefined ? undefined : String(argv.shard),
    includeGenerated: Boolean(argv.includeGenerated),
    parser: (argv.parser ?? 'auto') as ParserChoice,
    format: (argv.format ?? 'auto') as FormatMode,
    jobs: Math.max(1, Math.floor(Number(argv.jobs ?? ENGINE_OPTIONS.jobs.default) || 1)),
    verify: argv.verify !== false,
    cache: argv.cache !== false,
    cacheDir: argv.cacheDir === undefined ? undefined : String(argv.cacheDir),
    timeout: checkTimeout(argv.timeout),
  };
}

/** `--timeout <seconds>`: a positive number. */
export function checkTimeout(value: unknown): number {
  const seconds = Number(value ?? ENGINE_OPTIONS.timeout.default);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new UsageError(`--timeout must be a positive number of seconds (got ${String(value)})`);
  return seconds;
}

/** Shared options that change what a run produces (not how fast or how loudly): what "reproduce locally" repeats. */
const RESULT_OPTIONS = ['extensions', 'ignore', 'shard', 'include-generated', 'parser', 'format', 'verify', 'timeout'] as const;

/**
 * The flags that make `remodel run` do what this run did: the shared options that differ from their defaults, then
 * the transform's options.
 */
export function reproduceFlags(argv: Record<string, any>, transformOptions: Record<string, unknown>): string[] {
  const tables: OptionTable = { ...INPUT_OPTIONS, ...ENGINE_OPTIONS };
  const flags: string[] = [];
  const push = (name: string, value: unknown, fallback?: unknown) => {
    if (value === undefined || JSON.stringify(value) === JSON.stringify(fallback)) return;
    const flag = `--${name}`;
    if (value === true) flags.push(flag);
    else if (value === false) flags.push(`--no-${name}`);
    else if (Array.isArray(value)) for (const v of value) flags.push(flag, String(v));
    else flags.push(flag, String(value));
  };
  for (const name of RESULT_OPTIONS) push(name, argv[camel(name)], tables[name].default);
  for (const [key, value] of Object.entries(transformOptions)) push(kebab(key), value);
  return flags;
}
