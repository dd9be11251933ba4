#!/usr/bin/env node
// `remodel pr` on a real clone of a public repository, against the local GitHub stand-in (not part of the unit
// suite). The clone keeps its node_modules (as after `npm ci`), is ignored with `node_modules` and then with
// `/node_modules` (no trailing slash: the spellings git 2.39 tripped over), and remodel runs twice per spelling
// (the first run creates remodel's own cache in node_modules). Then the app's own tests run on remodel's branch.
// Usage: node bench/pr-real.mjs /work/apps/session [--transform no-var] [--test "npm test"]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const args = process.argv.slice(2);
const app = path.resolve(args[0] ?? '/work/apps/session');
const flag = (name, dflt) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
const transform = flag('transform', 'no-var');
const testCommand = flag('test', 'npm test');
const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '..', 'bin', 'remodel.js');
const TOKEN = 'ghs_prRealCloneToken000000000000';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-pr-real-'));
const clone = path.join(work, 'clone');
const origin = path.join(work, 'origin.git');
console.log(`copying ${app} to ${clone} (a real clone, node_modules included)`);
fs.cpSync(app, clone, { recursive: true, verbatimSymlinks: true });
const git = (cwd, ...a) => execFileSync('git', a, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'dev', GIT_COMMITTER_EMAIL: 'dev@example.com' } }).trim();
// The clone's HEAD becomes `main` of a bare origin, as a CI checkout of the default branch would see it.
git(clone, 'checkout', '-q', '-B', 'main');
git(work, 'init', '-q', '--bare', '-b', 'main', origin);
git(clone, 'remote', 'set-url', 'origin', origin);
git(clone, 'push', '-q', 'origin', 'main');

const worker = new Worker(new URL('../__tests__/support/pr-github-server.mjs', import.meta.url), {
  workerData: { token: TOKEN, owner: 'acme', repo: path.basename(app), defaultBranch: 'main', originDir: origin },
});
const port = await new Promise((resolve) => worker.once('message', (m) => resolve(m.port)));
const api = `http://127.0.0.1:${port}`;

function runTests(dir, label) {
  const started = Date.now();
  const res = spawnSync('sh', ['-c', testCommand], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const out = res.stdout + res.stderr;
  const jest = /Tests:\s+(?:(\d+) failed, )?(?:\d+ skipped, )?(\d+) passed/.exec(out);
  const passing = /(\d+) passing/.exec(out)?.[1] ?? /# pass (\d+)/.exec(out)?.[1] ?? jest?.[2];
  const failing = /(\d+) failing/.exec(out)?.[1] ?? /# fail (\d+)/.exec(out)?.[1] ?? jest?.[1] ?? '0';
  const names = [...new Set(out.split('\n').filter((l) => /^\s+● /.test(l) || /^\s+\d+\) /.test(l)).map((l) => l.trim()))];
  console.log(`${label}: \`${testCommand}\` exit ${res.status}, ${passing ?? '?'} passing, ${failing} failing, ${((Date.now() - started) / 1000).toFixed(1)} s${names.length ? `; failing: ${names.join('; ')}` : ''}`);
  return { status: res.status, failing: Number(failing), names: names.join('\n') };
}

const results = [];
let failed = false;
try {
  const before = testCommand ? runTests(clone, 'app tests before') : undefined;
  for (const spelling of ['node_modules', '/node_modules']) {
    const ignore = fs.readFileSync(path.join(clone, '.gitignore'), 'utf8').split('\n').filter((l) => !/^\/?node_modules\/?$/.test(l.trim()));
    fs.writeFileSync(path.join(clone, '.gitignore'), [spelling, ...ignore].join('\n'));
    git(clone, 'commit', '-q', '-am', `gitignore: ${spelling}`);
    git(clone, 'push', '-q', 'origin', 'main');
    for (const attempt of [1, 2]) {
      const started = Date.now();
      const res = spawnSync(process.execPath, [cli, 'pr', transform, '--api-url', api, '--repo', `acme/${path.basename(app)}`], {
        cwd: clone,
        encoding: 'utf8',
        env: { ...process.env, GITHUB_TOKEN: TOKEN, NO_COLOR: '1', REMODEL_GIT_AUTHOR: 'remodel-bot <bot@example.com>' },
      });
      const line = `.gitignore "${spelling}", run ${attempt}: exit ${res.status} in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
        `${res.stderr.split('\n').filter((l) => /opened|updated|up to date|pushed|already holds|files scanned|error|failed/.test(l)).join(' | ')}`;
      console.log(line);
      results.push({ spelling, attempt, code: res.status });
      if (res.status !== 0) {
        failed = true;
        console.log(res.stderr);
      }
      const status = git(clone, 'status', '--porcelain');
      if (status) {
        failed = true;
        console.log(`checkout not clean after the run:\n${status}`);
      }
    }
    console.log(`  cache: ${fs.existsSync(path.join(clone, 'node_modules/.cache/remodel')) ? 'node_modules/.cache/remodel exists' : 'none'}; ` +
      `private refs left: ${git(clone, 'for-each-ref', 'refs/remodel-tmp') || 'none'}; worktrees: ${git(clone, 'worktree', 'list').split('\n').length}`);
  }
  const branch = `remodel/${transform}`;
  const exists = spawnSync('git', ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { cwd: origin }).status === 0;
  if (!exists) {
    console.log(`branch ${branch}: not pushed (nothing to change on main)`);
    throw Object.assign(new Error('done'), { done: true });
  }
  const files = git(origin, 'diff', '--name-only', `main..${branch}`).split('\n').filter(Boolean);
  console.log(`branch ${branch}: ${git(origin, 'rev-list', '--count', `main..${branch}`)} commit on main, ${files.length} file(s) changed: ${files.join(', ')}`);
  if (git(origin, 'ls-tree', '-r', '--name-only', branch).split('\n').some((f) => f.startsWith('node_modules'))) {
    failed = true;
    console.log('node_modules was committed!');
  }
  const state = await (await fetch(`${api}/_fake/state`)).json();
  console.log(`pull requests: ${state.pulls.map((p) => `#${p.number} ${p.state} "${p.title}"`).join(', ')}`);
  if (testCommand) {
    const wt = path.join(work, 'result');
    git(clone, 'fetch', '-q', 'origin', `${branch}:refs/remotes/origin/${branch}`);
    git(clone, 'worktree', 'add', '-q', '--detach', wt, `origin/${branch}`);
    fs.symlinkSync(path.join(clone, 'node_modules'), path.join(wt, 'node_modules'));
    const after = runTests(wt, 'app tests on remodel\'s branch');
    // The same result as before the change (a test that already failed on the untouched clone may fail again).
    if (after.status !== before.status || after.failing !== before.failing || after.names !== before.names) failed = true;
  }
} catch (err) {
  if (!err.done) throw err;
} finally {
  await worker.terminate();
}
console.log(failed ? 'FAILED' : 'ok');
console.log(`kept ${work}`);
process.exitCode = failed ? 1 : 0;
