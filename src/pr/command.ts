// `remodel pr` and `remodel init`: yargs builders and handlers. Kept light on purpose: the pipeline (engine,
// git, Octokit) is imported when the command runs, so `remodel --help` does not load it.
import { transformFlags } from '../cli-flags.js';
import { UsageError } from '../errors.js';
import type { Argv } from 'yargs';
import type { CliIO } from '../cli.js';
import type { FormatMode } from '../engine/format.js';
import type { ParserChoice } from '../types.js';

/** Exit codes of `remodel pr` (0–3 mean what they mean for `remodel run`). */
export const PR_EXIT = { ok: 0, usage: 2, failures: 3, foreignCommits: 4, remote: 5 } as const;

const PR_EPILOGUE = [
  'Runs like `remodel run`, on the latest base branch in a temporary git worktree (your checkout is never touched), commits the ' +
    'result on its own branch, pushes it with --force-with-lease and opens or updates one pull request through the GitHub REST API. ' +
    'Needs GITHUB_TOKEN (or GH_TOKEN) unless --dry. Any other --flag is passed to the transform.',
  'Exit codes: 0 done (pull request opened, updated or closed, or nothing to do), 2 usage or config error (no token, not a git ' +
    'checkout, bad --repo), 3 some files failed to transform (the pull request is still updated and lists them), 4 the branch has ' +
    'commits remodel did not make (nothing was changed), 5 GitHub API or git error (401/403/404/422, rate limit, push refused).',
].join('\n\n');

/** Flags `remodel pr` owns; every other `--flag` goes to the transform. */
const PR_FLAGS = new Set([
  'dry', 'branch', 'base', 'repo', 'remote', 'apiUrl', 'apiTimeout', 'label', 'title', 'author', 'keepStale', 'jobs', 'parser', 'format',
  'shard', 'extensions', 'ignore', 'verify', 'cache', 'cacheDir', 'verbose', 'help', 'version', 'transform', 'paths', 'color', 'j', 'v',
]);

export function prOptions(y: Argv) {
  return y
    .positional('transform', { type: 'string', describe: 'built-in transform name or path to a transform module (later: a recipe)' })
    .positional('paths', { type: 'string', array: true, default: ['.'], describe: 'files, directories or globs (default: .)' })
    .option('dry', { type: 'boolean', default: false, describe: 'print the branch, commit message and pull request body it would use; push and change nothing' })
    .option('branch', { type: 'string', describe: 'branch to keep up to date (default: remodel/<transform>, plus -shard-<i>-of-<n> with --shard)' })
    .option('base', { type: 'string', describe: "branch to build on and open the pull request against (default: the remote's default branch)" })
    .option('repo', { type: 'string', describe: 'owner/name on GitHub (default: $GITHUB_REPOSITORY, else parsed from the remote URL)' })
    .option('remote', { type: 'string', default: 'origin', describe: 'git remote to fetch from and push to' })
    .option('api-url', { type: 'string', describe: 'GitHub REST API URL (default: $GITHUB_API_URL or https://api.github.com; GitHub Enterprise: https://HOST/api/v3)' })
    .option('api-timeout', { type: 'number', default: 30, describe: 'seconds to wait for one answer of the GitHub API (no answer: retried twice, then exit 5)' })
    .option('label', { type: 'string', array: true, default: [] as string[], describe: 'label to put on the pull request (repeatable)' })
    .option('title', { type: 'string', describe: 'pull request title and commit subject (default: remodel: apply <transform>)' })
    .option('author', { type: 'string', describe: 'commit author "Name <email>" (default: $REMODEL_GIT_AUTHOR, $GIT_AUTHOR_NAME/EMAIL, git config user.*, else github-actions[bot])' })
    .option('keep-stale', { type: 'boolean', default: false, describe: 'when nothing is left to change, leave an open cleanup pull request open instead of closing it' })
    .option('jobs', { alias: 'j', type: 'number', describe: 'worker threads (default: number of cores)' })
    .option('parser', { choices: ['auto', 'babel', 'ts', 'tsx', 'flow'] as const, default: 'auto' as const, describe: 'parser; auto picks by extension' })
    .option('format', { choices: ['auto', 'prettier', 'none'] as const, default: 'auto' as const, describe: 'auto: prettier on changed files only where the project has a prettier config' })
    .option('shard', { type: 'string', describe: 'i/n: only shard i of n, on its own branch and pull request (CI matrices)' })
    .option('extensions', { type: 'string', describe: 'comma-separated file extensions to walk (default: js,jsx,mjs,cjs,ts,tsx,mts,cts)' })
    .option('ignore', { type: 'string', array: true, default: [] as string[], describe: 'gitignore-style pattern to skip (repeatable)' })
    .option('verify', { type: 'boolean', default: true, describe: 'project transforms: type-check affected files before and after; new errors block the change (exit 3)' })
    .option('cache', { type: 'boolean', default: true, describe: 'reuse results of earlier runs for unchanged files (--no-cache: off)' })
    .option('cache-dir', { type: 'string', describe: 'cache folder (default: node_modules/.cache/remodel of the nearest package)' })
    .option('verbose', { alias: 'v', type: 'boolean', default: false, describe: 'list every finding and stack traces of crashes' })
    .epilogue(PR_EPILOGUE)
    .example('$0 pr no-var src --dry', 'show the branch, commit message and pull request body it would use')
    .example('GITHUB_TOKEN=... $0 pr no-var src --label refactoring', 'open or update the cleanup pull request')
    .example('$0 pr no-var . --shard 2/4', 'one shard of a CI matrix: its own branch remodel/no-var-shard-2-of-4');
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Unknown flags, camelCased by yargs, are the transform's options. */

/** The flags that make `remodel run` do what this run did (for the body's "reproduce locally"). */
function reproduceFlags(argv: Record<string, any>, options: Record<string, unknown>): string[] {
  const flags: string[] = [];
  if (argv.parser && argv.parser !== 'auto') flags.push('--parser', String(argv.parser));
  if (argv.format && argv.format !== 'auto') flags.push('--format', String(argv.format));
  if (argv.extensions) flags.push('--extensions', String(argv.extensions));
  for (const pattern of argv.ignore as string[]) flags.push('--ignore', String(pattern));
  if (argv.shard) flags.push('--shard', String(argv.shard));
  if (argv.verify === false) flags.push('--no-verify');
  for (const [key, value] of Object.entries(options)) {
    const flag = `--${kebab(key)}`;
    if (value === true) flags.push(flag);
    else if (value === false) flags.push(`--no-${kebab(key)}`);
    else if (Array.isArray(value)) for (const v of value) flags.push(flag, String(v));
    else flags.push(flag, String(value));
  }
  return flags;
}

function apiTimeout(value: unknown): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--api-timeout must be a number of seconds above 0, got "${String(value)}"`);
  return n;
}

export async function commandPr(argv: Record<string, any>, io: CliIO): Promise<number> {
  const { runPr } = await import('./run-pr.js');
  const options = transformFlags(argv, PR_FLAGS);
  const paths = (argv.paths as string[]).map(String);
  return runPr(
    {
      cwd: io.cwd,
      transform: String(argv.transform),
      paths,
      extensions: argv.extensions ? String(argv.extensions).split(',').map((e) => e.trim()).filter(Boolean) : undefined,
      ignore: (argv.ignore as string[]).map(String),
      shard: argv.shard ? String(argv.shard) : undefined,
      parser: argv.parser as ParserChoice,
      format: argv.format as FormatMode,
      jobs: argv.jobs !== undefined ? Math.max(1, Math.floor(Number(argv.jobs) || 1)) : undefined,
      options,
      verify: argv.verify !== false,
      cache: argv.cache !== false,
      cacheDir: argv.cacheDir,
      reproduce: [String(argv.transform), ...paths, ...reproduceFlags(argv, options)],
      branch: argv.branch,
      base: argv.base,
      repo: argv.repo,
      remote: String(argv.remote),
      apiUrl: argv.apiUrl,
      apiTimeout: apiTimeout(argv.apiTimeout),
      labels: (argv.label as string[]).map(String).filter(Boolean),
      title: argv.title,
      author: argv.author,
      keepStale: Boolean(argv.keepStale),
      dry: Boolean(argv.dry),
      verbose: Boolean(argv.verbose),
      env: process.env,
    },
    io,
  );
}

export function initOptions(y: Argv) {
  return y
    .option('workflow', { type: 'boolean', default: false, describe: 'write .github/workflows/remodel-cleanup.yml: a weekly job that runs `remodel pr`' })
    .option('recipe', { type: 'string', default: 'no-var', describe: 'transform (later: recipe) the workflow runs' })
    .option('cron', { type: 'string', default: '17 4 * * 1', describe: 'schedule, in cron syntax, UTC (default: Mondays 04:17)' })
    .option('force', { type: 'boolean', default: false, describe: 'overwrite an existing workflow file' })
    .epilogue('Exit codes: 0 written, 2 usage error (nothing to set up, unknown transform, the file exists without --force).')
    .example('$0 init --workflow', 'scheduled cleanup pull requests with no-var')
    .example('$0 init --workflow --recipe template-literals --cron "0 6 * * 1-5"', 'another transform, every weekday');
}

export async function commandInit(argv: Record<string, any>, io: CliIO): Promise<number> {
  const { writeWorkflow } = await import('./workflow.js');
  return writeWorkflow({ cwd: io.cwd, workflow: Boolean(argv.workflow), recipe: String(argv.recipe), cron: String(argv.cron), force: Boolean(argv.force) }, io);
}
