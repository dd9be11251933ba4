// `remodel pr` and `remodel init`: yargs builders and handlers. Kept light on purpose: the pipeline (engine,
// git, Octokit) is imported when the command runs, so `remodel --help` does not load it.
import type { Argv } from 'yargs';
import { transformFlags } from '../cli-flags.js';
import { PR_EXIT, type CliIO } from '../cli-io.js';
import { ownFlagNames, reproduceFlags, sharedOptions, sharedRequest, transformPositionals } from '../cli-options.js';
import { UsageError } from '../errors.js';

export { PR_EXIT } from '../cli-io.js';

const PR_EPILOGUE = [
  'Runs like `remodel run` (a transform, or a recipe: its steps in order, committed as one change), on the latest base branch in a ' +
    'temporary git worktree (your checkout is never touched), commits the result on its own branch, pushes it with --force-with-lease ' +
    'and opens or updates one pull request through the GitHub REST API. Needs GITHUB_TOKEN (or GH_TOKEN) unless --dry. Any other ' +
    '--flag is passed to the transform (to the recipe steps that declare it).',
  `Exit codes: ${PR_EXIT.ok} done (pull request opened, updated or closed, or nothing to do), ${PR_EXIT.usage} usage or config error (no token, not a git ` +
    `checkout, bad --repo), ${PR_EXIT.failures} some files failed to transform (the pull request is still updated and lists them), ${PR_EXIT.foreignCommits} the branch has ` +
    `commits remodel did not make (nothing was changed), ${PR_EXIT.remote} GitHub API or git error (401/403/404/422, rate limit, push refused).`,
].join('\n\n');

/** Options only `remodel pr` has: where the result goes on GitHub. */
const PR_OPTIONS = {
  dry: { type: 'boolean', default: false, describe: 'print the branch, commit message and pull request body it would use; push and change nothing' },
  branch: { type: 'string', describe: 'branch to keep up to date (default: remodel/<transform or recipe>, plus -shard-<i>-of-<n> with --shard)' },
  base: { type: 'string', describe: "branch to build on and open the pull request against (default: the remote's default branch)" },
  repo: { type: 'string', describe: 'owner/name on GitHub (default: $GITHUB_REPOSITORY, else parsed from the remote URL)' },
  remote: { type: 'string', default: 'origin', describe: 'git remote to fetch from and push to' },
  'api-url': {
    type: 'string',
    describe: 'GitHub REST API URL (default: $GITHUB_API_URL or https://api.github.com; GitHub Enterprise: https://HOST/api/v3)',
  },
  'api-timeout': { type: 'number', default: 30, describe: 'seconds to wait for one answer of the GitHub API (no answer: retried twice, then exit 5)' },
  label: { type: 'string', array: true, default: [] as string[], describe: 'label to put on the pull request (repeatable)' },
  title: { type: 'string', describe: 'pull request title and commit subject (default: remodel: apply <transform or recipe>)' },
  author: {
    type: 'string',
    describe: 'commit author "Name <email>" (default: $REMODEL_GIT_AUTHOR, $GIT_AUTHOR_NAME/EMAIL, git config user.*, else github-actions[bot])',
  },
  'keep-stale': { type: 'boolean', default: false, describe: 'when nothing is left to change, leave an open cleanup pull request open instead of closing it' },
} as const;

/** Flags `remodel pr` owns; every other `--flag` goes to the transform. */
const PR_FLAGS = ownFlagNames(PR_OPTIONS);

export function prOptions(y: Argv) {
  return sharedOptions(transformPositionals(y).options(PR_OPTIONS).group(Object.keys(PR_OPTIONS), 'Pull request options:'))
    .epilogue(PR_EPILOGUE)
    .example('$0 pr no-var src --dry', 'show the branch, commit message and pull request body it would use')
    .example('GITHUB_TOKEN=... $0 pr no-var src --label refactoring', 'open or update the cleanup pull request')
    .example('GITHUB_TOKEN=... $0 pr modernize src', 'a recipe: all its steps in one commit on branch remodel/modernize')
    .example('$0 pr no-var . --shard 2/4', 'one shard of a CI matrix: its own branch remodel/no-var-shard-2-of-4');
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
      ...sharedRequest(argv),
      options,
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
    .option('recipe', { type: 'string', default: 'no-var', describe: 'transform or recipe (built-in or from the config) the workflow runs' })
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
