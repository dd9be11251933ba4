// What `remodel run` writes, and what it refuses to write, when the tree is not as simple as it looks: symlinks,
// a bad --patch, two runs at once, a project change that cannot be written completely, a broken tsconfig, a
// broken repository. Real files, real git, real processes; the built CLI. Runs whose process does not matter to the
// test (what is written, the exit code and the message) call the built CLI's entry point in this process
// (support/cli-in-process.ts); runs that are killed, race each other, wait for a lock holder, or depend on the
// process's user or PATH are processes of their own.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from './support/cli-in-process.js';
import { cliPath, git, initRepo, runCli, snapshot, tempDir, writeFiles, type CliResult } from './support/helpers.js';

const LEGACY = "var greeting = 'hello';\nmodule.exports = greeting;\n";
const MODERN = "const greeting = 'hello';\nmodule.exports = greeting;\n";

function noInternalError(res: CliResult): void {
  expect(res.stderr).not.toContain('internal error');
  expect(res.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
}

/** Files remodel's atomic writes leave behind when something goes wrong (there must never be any). */
function tempFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === '.git' || e.name === 'node_modules') continue;
      const abs = path.join(d, e.name);
      if (e.isDirectory()) visit(abs);
      else if (/\.tmp$|\.remodel-/.test(e.name)) out.push(path.relative(dir, abs));
    }
  };
  visit(dir);
  return out;
}

describe('a source folder named node_modules (node-red keeps its packages in packages/node_modules)', () => {
  const ROUTE = "const express = require('express');\nconst router = express.Router();\nrouter.post('/items', function (req, res) {\n  var item = { name: req.body.name };\n  items.push(item);\n  res.status(201).json(item);\n});\nconst items = [];\nmodule.exports = router;\n";

  it('a project transform skips its files with reason in-node-modules (no silent 0 changes), and map says why it maps no route', async () => {
    const repo = tempDir();
    writeFiles(repo, { 'packages/node_modules/api/routes.js': ROUTE, 'package.json': '{"name":"x"}\n' });
    initRepo(repo);
    const before = snapshot(repo);
    const json = JSON.parse((await runCliInProcess(['run', 'extract-service', 'packages/node_modules/api', '--json'], repo)).stdout);
    expect(json.files).toEqual([expect.objectContaining({ path: 'packages/node_modules/api/routes.js', status: 'skipped', reason: 'in-node-modules' })]);
    const res = await runCliInProcess(['run', 'layered', 'packages/node_modules/api'], repo);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('skipped 1 × in-node-modules');
    expect(snapshot(repo)).toEqual(before);
    const map = await runCliInProcess(['map', 'packages/node_modules/api'], repo);
    expect(map.stderr).toContain('1 of 1 files lie under a node_modules folder');
    // per-file transforms do change such files
    const noVar = JSON.parse((await runCliInProcess(['run', 'no-var', 'packages/node_modules/api', '--json'], repo)).stdout);
    expect(noVar.files).toEqual([expect.objectContaining({ status: 'changed' })]);
  });

  it('in a recipe, a file an earlier per-file step changed keeps the change, and the skipping step is in its report', async () => {
    const { mergeChangeSets } = await import('../src/run.js');
    const changed = { absPath: '/r/node_modules/a.js', path: 'node_modules/a.js', status: 'changed' as const, before: 'var a = 1;\n', after: 'const a = 1;\n' };
    const merged = mergeChangeSets(
      { transform: 'no-var', cwd: '/r', files: [changed], durationMs: 1, stats: {} },
      { transform: 'cjs-to-esm', cwd: '/r', files: [{ absPath: changed.absPath, path: changed.path, status: 'skipped', reason: 'in-node-modules' }], durationMs: 1, stats: {} },
    );
    expect(merged.files).toEqual([{ ...changed, reports: [expect.objectContaining({ reason: 'in-node-modules', transform: 'cjs-to-esm', message: expect.stringContaining('cjs-to-esm left the file alone') })] }]);
  });
});

describe('symlinks: never written through', () => {
  it('a link to a file outside the tree is skipped with reason symlink; the target is never touched', async () => {
    const dir = tempDir();
    const repo = path.join(dir, 'repo');
    writeFiles(dir, { 'other/lib.js': LEGACY, 'repo/real.js': LEGACY, 'repo/.gitignore': 'node_modules\n', 'repo/node_modules/dep/index.js': LEGACY });
    fs.symlinkSync('../other/lib.js', path.join(repo, 'link.js'));
    // Inside the tree, but a dependency's file: never a source to rewrite.
    fs.symlinkSync('node_modules/dep/index.js', path.join(repo, 'dep.js'));
    initRepo(repo);
    // The other tree has uncommitted work: the run must not see it, let alone overwrite it.
    fs.appendFileSync(path.join(dir, 'other/lib.js'), '// work in progress\n');
    const otherBefore = fs.readFileSync(path.join(dir, 'other/lib.js'));

    const json = await runCliInProcess(['run', 'no-var', '.', '--json'], repo);
    const report = JSON.parse(json.stdout);
    expect(report.files).toEqual([
      expect.objectContaining({ path: 'dep.js', status: 'skipped', reason: 'symlink' }),
      expect.objectContaining({ path: 'link.js', status: 'skipped', reason: 'symlink' }),
      expect.objectContaining({ path: 'real.js', status: 'changed' }),
    ]);

    const res = await runCliInProcess(['run', 'no-var', '.'], repo);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('skipped 2 × symlink');
    expect(fs.readFileSync(path.join(repo, 'node_modules/dep/index.js'), 'utf8')).toBe(LEGACY);
    expect(res.stderr).toContain('wrote 1 file(s)');
    expect(fs.readFileSync(path.join(dir, 'other/lib.js'))).toEqual(otherBefore);
    expect(fs.lstatSync(path.join(repo, 'link.js')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(repo, 'real.js'), 'utf8')).toBe(MODERN);
  });

  it('a link inside the tree is its target, once: no duplicate, no exit 3, and the patch applies', async () => {
    const repo = tempDir();
    writeFiles(repo, { 'src/real.js': LEGACY, 'lib/b.js': "var b = 2;\nmodule.exports = b;\n" });
    fs.symlinkSync('real.js', path.join(repo, 'src/alias.js'));
    fs.symlinkSync('../src/real.js', path.join(repo, 'lib/again.js'));
    initRepo(repo);

    const patchFile = path.join(os.tmpdir(), `remodel-symlink-${process.pid}.diff`);
    const dry = await runCliInProcess(['run', 'no-var', '.', '--patch', patchFile], repo);
    expect(dry.code).toBe(0);
    const patch = fs.readFileSync(patchFile, 'utf8');
    expect(patch.match(/^diff --git /gm)).toHaveLength(2);
    expect(patch).toContain('diff --git a/src/real.js b/src/real.js');
    expect(patch).not.toContain('alias.js');
    expect(patch).not.toContain('again.js');
    git(repo, 'apply', '--check', patchFile);

    const res = await runCliInProcess(['run', 'no-var', '.'], repo);
    expect(res.stderr).not.toContain('changed on disk');
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('wrote 2 file(s)');
    expect(fs.readFileSync(path.join(repo, 'src/real.js'), 'utf8')).toBe(MODERN);
    expect(fs.lstatSync(path.join(repo, 'src/alias.js')).isSymbolicLink()).toBe(true);
    expect(fs.lstatSync(path.join(repo, 'lib/again.js')).isSymbolicLink()).toBe(true);
    // What the run wrote is exactly what the patch says.
    const written = git(repo, 'diff');
    git(repo, 'checkout', '--', '.');
    git(repo, 'apply', patchFile);
    expect(git(repo, 'diff')).toBe(written);
  });
});

describe('--patch: a file name, or a usage error (never an apply)', () => {
  const setup = () => {
    const repo = tempDir();
    writeFiles(repo, { 'a.js': LEGACY, 'sub/keep.txt': 'x\n' });
    initRepo(repo);
    return repo;
  };

  it.each([
    [['--patch']],
    [['--patch', '']],
    [['--patch=']],
    [['--patch', '   ']],
  ])('%j without a file name: exit 2 and nothing written', async (args) => {
    const repo = setup();
    const before = snapshot(repo);
    const res = await runCliInProcess(['run', 'no-var', '.', ...args], repo);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--patch needs a file name');
    expect(snapshot(repo)).toEqual(before);
  });

  it('a folder, a path in a missing folder, or a file of the run: exit 2 with a clear message, nothing written', async () => {
    const repo = setup();
    const before = snapshot(repo);
    const dirRes = await runCliInProcess(['run', 'no-var', '.', '--patch', 'sub'], repo);
    expect(dirRes.code).toBe(2);
    expect(dirRes.stderr).toContain('--patch sub: is a folder');
    noInternalError(dirRes);

    const missing = await runCliInProcess(['run', 'no-var', '.', '--patch', 'nowhere/out.diff'], repo);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('folder nowhere does not exist');
    noInternalError(missing);

    const own = await runCliInProcess(['run', 'no-var', '.', '--patch', 'a.js'], repo);
    expect(own.code).toBe(2);
    expect(own.stderr).toContain('--patch a.js: is one of the files this run transforms');
    expect(snapshot(repo)).toEqual(before);
  });
});

describe('two runs at once on one tree', () => {
  const N = 300;
  const file = (i: number) => `function f${i}(name) {\n  var s = 'hi ' + String(name);\n  return s;\n}\nmodule.exports = f${i};\n`;

  it('lose no update: each file carries the change of exactly the run that says it wrote it', async () => {
    const repo = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < N; i++) files[`src/f${String(i).padStart(3, '0')}.js`] = file(i);
    writeFiles(repo, files);
    initRepo(repo);
    const start = (transform: string) =>
      new Promise<CliResult>((resolve) => {
        const child = spawn(process.execPath, [cliPath, 'run', transform, 'src', '--allow-dirty', '--no-cache', '--jobs', '1'], {
          cwd: repo,
          env: { ...process.env, NO_COLOR: '1' },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      });
    const [a, b] = await Promise.all([start('no-var'), start('template-literals')]);
    const wrote = (r: CliResult) => Number(/wrote (\d+) file\(s\)/.exec(r.stderr)?.[1]);
    const texts = Object.keys(files).map((f) => fs.readFileSync(path.join(repo, f), 'utf8'));
    const withNoVar = texts.filter((t) => t.includes('const s')).length;
    const withTemplate = texts.filter((t) => t.includes('`hi ${String(name)}`')).length;
    expect(wrote(a)).toBe(withNoVar);
    expect(wrote(b)).toBe(withTemplate);
    // Every file carries a change; one carries both only when the second run read it after the first wrote it.
    expect(texts.every((t) => t.includes('const s') || t.includes('`hi ${String(name)}`'))).toBe(true);
    expect(a.stderr + b.stderr).not.toContain('internal error');
    const dirty = git(repo, 'status', '--porcelain').trim().split('\n').filter(Boolean);
    expect(dirty).toHaveLength(N);
    expect(tempFiles(repo)).toEqual([]);
  });

  it('waits for a live holder of the tree lock, and takes over a dead one, removing its temporary files', async () => {
    const repo = tempDir();
    writeFiles(repo, { 'a.js': LEGACY });
    initRepo(repo);
    const lock = path.join(repo, '.git', 'remodel.lock');

    // A live holder: the run waits (and says so) for as long as it lives, then goes on once it is gone. The holder
    // is ended only after the run said it waits, so a slow start-up on a loaded machine cannot miss the lock.
    const holder = spawn('sleep', ['600'], { stdio: 'ignore' });
    fs.writeFileSync(lock, `${holder.pid} ${os.hostname()}\n`);
    const run = spawn(process.execPath, [cliPath, 'run', 'no-var', '.'], { cwd: repo, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    run.stderr.on('data', (d) => (stderr += d));
    const code = new Promise((resolve) => run.on('exit', resolve));
    const deadline = Date.now() + 60_000;
    while (!stderr.includes('waiting for another remodel run') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(stderr).toContain(`waiting for another remodel run (pid ${holder.pid})`);
    // Still waiting half a second later: nothing written while the holder lives.
    await new Promise((r) => setTimeout(r, 500));
    expect(fs.readFileSync(path.join(repo, 'a.js'), 'utf8')).toBe(LEGACY);
    holder.kill('SIGKILL');
    expect(await code).toBe(0);
    expect(fs.readFileSync(path.join(repo, 'a.js'), 'utf8')).toBe(MODERN);
    expect(fs.existsSync(lock)).toBe(false);

    // A dead holder that was killed mid-write: its temporary file is journaled in the lock and removed.
    git(repo, 'checkout', '--', '.');
    const dead = spawnSync('true').pid!;
    const leftover = path.join(repo, `.a.js.remodel-${dead}-1abcdef.tmp`);
    fs.writeFileSync(leftover, 'half a fi');
    fs.writeFileSync(lock, `${dead} ${os.hostname()}\n${leftover}\n`);
    const res = runCli(['run', 'no-var', '.'], repo);
    expect(res.code).toBe(0);
    expect(res.stderr).not.toContain('waiting');
    expect(fs.existsSync(leftover)).toBe(false);
    expect(fs.existsSync(lock)).toBe(false);
    expect(fs.readFileSync(path.join(repo, 'a.js'), 'utf8')).toBe(MODERN);
  });
});

/** A project transform that edits, deletes, moves and creates files, and can disturb the disk while it runs. */
const EVERYTHING = `
import fs from 'node:fs';
export const meta = { name: 'everything', description: 'edits, deletes, moves and creates files', engine: 'project' };
export default function everything(ctx) {
  const get = (name) => ctx.project.getSourceFileOrThrow((f) => f.getFilePath().endsWith('/' + name));
  get('a.ts').insertText(0, '// edited\\n');
  get('b.ts').delete();
  get('c.ts').move('d.ts');
  ctx.project.createSourceFile(ctx.cwd + '/lib/new.ts', 'export const created = 1;\\n');
  get('z.ts').insertText(0, '// edited too\\n');
  if (process.env.DISTURB) fs.appendFileSync(ctx.cwd + '/' + process.env.DISTURB, '// edited by someone else\\n');
}
`;

describe('a project change set is written entirely or not at all', () => {
  const setup = () => {
    const repo = tempDir();
    writeFiles(repo, {
      'everything.mjs': EVERYTHING,
      'a.ts': 'export const a = 1;\n',
      'b.ts': 'export const b = 2;\n',
      'c.ts': 'export const c = 3;\n',
      'z.ts': 'export const z = 26;\n',
    });
    initRepo(repo);
    return repo;
  };
  const run = (repo: string, env: Record<string, string> = {}) =>
    runCliInProcess(['run', './everything.mjs', 'a.ts', 'b.ts', 'c.ts', 'z.ts', '--no-verify'], repo, env);

  it('applies everything when it can', async () => {
    const repo = setup();
    const res = await run(repo);
    expect(res.stderr).toContain('wrote 5 file(s)');
    expect(res.code).toBe(0);
    expect(fs.existsSync(path.join(repo, 'b.ts'))).toBe(false);
    expect(fs.existsSync(path.join(repo, 'c.ts'))).toBe(false);
    expect(fs.readFileSync(path.join(repo, 'd.ts'), 'utf8')).toBe('export const c = 3;\n');
    expect(fs.readFileSync(path.join(repo, 'lib/new.ts'), 'utf8')).toBe('export const created = 1;\n');
  });

  it('a file edited while the run works: nothing at all is written (exit 3), and the message names it', async () => {
    const repo = setup();
    const res = await runCliInProcess(['run', './everything.mjs', 'a.ts', 'b.ts', 'c.ts', 'z.ts', '--no-verify', '--allow-dirty'], repo, { DISTURB: 'z.ts' });
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/z\.ts file changed on disk during the run/);
    expect(res.stderr).toContain('the change is applied all or nothing, and z.ts: file changed on disk during the run');
    expect(res.stderr).toContain('wrote 0 file(s)');
    git(repo, 'checkout', '--', 'z.ts');
    expect(git(repo, 'status', '--porcelain')).toBe('');
    noInternalError(res);
  });

  it('a write that fails after others succeeded (an immutable file, which root cannot write either): everything written is restored', async (ctx) => {
    const repo = setup();
    const z = path.join(repo, 'z.ts');
    if (spawnSync('chattr', ['+i', z]).status !== 0) ctx.skip(); // needs chattr and a file system that has the flag
    try {
      const before = snapshot(repo);
      const res = await run(repo);
      expect(res.code).toBe(3);
      expect(res.stderr).toMatch(/z\.ts EPERM: operation not permitted; the change is applied all or nothing, and writing z\.ts failed/);
      expect(res.stderr).toContain('restored 5 file(s) written before the failure');
      expect(res.stderr).toContain('wrote 0 file(s)');
      expect(snapshot(repo)).toEqual(before);
      expect(fs.existsSync(path.join(repo, 'lib'))).toBe(false);
      expect(git(repo, 'status', '--porcelain')).toBe('');
      expect(tempFiles(repo)).toEqual([]);
      noInternalError(res);
    } finally {
      spawnSync('chattr', ['-i', z]);
    }
  });

  it('a run killed (SIGKILL) half way through: the next run rolls the tree back before it reads anything, and says so', async () => {
    const repo = setup();
    const before = snapshot(repo);
    // A real process, paused 300 ms between files, killed once it has written at least one file and not all.
    const child = spawn(process.execPath, [cliPath, 'run', './everything.mjs', 'a.ts', 'b.ts', 'c.ts', 'z.ts', '--no-verify'], {
      cwd: repo,
      env: { ...process.env, NO_COLOR: '1', REMODEL_TEST_APPLY_PAUSE_MS: '300' },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && fs.readFileSync(path.join(repo, 'a.ts'), 'utf8') === 'export const a = 1;\n') {
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await exited;
    // Half applied: a.ts written, z.ts (the last file) not yet.
    expect(fs.readFileSync(path.join(repo, 'a.ts'), 'utf8')).toBe('// edited\nexport const a = 1;\n');
    expect(fs.readFileSync(path.join(repo, 'z.ts'), 'utf8')).toBe('export const z = 26;\n');

    // --dry never writes: it only says so.
    const dry = runCli(['run', 'no-var', '.', '--dry'], repo);
    expect(dry.stderr).toContain('a killed run left a change half applied in this tree');
    expect(fs.readFileSync(path.join(repo, 'a.ts'), 'utf8')).toBe('// edited\nexport const a = 1;\n');

    // The next run that may write rolls back first (here it then has nothing to do: no-var on const-only files).
    const next = runCli(['run', 'no-var', 'a.ts', 'z.ts', '--allow-dirty'], repo);
    expect(next.stderr).toMatch(new RegExp(`a remodel run \\(pid ${child.pid}\\) was killed while applying a change that is all or nothing; rolled back \\d+ file\\(s\\)`));
    expect(next.code).toBe(0);
    expect(snapshot(repo)).toEqual(before);
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(tempFiles(repo)).toEqual([]);
    expect(fs.readdirSync(path.join(repo, '.git')).filter((n) => n.startsWith('remodel.lock'))).toEqual([]);
    noInternalError(next);

    // And the change itself applies cleanly afterwards.
    expect((await run(repo)).stderr).toContain('wrote 5 file(s)');
  });

  it('the rollback never overwrites an edit made after the kill: that file is left and named', async () => {
    const repo = setup();
    const child = spawn(process.execPath, [cliPath, 'run', './everything.mjs', 'a.ts', 'b.ts', 'c.ts', 'z.ts', '--no-verify'], {
      cwd: repo,
      env: { ...process.env, NO_COLOR: '1', REMODEL_TEST_APPLY_PAUSE_MS: '300' },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && fs.readFileSync(path.join(repo, 'a.ts'), 'utf8') === 'export const a = 1;\n') {
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await exited;
    fs.writeFileSync(path.join(repo, 'a.ts'), 'export const a = 2; // the user edited after the kill\n');
    const next = runCli(['run', 'no-var', 'z.ts', '--allow-dirty'], repo);
    expect(next.stderr).toMatch(/left 1 file\(s\) as they are because they changed since: .*a\.ts/);
    expect(fs.readFileSync(path.join(repo, 'a.ts'), 'utf8')).toBe('export const a = 2; // the user edited after the kill\n');
    noInternalError(next);
  });

  it('a created file whose path is taken by a folder: nothing written', async () => {
    const repo = setup();
    fs.mkdirSync(path.join(repo, 'lib/new.ts'), { recursive: true });
    const res = await run(repo);
    expect(res.code).toBe(3);
    expect(res.stderr).toContain('lib/new.ts is not a regular file');
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });
});

describe('tsconfig.json the compiler would reject: exit 2 naming the file, no stack trace', () => {
  const setup = (tsconfig: string) => {
    const repo = tempDir();
    writeFiles(repo, { 'tsconfig.json': tsconfig, 'src/a.ts': 'export const a = 1;\n', 'src/use.ts': "import { a } from './a';\nexport const b = a;\n" });
    initRepo(repo);
    return repo;
  };
  const move = (repo: string) => runCliInProcess(['run', 'move-symbol', '--symbol', 'a', '--from', 'src/a.ts', '--to', 'src/b.ts', '.'], repo);

  it('extends pointing at a missing file (TS5083)', async () => {
    const repo = setup('{ "extends": "./base.json", "compilerOptions": { "strict": true } }\n');
    const res = await move(repo);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('tsconfig.json is not a config the TypeScript compiler accepts');
    expect(res.stderr).toMatch(/tsconfig\.json error TS5083: Cannot read file '.*base\.json'/);
    expect(git(repo, 'status', '--porcelain')).toBe('');
    noInternalError(res);
  });

  it('extends naming a package that is not installed (TS6053)', async () => {
    const repo = setup('{ "extends": "@tsconfig/node20/tsconfig.json" }\n');
    const res = await move(repo);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("tsconfig.json:1:14 error TS6053: File '@tsconfig/node20/tsconfig.json' not found.");
    noInternalError(res);
  });

  it('invalid JSON: file, line and column', async () => {
    const repo = setup('{\n  "compilerOptions": {\n    "strict": true,\n  },\n  oops\n}\n');
    const res = await move(repo);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/tsconfig\.json:5:3 error TS\d+: /);
    noInternalError(res);
  });
});

describe('a broken environment: a clear message, not an internal error', () => {
  it('a .git file pointing nowhere', async () => {
    const repo = tempDir();
    writeFiles(repo, { 'a.js': LEGACY, '.git': 'gitdir: /nonexistent/worktrees/gone\n' });
    const res = await runCliInProcess(['run', 'no-var', '.'], repo);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('.git is a file that does not point at a git directory');
    expect(fs.readFileSync(path.join(repo, 'a.js'), 'utf8')).toBe(LEGACY);
    noInternalError(res);
  });

  it('no git on PATH', () => {
    const repo = tempDir();
    writeFiles(repo, { 'a.js': LEGACY });
    initRepo(repo);
    const empty = tempDir();
    const res = runCli(['run', 'no-var', '.'], repo, { PATH: empty });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('git is not installed or not on PATH');
    expect(fs.readFileSync(path.join(repo, 'a.js'), 'utf8')).toBe(LEGACY);
    noInternalError(res);
  });

  it('a folder that cannot be read is named, and git’s own warnings stay out of the output', (ctx) => {
    const repo = tempDir();
    writeFiles(repo, { 'a.js': LEGACY, 'locked/b.js': LEGACY });
    initRepo(repo);
    fs.chmodSync(path.join(repo, 'locked'), 0);
    // root reads every folder: run as an unprivileged user where the tests run as root.
    const asUser = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    if (asUser.length) {
      if (spawnSync('setpriv', ['--version']).status !== 0) ctx.skip();
      execFileSync('chown', ['-R', '65534:65534', repo]);
    }
    try {
      const [cmd, ...args] = [...asUser, process.execPath, cliPath, 'run', 'no-var', '.', '--no-cache'];
      const res = spawnSync(cmd, args, { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', HOME: repo, XDG_CACHE_HOME: repo } });
      expect(res.status).toBe(2);
      expect(res.stderr).toContain('cannot read directory locked/ (permission denied)');
      expect(res.stderr).not.toContain('warning: could not open directory');
      expect(fs.readFileSync(path.join(repo, 'a.js'), 'utf8')).toBe(LEGACY);
      noInternalError({ code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr });
    } finally {
      fs.chmodSync(path.join(repo, 'locked'), 0o755);
    }
  });
});
