import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from './support/cli-in-process.js';
import { cliPath, git, repoRoot, runCli, tempDir, writeFiles, type CliResult } from './support/helpers.js';
import { startFakeGitHub, type FakeGitHub, type RecordedRequest } from './support/pr-github.js';

const TOKEN = 'ghs_remodelTestToken0123456789abcdef';
const OWNER = 'acme';
const REPO = 'legacy';
const BRANCH = 'remodel/no-var';

const LEGACY = {
  'src/a.js': "var fs = require('fs');\nvar count = 0;\nfunction inc() {\n  count++;\n}\nmodule.exports = { fs, inc };\n",
  'src/b.js': "var msg = 'hi';\nmodule.exports = msg;\n",
  'src/clean.js': 'const x = 1;\nmodule.exports = x;\n',
  'README.md': '# legacy\n',
};

/** A bare `origin`, a working clone of it with LEGACY on `main`, and a stand-in GitHub API that knows both. */
interface Setup {
  dir: string;
  origin: string;
  clone: string;
  github: FakeGitHub;
}

async function setUp(): Promise<Setup> {
  const dir = tempDir('remodel-pr-test-');
  const origin = path.join(dir, 'origin.git');
  const clone = path.join(dir, 'clone');
  git(dir, 'init', '-q', '--bare', '-b', 'main', origin);
  fs.mkdirSync(clone);
  writeFiles(clone, LEGACY);
  git(clone, 'init', '-q', '-b', 'main');
  git(clone, 'config', 'core.autocrlf', 'false');
  git(clone, 'add', '-A');
  git(clone, 'commit', '-q', '-m', 'initial');
  git(clone, 'remote', 'add', 'origin', origin);
  git(clone, 'push', '-q', '-u', 'origin', 'main');
  const github = await startFakeGitHub({ token: TOKEN, owner: OWNER, repo: REPO, defaultBranch: 'main', originDir: origin });
  return { dir, origin, clone, github };
}

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    GITHUB_TOKEN: TOKEN,
    GH_TOKEN: '',
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: '',
    REMODEL_GIT_AUTHOR: 'remodel-bot <remodel-bot@example.com>',
    ...extra,
  };
}

const prArgs = (s: Setup, args: string[]) => ['pr', 'no-var', 'src', '--api-url', s.github.url, '--label', 'cleanup', ...args];

/**
 * `remodel pr` by the built CLI's entry point in this process (support/cli-in-process.ts: same code and environment
 * as a spawned CLI, without a Node start-up per run); `prProcess` spawns it, where the test is about the process
 * (its pid, its PATH).
 */
function pr(s: Setup, args: string[] = [], extraEnv: Record<string, string> = {}): Promise<CliResult> {
  return runCliInProcess(prArgs(s, args), s.clone, env(extraEnv));
}

function prProcess(s: Setup, args: string[] = [], extraEnv: Record<string, string> = {}): CliResult {
  return runCli(prArgs(s, args), s.clone, env(extraEnv));
}

/** `git` in the bare origin. */
function originGit(s: Setup, ...args: string[]): string {
  return git(s.dir, '--git-dir', s.origin, ...args).trim();
}

function originBranch(s: Setup): string | undefined {
  try {
    return originGit(s, 'rev-parse', '--verify', '--quiet', `refs/heads/${BRANCH}`);
  } catch {
    return undefined;
  }
}

/** Pushes a commit to origin's main from the clone, as a person would. */
function commitToMain(s: Setup, files: Record<string, string>, message: string): void {
  writeFiles(s.clone, files);
  git(s.clone, 'add', '-A');
  git(s.clone, 'commit', '-q', '-m', message);
  git(s.clone, 'push', '-q', 'origin', 'main');
}

const mutations = (requests: RecordedRequest[]) => requests.filter((r) => r.method !== 'GET');

function expectNoSecret(res: CliResult, secret = TOKEN): void {
  expect(res.stdout).not.toContain(secret);
  expect(res.stderr).not.toContain(secret);
}

/** The user's checkout after a run: still on main, clean, no extra worktree, no leftover private refs. */
function expectCheckoutUntouched(s: Setup): void {
  expect(git(s.clone, 'rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('main');
  expect(git(s.clone, 'status', '--porcelain')).toBe('');
  expect(git(s.clone, 'worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
  expect(git(s.clone, 'for-each-ref', 'refs/remodel-tmp')).toBe('');
  expect(git(s.clone, 'branch', '--list').trim()).toBe('* main');
}

describe('remodel pr and init: help', () => {
  it('pr --help and init --help list the options and the exit codes', () => {
    const help = runCli(['pr', '--help'], repoRoot);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--keep-stale');
    expect(help.stdout).toContain('--api-url');
    expect(help.stdout).toMatch(/Exit codes: 0 done[\s\S]*4 the branch has\s+commits remodel did not make[\s\S]*5 GitHub API or git error/);
    const init = runCli(['init', '--help'], repoRoot);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('--workflow');
    expect(init.stdout).toContain('Exit codes');
  });
});

describe('remodel pr: one pull request kept up to date against a real git remote and a stand-in GitHub API', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  });
  afterAll(async () => {
    await s?.github.stop();
  });

  it('--dry prints the branch, commit message and body, and pushes and changes nothing', async () => {
    const res = await pr(s, ['--dry']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`branch: ${BRANCH} (not on origin yet)`);
    expect(res.stdout).toMatch(/base: main \([0-9a-f]{7}\)/);
    expect(res.stdout).toContain('would: commit and push the branch, then open a new pull request');
    expect(res.stdout).toContain('--- commit message ---\nremodel: apply no-var\n');
    expect(res.stdout).toContain('\nRemodel-Run: remodel run no-var src\nRemodel-Tree: ');
    expect(res.stdout).toContain('--- pull request: remodel: apply no-var ---');
    expect(res.stdout).toContain('| `src/a.js` | +2 −2 |');
    expect(res.stdout).toContain('npx remodel run no-var src --dry');
    expectNoSecret(res);
    expect(originBranch(s)).toBeUndefined();
    expect(mutations((await s.github.state()).requests)).toEqual([]);
    expectCheckoutUntouched(s);

    const shard = await pr(s, ['--dry', '--shard', '1/2']);
    expect(shard.code).toBe(0);
    expect(shard.stdout).toContain(`branch: ${BRANCH}-shard-1-of-2 (not on origin yet)`);
    expect(shard.stdout).toContain('remodel: apply no-var (shard 1/2)');
  });

  it('first run: commits on remodel/no-var on top of main, pushes it and opens a labelled pull request', async () => {
    const res = await pr(s);
    expect(res.stderr).toContain('opened pull request #1');
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(`https://github.example/${OWNER}/${REPO}/pull/1\n`);
    expectNoSecret(res);

    // One commit by remodel's identity, on top of origin's main, changing exactly the legacy files.
    const main = originGit(s, 'rev-parse', 'refs/heads/main');
    expect(originGit(s, 'rev-parse', `${BRANCH}^`)).toBe(main);
    expect(originGit(s, 'log', '-1', '--format=%an <%ae>|%cn <%ce>', BRANCH)).toBe('remodel-bot <remodel-bot@example.com>|remodel-bot <remodel-bot@example.com>');
    const message = originGit(s, 'log', '-1', '--format=%B', BRANCH);
    expect(message.split('\n')[0]).toBe('remodel: apply no-var');
    expect(message).toContain('Remodel-Run: remodel run no-var src');
    expect(message).toContain(`Remodel-Tree: ${originGit(s, 'rev-parse', `${BRANCH}^{tree}`)}`);
    expect(originGit(s, 'diff', '--name-only', `main..${BRANCH}`).split('\n')).toEqual(['src/a.js', 'src/b.js']);
    expect(originGit(s, 'show', `${BRANCH}:src/b.js`)).toBe("const msg = 'hi';\nmodule.exports = msg;");
    expectCheckoutUntouched(s);

    const { pulls, requests } = await s.github.state();
    expect(pulls).toHaveLength(1);
    const [pull] = pulls;
    expect(pull).toMatchObject({ number: 1, state: 'open', title: 'remodel: apply no-var', head: { ref: BRANCH }, base: { ref: 'main' } });
    expect(pull.labels.map((l) => l.name)).toEqual(['cleanup']);
    expect(pull.body).toContain('| `no-var` |');
    expect(pull.body).toContain('| `src/a.js` | +2 −2 |');
    expect(pull.body).toContain('| `src/b.js` | +1 −1 |');
    expect(pull.body).toContain('| **total** | **2 files, +3 −3** |');
    expect(pull.body).toContain('npx remodel run no-var src --dry');
    expect(pull.body).toMatch(/<!-- remodel:body-hash=[0-9a-f]{64} -->/);
    expect(mutations(requests).map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /repos/${OWNER}/${REPO}/pulls`,
      `POST /repos/${OWNER}/${REPO}/issues/1/labels`,
    ]);
    expect(requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
    expect(requests.find((r) => r.method === 'GET')?.query).toMatchObject({ head: `${OWNER}:${BRANCH}`, state: 'open' });
  });

  it('second run with nothing new: no push, no pull request update (only reads)', async () => {
    const before = originBranch(s);
    const requestsBefore = (await s.github.state()).requests.length;
    const res = await pr(s);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('already holds this result');
    expect(res.stderr).toContain('pull request #1 is up to date');
    expect(originBranch(s)).toBe(before);
    const requests = (await s.github.state()).requests.slice(requestsBefore);
    expect(mutations(requests)).toEqual([]);
    expectNoSecret(res);
  });

  it('a new legacy file on main: the branch is rebuilt on the new main and the same pull request is updated', async () => {
    const before = originBranch(s);
    commitToMain(s, { 'src/c.js': "var later = require('later');\nmodule.exports = later;\n" }, 'add c.js');
    const requestsBefore = (await s.github.state()).requests.length;
    const res = await pr(s);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('updated pull request #1 (body)');
    const after = originBranch(s);
    expect(after).not.toBe(before);
    expect(originGit(s, 'rev-parse', `${BRANCH}^`)).toBe(originGit(s, 'rev-parse', 'refs/heads/main'));
    expect(originGit(s, 'rev-list', '--count', `main..${BRANCH}`)).toBe('1');
    expect(originGit(s, 'diff', '--name-only', `main..${BRANCH}`).split('\n')).toEqual(['src/a.js', 'src/b.js', 'src/c.js']);

    const { pulls, requests } = await s.github.state();
    expect(pulls).toHaveLength(1); // no duplicate
    expect(pulls[0].body).toContain('| `src/c.js` | +1 −1 |');
    expect(mutations(requests.slice(requestsBefore)).map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /repos/${OWNER}/${REPO}/pulls/1`]);
    expectCheckoutUntouched(s);
  });

  it('once main has everything: closes the pull request with a comment and deletes the branch', async () => {
    // Someone applies the cleanup on main by hand (as merging the pull request would).
    git(s.clone, 'pull', '-q', 'origin', 'main');
    const applied = await runCliInProcess(['run', 'no-var', 'src'], s.clone);
    expect(applied.code).toBe(0);
    git(s.clone, 'commit', '-q', '-am', 'no-var by hand');
    git(s.clone, 'push', '-q', 'origin', 'main');

    const res = await pr(s);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('nothing left to change on main');
    expect(res.stderr).toContain('closed pull request #1');
    const { pulls } = await s.github.state();
    expect(pulls).toHaveLength(1);
    expect(pulls[0].state).toBe('closed');
    expect(pulls[0].comments[0]).toContain('nothing left to change');
    expect(originBranch(s)).toBeUndefined();
    expectCheckoutUntouched(s);

    // And the run after that has nothing to do at all.
    const again = await pr(s);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('no cleanup pull request is open; nothing to do');
  });
});

describe('remodel pr: branches and pull requests it must not overwrite', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  });
  afterAll(async () => {
    await s?.github.stop();
  });

  it("someone else's commit on the branch stops the run (exit 4) and nothing is pushed or updated", async () => {
    expect((await pr(s)).code).toBe(0);
    // A colleague fixes something on the cleanup branch.
    const other = path.join(s.dir, 'other');
    git(s.dir, 'clone', '-q', '-b', BRANCH, s.origin, other);
    fs.appendFileSync(path.join(other, 'src/b.js'), '// reviewed\n');
    git(other, '-c', 'user.name=Someone Else', '-c', 'user.email=someone@example.com', 'commit', '-q', '-am', 'tweak b.js');
    git(other, 'push', '-q', 'origin', BRANCH);
    const theirs = originBranch(s);
    commitToMain(s, { 'src/d.js': 'var d = 1;\nmodule.exports = d;\n' }, 'add d.js');

    const requestsBefore = (await s.github.state()).requests.length;
    const res = await pr(s);
    expect(res.code).toBe(4);
    expect(res.stderr).toContain(`branch ${BRANCH} on origin has commits remodel did not make`);
    expect(res.stderr).toContain('pull request #1');
    expect(res.stderr).toContain('"tweak b.js"');
    expect(res.stderr).toContain(`git push origin --delete ${BRANCH}`);
    expect(originBranch(s)).toBe(theirs);
    expect(mutations((await s.github.state()).requests.slice(requestsBefore))).toEqual([]);
    expectNoSecret(res);
    expectCheckoutUntouched(s);

    // --dry says the same.
    const dry = await pr(s, ['--dry']);
    expect(dry.code).toBe(4);
    expect(dry.stdout).toContain('would: stop (exit 4)');
  });

  it('a pull request closed by hand is not reopened while the result is the same', async () => {
    // Hand the branch back to remodel, let it rebuild the pull request, then close that by hand.
    git(s.dir, '--git-dir', s.origin, 'branch', '-D', BRANCH);
    await s.github.closeByHand(1);
    expect((await pr(s)).stderr).toContain('opened pull request #2');
    await s.github.closeByHand(2);
    const res = await pr(s);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('pull request #2 with exactly this change was closed without merging; not opening it again');
    expect((await s.github.state()).pulls).toHaveLength(2);
  });
});

describe('remodel pr: errors', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  });
  afterAll(async () => {
    await s?.github.stop();
  });

  it('a bad token: clear 401 message, exit 5, nothing pushed, and no token in the output', async () => {
    const wrong = 'ghs_wrongToken9876543210fedcba';
    const res = await pr(s, [], { GITHUB_TOKEN: wrong });
    expect(res.code).toBe(5);
    expect(res.stderr).toMatch(/GitHub rejected the token while looking up open pull requests from remodel\/no-var in acme\/legacy \(401: Bad credentials\)/);
    expect(res.stderr).toContain('Check that GITHUB_TOKEN holds a valid');
    expectNoSecret(res, wrong);
    expectNoSecret(res);
    expect(originBranch(s)).toBeUndefined();
    expect((await s.github.state()).pulls).toEqual([]);
    expectCheckoutUntouched(s);
  });

  it('no token: usage error (exit 2) before anything happens; --dry works without one', async () => {
    const requestsBefore = (await s.github.state()).requests.length;
    const res = await pr(s, [], { GITHUB_TOKEN: '' });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('GITHUB_TOKEN is not set');
    const dry = await pr(s, ['--dry'], { GITHUB_TOKEN: '' });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('no GITHUB_TOKEN: not looked up');
    expect((await s.github.state()).requests.length).toBe(requestsBefore);
  });

  it('--branch equal to the base branch is refused', async () => {
    const res = await pr(s, ['--branch', 'main']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('only ever pushes to a branch of its own');
  });

  it('branch pushed but pull request refused (422): reported as such; the next run opens it without pushing again', async () => {
    await s.github.failNext({
      method: 'POST',
      path: `/repos/${OWNER}/${REPO}/pulls$`,
      status: 422,
      body: { message: 'Validation Failed', errors: [{ message: 'base branch is being updated' }] },
    });
    const res = await pr(s);
    expect(res.code).toBe(5);
    expect(res.stderr).toMatch(/pushed remodel\/no-var \([0-9a-f]{7}\), but the pull request is not up to date: GitHub did not accept opening a pull request from remodel\/no-var into main \(422: Validation Failed; base branch is being updated\)/);
    expect(res.stderr).toContain('The next run finds the branch and completes the pull request without pushing again.');
    const pushed = originBranch(s);
    expect(pushed).toBeDefined();
    expect((await s.github.state()).pulls).toEqual([]);

    const next = await pr(s);
    expect(next.code).toBe(0);
    expect(next.stderr).toContain('already holds this result');
    expect(next.stderr).toContain('opened pull request #1');
    expect(originBranch(s)).toBe(pushed);
    expectNoSecret(next);
  });

  it('a rate limit answer gives a clear message and exit 5', async () => {
    await s.github.failNext({
      method: 'GET',
      path: `/repos/${OWNER}/${REPO}/pulls$`,
      status: 403,
      body: { message: 'API rate limit exceeded for installation ID 1.' },
    });
    const res = await pr(s);
    expect(res.code).toBe(5);
    expect(res.stderr).toContain('GitHub API rate limit hit while looking up open pull requests');
    expect(res.stderr).toContain('Nothing was changed on GitHub.');
  });

  it('files that fail to parse never make it close the pull request: exit 3 and everything stays', async () => {
    // main gets the cleanup, but also a file remodel cannot parse: "nothing to change" is not certain.
    git(s.clone, 'pull', '-q', 'origin', 'main');
    expect((await runCliInProcess(['run', 'no-var', 'src'], s.clone)).code).toBe(0);
    commitToMain(s, { 'src/broken.js': 'var x = (;\n' }, 'cleanup by hand, and a broken file');
    const branchBefore = originBranch(s);
    const res = await pr(s);
    expect(res.code).toBe(3);
    expect(res.stderr).toContain('src/broken.js:1:');
    expect(res.stderr).toContain('1 file(s) failed; leaving branch and pull request as they are');
    expect(originBranch(s)).toBe(branchBefore);
    expect((await s.github.state()).pulls.map((p) => p.state)).toEqual(['open']);
  });
});

describe('remodel pr: in a shallow clone, as actions/checkout makes it', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  });
  afterAll(async () => {
    await s?.github.stop();
  });

  it('opens, then rebuilds the branch on a newer main, keeping the clone shallow and its remote-tracking refs as they were', async () => {
    commitToMain(s, { 'src/e.js': 'var e = 5;\nmodule.exports = e;\n' }, 'add e.js');
    const ci = path.join(s.dir, 'ci');
    git(s.dir, 'clone', '-q', '--depth', '1', `file://${s.origin}`, ci);
    const run = () => runCliInProcess(['pr', 'no-var', 'src', '--api-url', s.github.url], ci, env());
    expect((await run()).code).toBe(0);
    commitToMain(s, { 'src/f.js': 'var f = 6;\nmodule.exports = f;\n' }, 'add f.js');
    const trackingBefore = git(ci, 'for-each-ref', 'refs/remotes');

    const res = await run();
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('updated pull request #1 (body)');
    expect(originGit(s, 'rev-parse', `${BRANCH}^`)).toBe(originGit(s, 'rev-parse', 'refs/heads/main'));
    expect(originGit(s, 'diff', '--name-only', `main..${BRANCH}`)).toContain('src/f.js');
    expect(git(ci, 'rev-parse', '--is-shallow-repository').trim()).toBe('true');
    expect(git(ci, 'for-each-ref', 'refs/remotes')).toBe(trackingBefore);
    expect(git(ci, 'status', '--porcelain')).toBe('');
  });
});

describe('remodel pr: node_modules in the checkout (after npm ci, and remodel\'s own cache), ignored either way', () => {
  for (const spelling of ['node_modules', '/node_modules', 'node_modules/']) {
    it(`.gitignore "${spelling}": the first and the second run work, and nothing of node_modules is committed`, async () => {
      const s = await setUp();
      try {
        commitToMain(s, { '.gitignore': `${spelling}\n`, 'package.json': '{ "name": "legacy", "private": true }\n' }, 'ignore node_modules');
        writeFiles(s.clone, { 'node_modules/dep/index.js': 'var dep = 1;\nmodule.exports = dep;\n', 'node_modules/dep/package.json': '{"name":"dep"}\n' });
        const first = await pr(s);
        expect(first.stderr).not.toContain('paths are ignored');
        expect(first.code).toBe(0);
        expect(first.stderr).toContain('opened pull request #1');
        // remodel's cache now lives in the checkout's node_modules too.
        expect(fs.existsSync(path.join(s.clone, 'node_modules/.cache/remodel'))).toBe(true);
        commitToMain(s, { 'src/c.js': 'var c = 3;\nmodule.exports = c;\n' }, 'add c.js');
        const second = await pr(s);
        expect(second.stderr).not.toContain('paths are ignored');
        expect(second.code).toBe(0);
        expect(second.stderr).toContain('updated pull request #1');
        expect(originGit(s, 'diff', '--name-only', `main..${BRANCH}`).split('\n')).toEqual(['src/a.js', 'src/b.js', 'src/c.js']);
        expect(originGit(s, 'ls-tree', '-r', '--name-only', BRANCH)).not.toContain('node_modules');
        expect(fs.readFileSync(path.join(s.clone, 'node_modules/dep/index.js'), 'utf8')).toBe('var dep = 1;\nmodule.exports = dep;\n');
        expectCheckoutUntouched(s);
      } finally {
        await s.github.stop();
      }
    });
  }
});

describe('remodel pr: leftovers of killed runs', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  });
  afterAll(async () => {
    await s?.github.stop();
  });

  it('private refs of runs that are gone are removed on the next run; those of a live run stay', () => {
    const dead = 2 ** 22 + 12345; // above the kernel's pid_max default: never a live process
    const head = git(s.clone, 'rev-parse', 'HEAD').trim();
    git(s.clone, 'update-ref', `refs/remodel-tmp/${dead}-0badf00d/base`, head);
    git(s.clone, 'update-ref', `refs/remodel-tmp/${process.pid}-feedbeef/base`, head);
    // A process of its own: this test's pid stands for another live run.
    const res = prProcess(s, ['--dry']);
    expect(res.code).toBe(0);
    expect(git(s.clone, 'for-each-ref', '--format=%(refname)', 'refs/remodel-tmp').trim()).toBe(`refs/remodel-tmp/${process.pid}-feedbeef/base`);
    git(s.clone, 'update-ref', '-d', `refs/remodel-tmp/${process.pid}-feedbeef/base`);
  });

  it('SIGTERM while it waits for GitHub: dies of the signal and leaves no private ref and no worktree behind', async () => {
    await s.github.failNext({ method: 'GET', path: `/repos/${OWNER}/${REPO}/pulls$`, mode: 'hang' });
    const child = spawn(process.execPath, [cliPath, 'pr', 'no-var', 'src', '--api-url', s.github.url], {
      cwd: s.clone,
      env: Object.fromEntries(Object.entries({ ...process.env, NO_COLOR: '1', ...env() }).filter(([, v]) => v !== '')),
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<string>((resolve) => child.on('close', (code, signal) => resolve(signal ?? `exit ${code}`)));
    // Wait until the run is at the API (the transform ran: its summary is printed), with its refs in place.
    for (let i = 0; i < 400 && !stderr.includes('files scanned'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(stderr).toContain('files scanned');
    expect(git(s.clone, 'for-each-ref', 'refs/remodel-tmp')).not.toBe('');
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    expectCheckoutUntouched(s);
  });
});

describe('remodel pr: an API that hangs, fails or answers nonsense', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  });
  afterAll(async () => {
    await s?.github.stop();
  });
  const pulls = `/repos/${OWNER}/${REPO}/pulls$`;

  it('an HTML page with status 200: exit 5 with a clear message, nothing pushed', async () => {
    await s.github.failNext({ method: 'GET', path: pulls, mode: 'html' });
    const res = await pr(s);
    expect(res.code).toBe(5);
    expect(res.stderr).toContain('unexpected answer from the GitHub API at');
    expect(res.stderr).toContain('expected a JSON list of pull requests, got text/html starting "<!DOCTYPE html>');
    expect(res.stderr).not.toContain('internal error');
    expect(res.stderr).not.toContain('is not a function');
    expect(originBranch(s)).toBeUndefined();
    expectCheckoutUntouched(s);
  });

  it('an API that never answers: exit 5 after the timeout and two retries, not a hang', async () => {
    for (let i = 0; i < 3; i++) await s.github.failNext({ method: 'GET', path: pulls, mode: 'hang' });
    const started = Date.now();
    // Every request of this run hangs, so a short timeout cannot cut off an answer (Octokit still waits 1 s and 4 s
    // between the attempts).
    const res = await pr(s, ['--api-timeout', '0.5']);
    expect(res.code).toBe(5);
    expect(res.stderr).toContain('cannot reach the GitHub API at');
    expect(res.stderr).toContain('no answer within 0.5s');
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(originBranch(s)).toBeUndefined();
    expectCheckoutUntouched(s);
  });

  it('one request without an answer and one 502 are retried, and the run succeeds', async () => {
    await s.github.failNext({ method: 'GET', path: pulls, mode: 'hang' });
    await s.github.failNext({ method: 'POST', path: pulls, status: 502, body: { message: 'Bad Gateway' } });
    const before = (await s.github.state()).requests.length;
    const res = await pr(s, ['--api-timeout', '1']);
    expect(res.stderr).toContain('opened pull request #1');
    expect(res.code).toBe(0);
    const requests = (await s.github.state()).requests.slice(before).map((r) => `${r.method} ${r.path}`);
    expect(requests.filter((r) => r === `GET /repos/${OWNER}/${REPO}/pulls`)).toHaveLength(2);
    expect(requests.filter((r) => r === `POST /repos/${OWNER}/${REPO}/pulls`)).toHaveLength(2);
    expect((await s.github.state()).pulls).toHaveLength(1);
  });

  it('a rate limit that resets within seconds is waited out (throttling), then the run goes on', async () => {
    const reset = String(Math.ceil(Date.now() / 1000) + 1);
    await s.github.failNext({
      method: 'GET',
      path: pulls,
      status: 403,
      body: { message: 'API rate limit exceeded' },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
    });
    const res = await pr(s);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('pull request #1 is up to date');
  });

  it('no git on PATH: exit 2 with a clear message', () => {
    const res = prProcess(s, ['--dry'], { PATH: tempDir() });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('git is not installed or not on PATH');
    expect(res.stderr).not.toContain('internal error');
  });
});

describe('remodel init --workflow', () => {
  it('writes the scheduled workflow, refuses to overwrite it without --force, and matches the documented one', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'package.json': '{}\n' });
    git(dir, 'init', '-q', '-b', 'main');
    fs.mkdirSync(path.join(dir, 'sub'));

    expect((await runCliInProcess(['init'], dir)).code).toBe(2);
    const res = await runCliInProcess(['init', '--workflow'], path.join(dir, 'sub'));
    expect(res.code).toBe(0);
    const file = path.join(dir, '.github/workflows/remodel-cleanup.yml');
    const yaml = fs.readFileSync(file, 'utf8');
    expect(yaml).toContain('on:\n  schedule:\n    - cron: "17 4 * * 1"\n  workflow_dispatch:\n');
    expect(yaml).toContain('permissions:\n  contents: write # push the remodel/* branch\n  pull-requests: write');
    expect(yaml).toContain('- uses: actions/checkout@v4');
    expect(yaml).toContain('- uses: actions/setup-node@v4');
    expect(yaml).toContain('- run: npx remodel pr no-var\n        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n');
    expect(yaml).not.toMatch(/\t/);

    const again = await runCliInProcess(['init', '--workflow'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists (pass --force');
    const other = await runCliInProcess(['init', '--workflow', '--force', '--recipe', 'template-literals', '--cron', '0 6 * * 1-5'], dir);
    expect(other.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain('- run: npx remodel pr template-literals\n');
    expect((await runCliInProcess(['init', '--workflow', '--force', '--recipe', 'no-such-transform'], dir)).code).toBe(2);

    // The README section shows exactly what init writes.
    const docs = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    expect(docs).toContain(yaml);
  });
});
