import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCacheDir } from '../cache.js';
import { summarize } from '../changeset.js';
import type { CliIO } from '../cli-io.js';
import { parseShard } from '../discover.js';
import { resolveOptions } from '../options.js';
import { findRecipe, loadConfig } from '../config.js';
import { UsageError, loadTransform, resolveTransformSpec } from '../registry.js';
import { executePlan, planRun, type RunRequest } from '../run.js';
import { applyChangeSet } from '../sinks/apply.js';
import { renderErrors, renderSummary } from '../sinks/report.js';
import { bodyHash, commitMessage, prTitle, renderBody, type PrContext, type StepResult } from './body.js';
import { PR_EXIT } from '../cli-io.js';
import * as g from './git-ops.js';
import { GitHub, GitHubError, parseRepo, repoFromRemoteUrl, type PullRequest, type RepoId } from './github.js';
import { addSecret, redact } from './redact.js';
import { toPosix } from '../paths.js';
import { pidAlive } from '../sinks/tree-lock.js';

export interface PrRequest extends Omit<RunRequest, 'dry'> {
  /** Arguments after `remodel run` that reproduce the run locally. */
  reproduce: string[];
  /** Project transforms: type-check before and after (default true). */
  verify?: boolean;
  branch?: string;
  base?: string;
  repo?: string;
  remote: string;
  apiUrl?: string;
  /** Seconds to wait for one answer of the GitHub API (default 30). */
  apiTimeout?: number;
  labels: string[];
  title?: string;
  author?: string;
  keepStale: boolean;
  dry: boolean;
  verbose: boolean;
  env: NodeJS.ProcessEnv;
}

/** Used when nothing else names an author: the identity GitHub shows for commits made in Actions. */
const BOT: g.Identity = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };

const short = (sha: string) => sha.slice(0, 7);

function remodelVersion(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'remodel') return pkg.version ?? '0.0.0';
    }
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}

/**
 * `remodel pr`: the change set of `remodel run` on the latest base branch, committed on remodel's own branch and
 * kept in one pull request. Order matters for "nothing half-done": everything that can fail without side effects
 * (options, remote, transform run, GitHub read access) comes before the push, and the push comes before the
 * pull request, so a failure after the push leaves a branch that the next run finds and completes.
 */
export async function runPr(req: PrRequest, io: CliIO): Promise<number> {
  const token = req.env.GITHUB_TOKEN || req.env.GH_TOKEN || undefined;
  addSecret(req.env.GITHUB_TOKEN);
  addSecret(req.env.GH_TOKEN);
  const log = (s: string) => io.stderr(redact(s) + '\n');
  // Killed by SIGTERM/SIGINT (a cancelled CI job): remove the private refs and the temporary worktree first.
  const onSignal = (signal: NodeJS.Signals) => {
    runCleanups();
    // Then die of the signal as if remodel had not caught it (the shell sees 128 + its number).
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('SIGINT', onSignal);
    process.kill(process.pid, signal);
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  try {
    return await pr(req, io, token, log);
  } catch (err) {
    if (err instanceof g.GitMissingError) throw new UsageError(err.message);
    if (err instanceof GitHubError || err instanceof g.GitError) {
      log(`remodel: ${err.message}`);
      return PR_EXIT.remote;
    }
    if (err instanceof g.LeaseError) {
      log(`remodel: ${err.message} (someone pushed to it); nothing was pushed. Run remodel pr again to see what is there now.`);
      return PR_EXIT.foreignCommits;
    }
    if (err instanceof UsageError) throw new UsageError(redact(err.message));
    throw err;
  } finally {
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('SIGINT', onSignal);
  }
}

/** Synchronous undo steps for what a run creates outside the user's files, run on SIGTERM/SIGINT. */
const cleanups = new Set<() => void>();

function runCleanups(): void {
  for (const fn of [...cleanups].reverse()) {
    try {
      fn();
    } catch {
      // best effort: the next run removes what is left (refs of dead pids, the stable worktree path)
    }
  }
  cleanups.clear();
}

const gitSync = (cwd: string, args: string[]) => execFileSync('git', args, { cwd, stdio: 'ignore' });

async function pr(req: PrRequest, io: CliIO, token: string | undefined, log: (s: string) => void): Promise<number> {
  const root = await g.toplevel(req.cwd);
  if (!root) throw new UsageError('remodel pr needs a git checkout of the repository (e.g. after actions/checkout)');
  // Private refs of earlier runs that were killed before they could remove them.
  const stale = await g.removeStaleTempRefs(root, pidAlive);
  if (stale.length && req.verbose) log(`removed ${stale.length} leftover ref(s) of killed runs under refs/remodel-tmp/`);
  const subdir = toPosix(path.relative(fs.realpathSync(root), fs.realpathSync(req.cwd)));

  // What runs: one transform, or a recipe as one step (its transforms in order, one change set, one commit); bad
  // names or options are usage errors before any network access.
  const config = await loadConfig(req.cwd);
  const recipe = findRecipe(req.transform, config);
  let name: string;
  let stepTransforms: string[];
  if (recipe) {
    for (const step of recipe.steps) await loadTransform(resolveTransformSpec(step.transform, req.cwd, config.transformDirs));
    name = recipe.name;
    stepTransforms = [recipe.name];
  } else {
    const spec = resolveTransformSpec(req.transform, req.cwd, config.transformDirs);
    const transform = await loadTransform(spec);
    resolveOptions(transform, req.options ?? {});
    stepTransforms = [spec.kind === 'builtin' ? spec.name : spec.kind === 'path' ? spec.path : req.transform];
    name = transform.meta.name;
  }

  const shard = req.shard ? parseShard(req.shard) : undefined;
  const branch = req.branch ?? `remodel/${slug(name)}${shard ? `-shard-${shard.index}-of-${shard.count}` : ''}`;
  await g.git(['check-ref-format', '--branch', branch], { cwd: root }).catch(() => {
    throw new UsageError(`invalid branch name "${branch}"`);
  });

  if (!req.dry && !token) {
    throw new UsageError(
      'GITHUB_TOKEN is not set: remodel pr needs a token that may push branches and open pull requests ' +
        '(in a workflow: `env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}`); --dry works without one',
    );
  }
  const repo = await resolveRepo(req, root);
  if (!repo && !req.dry) {
    throw new UsageError(`cannot tell the GitHub repository: pass --repo owner/name or set GITHUB_REPOSITORY (the ${req.remote} URL is not a GitHub URL)`);
  }
  const apiUrl = req.apiUrl || req.env.GITHUB_API_URL || 'https://api.github.com';
  const version = remodelVersion();
  const github = token && repo ? new GitHub(token, apiUrl, repo, `remodel/${version}`, req.apiTimeout) : undefined;
  const who = await resolveIdentity(req, root);

  // Where: the base branch and the state of remodel's branch on the remote.
  let refs = await g.lsRemote(root, req.remote, [req.base, branch].filter((b): b is string => Boolean(b)));
  const base = req.base ?? refs.defaultBranch ?? (github ? await github.defaultBranch() : undefined);
  if (!base) throw new UsageError(`cannot tell the default branch of ${req.remote}: pass --base`);
  if (!req.base) refs = { ...refs, heads: (await g.lsRemote(root, req.remote, [base, branch])).heads };
  if (branch === base || branch === refs.defaultBranch) {
    throw new UsageError(`--branch ${branch} is the base or default branch; remodel pr only ever pushes to a branch of its own`);
  }
  if (!refs.heads.has(base)) throw new UsageError(`base branch ${base} not found on ${req.remote}`);

  const ns = `refs/remodel-tmp/${process.pid}-${randomBytes(4).toString('hex')}`;
  const remoteHas = refs.heads.has(branch);
  const removeRefs = () => {
    gitSync(root, ['update-ref', '-d', `${ns}/base`]);
    gitSync(root, ['update-ref', '-d', `${ns}/head`]);
  };
  cleanups.add(removeRefs);
  try {
    await g.fetchInto(root, req.remote, [
      { branch: base, ref: `${ns}/base` },
      ...(remoteHas ? [{ branch, ref: `${ns}/head` }] : []),
    ]);
    const baseSha = await g.revParse(root, `${ns}/base`);
    const baseTree = await g.treeOf(root, baseSha);
    const head = remoteHas ? await g.readCommit(root, await g.revParse(root, `${ns}/head`)) : undefined;

    // Run in a temporary worktree at the base commit and commit the result as a tree.
    const { steps, tree, root: runRoot, blocked } = await runSteps(req, root, subdir, baseSha, stepTransforms, branch, log);
    for (const step of steps) {
      io.stderr(redact(renderErrors(step.changeSet, { color: io.colorErr, verbose: req.verbose })));
      io.stderr(redact(renderSummary(step.changeSet, { color: io.colorErr, dry: req.dry, verbose: req.verbose })));
    }
    if (blocked) {
      log(`remodel: ${blocked.message}`);
      return blocked.code;
    }
    const failed = steps.reduce((n, s) => n + summarize(s.changeSet).errors, 0);
    const finish = (code: number) => (code === PR_EXIT.ok && failed ? PR_EXIT.failures : code);

    const ctx: PrContext = { name, shard: req.shard, base, branch, subdir, root: runRoot, steps, version, title: req.title };
    const title = prTitle(ctx);
    const { body, hash } = renderBody(ctx);
    const message = commitMessage(ctx, tree);
    const hasChanges = tree !== baseTree;
    const owner = head ? ownership(head) : undefined;

    if (req.dry) {
      const openPr = github ? (await github.pullsFrom(branch, 'open'))[0] : undefined;
      const what = plannedAction({ hasChanges, failed, head, owner, openPr, keepStale: req.keepStale, tree, baseSha, github: Boolean(github) });
      const lines = [
        `branch: ${branch} (${head ? `on ${req.remote} at ${short(head.sha)}${owner?.ours ? '' : ', with commits remodel did not make'}` : `not on ${req.remote} yet`})`,
        `base: ${base} (${short(baseSha)})`,
        `repository: ${repo ? `${repo.owner}/${repo.repo}` : '(unknown: pass --repo)'}`,
        `author: ${who.name} <${who.email}>`,
        ...(req.labels.length ? [`labels: ${req.labels.join(', ')}`] : []),
        `would: ${what}`,
      ];
      if (hasChanges) lines.push('', '--- commit message ---', message, '', `--- pull request: ${title} ---`, body);
      io.stdout(redact(lines.join('\n') + '\n'));
      return finish(head && !owner?.ours ? PR_EXIT.foreignCommits : PR_EXIT.ok);
    }

    const gh = github!;
    // Reading first also checks the token and the repository before anything is pushed.
    const openPr = (await gh.pullsFrom(branch, 'open'))[0];
    if (head && !owner!.ours) {
      log(
        `remodel: branch ${branch} on ${req.remote} has commits remodel did not make, so remodel leaves it` +
          `${openPr ? ` and pull request #${openPr.number}` : ''} alone: its head ${short(head.sha)} "${head.subject}" ` +
          `by ${head.author.name} <${head.author.email}> ${owner!.why}.\n` +
          `Merge the pull request, or delete the branch to let remodel start over: git push ${req.remote} --delete ${branch}`,
      );
      return PR_EXIT.foreignCommits;
    }

    if (!hasChanges && failed) {
      // Files that failed might be exactly the ones left to change: not a reason to close anything.
      log(`nothing to change on ${base} in the files that could be read, but ${failed} file(s) failed; leaving branch and pull request as they are`);
      return PR_EXIT.failures;
    }
    if (!hasChanges) {
      log(`nothing left to change on ${base}`);
      if (openPr && req.keepStale) {
        log(`leaving pull request #${openPr.number} open (--keep-stale)`);
        io.stdout(`${openPr.html_url}\n`);
        return finish(PR_EXIT.ok);
      }
      if (openPr) {
        await gh.comment(
          openPr.number,
          `remodel found nothing left to change on \`${base}\` (the changes are there already, or the code they touched is gone), ` +
            'so this pull request is closed. A new one opens when there is something to change again.',
        );
        await gh.update(openPr.number, { state: 'closed' });
        log(`closed pull request #${openPr.number} ${openPr.html_url}`);
      }
      if (head) {
        try {
          await g.pushBranch(root, req.remote, branch, undefined, head.sha);
        } catch (err) {
          if (err instanceof g.GitError) {
            throw new g.GitError(`could not delete branch ${branch} on ${req.remote} (the next run tries again): ${err.message}`, err.args, err.stderr);
          }
          throw err;
        }
        log(`deleted branch ${branch} on ${req.remote}`);
      }
      if (!openPr && !head) log('no cleanup pull request is open; nothing to do');
      return finish(PR_EXIT.ok);
    }

    // Push unless the branch already holds exactly this result on exactly this base.
    let pushed: string | undefined;
    if (head && head.tree === tree && head.parents[0] === baseSha) {
      log(`branch ${branch} already holds this result (${short(head.sha)}); nothing to push`);
    } else {
      const commit = await g.commitTree(root, tree, baseSha, message, who);
      if (branch === base) throw new Error('refusing to push to the base branch'); // checked above; never push there
      await g.pushBranch(root, req.remote, branch, commit, head?.sha);
      pushed = commit;
      log(`pushed ${branch} (${short(commit)}) on top of ${base} (${short(baseSha)})`);
    }

    try {
      if (openPr) {
        await updatePr(gh, openPr, { title, body, hash, base, labels: req.labels }, log);
        io.stdout(`${openPr.html_url}\n`);
        return finish(PR_EXIT.ok);
      }
      if (head && !pushed) {
        // Someone closed a pull request of exactly this commit without merging: do not reopen it every run.
        const closed = (await gh.pullsFrom(branch, 'closed')).find((p) => !p.merged_at && p.head.sha === head.sha);
        if (closed) {
          log(
            `pull request #${closed.number} with exactly this change was closed without merging; not opening it again. ` +
              `remodel opens a new one when the result changes (or delete branch ${branch} to get one now).`,
          );
          return finish(PR_EXIT.ok);
        }
      }
      const created = await gh.create({ title, body, head: branch, base });
      log(`opened pull request #${created.number} ${created.html_url}`);
      if (req.labels.length) await gh.addLabels(created.number, req.labels);
      io.stdout(`${created.html_url}\n`);
      return finish(PR_EXIT.ok);
    } catch (err) {
      if (err instanceof GitHubError && pushed) {
        throw new GitHubError(
          `pushed ${branch} (${short(pushed)}), but the pull request is not up to date: ${err.message} ` +
            'The next run finds the branch and completes the pull request without pushing again.',
          err.status,
        );
      }
      throw err;
    }
  } finally {
    cleanups.delete(removeRefs);
    await g.deleteRef(root, `${ns}/base`);
    await g.deleteRef(root, `${ns}/head`);
  }
}

/** Why a step's change must not be committed (a project transform refused, or its change breaks types). */
interface Blocked {
  code: number;
  message: string;
}

/**
 * Runs each step in a temporary worktree at `baseSha`, applies its change set there and writes the tree. The
 * checkout's top-level node_modules is linked into the worktree (and never committed), so that prettier plugins
 * and type-checking see the project's dependencies exactly as `remodel run` in the checkout does.
 */
async function runSteps(
  req: PrRequest,
  repoRoot: string,
  subdir: string,
  baseSha: string,
  transforms: string[],
  branch: string,
  log: (s: string) => void,
): Promise<{ steps: StepResult[]; tree: string; root: string; blocked?: Blocked }> {
  const wt = await g.addWorktree(repoRoot, baseSha, branch);
  const modules = path.join(wt.dir, 'node_modules');
  let linked = false;
  const removeWorktree = () => {
    if (linked) fs.unlinkSync(modules); // the link only: never anything behind it
    linked = false;
    fs.rmSync(wt.dir, { recursive: true, force: true });
    gitSync(repoRoot, ['worktree', 'prune']);
  };
  cleanups.add(removeWorktree);
  try {
    if (fs.existsSync(path.join(repoRoot, 'node_modules')) && !fs.existsSync(modules)) {
      fs.symlinkSync(path.join(repoRoot, 'node_modules'), modules, 'junction');
      linked = true;
    }
    const cwd = path.join(wt.dir, subdir);
    if (!fs.existsSync(cwd)) throw new UsageError(`${subdir}/ does not exist on the base branch`);
    const steps: StepResult[] = [];
    for (const transform of transforms) {
      const request: RunRequest & { verify?: boolean } = {
        cwd,
        transform,
        paths: req.paths,
        extensions: req.extensions,
        ignore: req.ignore,
        shard: req.shard,
        parser: req.parser,
        format: req.format,
        jobs: req.jobs,
        timeout: req.timeout,
        includeGenerated: req.includeGenerated,
        dry: false,
        options: req.options,
        verify: req.verify,
        // The cache of the user's checkout (not of the temporary worktree, which is removed after the run).
        cache: req.cache,
        cacheDir: req.cacheDir ? path.resolve(req.cwd, req.cacheDir) : defaultCacheDir(req.cwd),
      };
      const plan = await planRun(request);
      if (req.verbose) log(`${plan.name}: ${plan.files.length} files`);
      const changeSet = await executePlan(plan);
      if (req.verbose) {
        const { describeTools, toolsUsed } = await import('../tools-used.js');
        const tools = await toolsUsed(plan, changeSet, { format: req.format ?? 'auto', verify: req.verify !== false });
        if (Object.keys(tools).length) changeSet.tools = tools;
        const said = describeTools(tools, cwd).trimEnd();
        if (said) log(said);
      }
      steps.push({ plan, changeSet, reproduce: req.reproduce });
      // Project transforms may refuse, or find that their change introduces type errors: as with `remodel run`,
      // nothing of it is written, and here nothing is committed or pushed either.
      const extra = changeSet as { refusal?: string; newDiagnostics?: Array<{ path: string; line?: number; column?: number; code: number; message: string }> };
      if (extra.refusal) {
        return { steps, tree: '', root: wt.dir, blocked: { code: PR_EXIT.usage, message: `${changeSet.transform} made no change: ${extra.refusal}` } };
      }
      if (extra.newDiagnostics?.length) {
        const list = extra.newDiagnostics.map((d) => `${d.path}${d.line ? `:${d.line}:${d.column}` : ''} error TS${d.code}: ${d.message}`);
        return {
          steps,
          tree: '',
          root: wt.dir,
          blocked: { code: PR_EXIT.failures, message: `the change introduces ${list.length} type error(s); nothing was pushed\n${list.join('\n')}` },
        };
      }
      // Written into the temporary worktree only; the next step (of a recipe) sees this result.
      const applied = await applyChangeSet(changeSet);
      if (applied.failed.length) {
        throw new Error(`could not write ${applied.failed[0].change.path} in the temporary worktree: ${applied.failed[0].message}`);
      }
    }
    const tree = await g.stageAndWriteTree(wt.dir, linked ? ['node_modules'] : []);
    return { steps, tree, root: wt.dir };
  } finally {
    cleanups.delete(removeWorktree);
    if (linked) fs.unlinkSync(modules); // the link only: never anything behind it
    linked = false;
    await wt.remove();
  }
}

/** Title, body (by hash), base and missing labels: each sent only when it differs. Labels added by people stay. */
async function updatePr(
  gh: GitHub,
  pr: PullRequest,
  want: { title: string; body: string; hash: string; base: string; labels: string[] },
  log: (s: string) => void,
): Promise<void> {
  const patch: { title?: string; body?: string; base?: string } = {};
  if (pr.title !== want.title) patch.title = want.title;
  if (bodyHash(pr.body) !== want.hash) patch.body = want.body;
  if (pr.base.ref !== want.base) patch.base = want.base;
  const fields = Object.keys(patch);
  if (fields.length) {
    await gh.update(pr.number, patch);
    log(`updated pull request #${pr.number} (${fields.join(', ')}) ${pr.html_url}`);
  } else {
    log(`pull request #${pr.number} is up to date ${pr.html_url}`);
  }
  const have = new Set(pr.labels.map((l) => l.name));
  const missing = want.labels.filter((l) => !have.has(l));
  if (missing.length) await gh.addLabels(pr.number, missing);
}

/**
 * A commit is remodel's when its message carries the `Remodel-Run` trailer and its tree is the one recorded in
 * `Remodel-Tree`: a commit someone else made, a merge (GitHub's "Update branch"), or remodel's commit amended or
 * rebased with other content are all someone else's work, which remodel must not overwrite.
 */
function ownership(head: g.CommitInfo): { ours: boolean; why: string } {
  const t = g.trailers(head.message);
  if (!t.has('remodel-run')) return { ours: false, why: 'was not made by remodel' };
  if (head.parents.length !== 1) return { ours: false, why: 'is a merge commit' };
  if (t.get('remodel-tree') !== head.tree) return { ours: false, why: "has remodel's message but content remodel did not commit (amended or rebased)" };
  return { ours: true, why: '' };
}

function plannedAction(s: {
  hasChanges: boolean;
  failed: number;
  head?: g.CommitInfo;
  owner?: { ours: boolean; why: string };
  openPr?: PullRequest;
  keepStale: boolean;
  tree: string;
  baseSha: string;
  github: boolean;
}): string {
  if (s.head && !s.owner?.ours) return `stop (exit 4): the branch head ${short(s.head.sha)} "${s.head.subject}" ${s.owner?.why}`;
  const pr = s.openPr ? `pull request #${s.openPr.number}` : s.github ? 'a new pull request' : 'the pull request (no GITHUB_TOKEN: not looked up)';
  if (!s.hasChanges && s.failed) return `nothing to change, but ${s.failed} file(s) failed: leave branch and pull request as they are`;
  if (!s.hasChanges) {
    if (s.openPr) return s.keepStale ? `nothing to change; leave ${pr} open (--keep-stale)` : `nothing to change; close ${pr} and delete the branch`;
    return s.head ? 'nothing to change; delete the branch' : 'nothing to change; nothing to do';
  }
  const same = s.head && s.head.tree === s.tree && s.head.parents[0] === s.baseSha;
  return `${same ? 'keep the branch as it is (same result)' : 'commit and push the branch'}, then ${s.openPr ? 'update' : 'open'} ${pr}`;
}

async function resolveRepo(req: PrRequest, root: string): Promise<RepoId | undefined> {
  if (req.repo) return parseRepo(req.repo, '--repo');
  if (req.env.GITHUB_REPOSITORY) return parseRepo(req.env.GITHUB_REPOSITORY, 'GITHUB_REPOSITORY');
  const url = await g.remoteUrl(root, req.remote);
  return url ? repoFromRemoteUrl(url) : undefined;
}

/** --author, $REMODEL_GIT_AUTHOR, git's own $GIT_AUTHOR_NAME/EMAIL, git config user.name/email, else the Actions bot. */
async function resolveIdentity(req: PrRequest, root: string): Promise<g.Identity> {
  const parse = (spec: string, from: string): g.Identity => {
    const m = /^\s*([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(spec);
    if (!m) throw new UsageError(`${from} must look like "Name <email>", got "${spec}"`);
    return { name: m[1], email: m[2] };
  };
  if (req.author) return parse(req.author, '--author');
  if (req.env.REMODEL_GIT_AUTHOR) return parse(req.env.REMODEL_GIT_AUTHOR, 'REMODEL_GIT_AUTHOR');
  if (req.env.GIT_AUTHOR_NAME && req.env.GIT_AUTHOR_EMAIL) return { name: req.env.GIT_AUTHOR_NAME, email: req.env.GIT_AUTHOR_EMAIL };
  const [name, email] = await Promise.all([g.configValue(root, 'user.name'), g.configValue(root, 'user.email')]);
  return name && email ? { name, email } : BOT;
}

/** A transform name as a branch-name component. */
function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'transform';
}
