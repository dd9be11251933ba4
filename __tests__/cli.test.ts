import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyDir, git, initRepo, mtimes, repoRoot, runCli, snapshot, tempDir, writeFiles } from './support/helpers.js';

const LEGACY = {
  'src/a.js': "var fs = require('fs');\nvar count = 0;\nfunction inc() {\n  count++;\n}\nmodule.exports = { fs, inc };\n",
  'src/b.js': "var msg = 'hi';\nmodule.exports = msg;\n",
  'src/clean.js': "const x = 1;\nmodule.exports = x;\n",
};

describe('remodel run: dry run, check, patch and apply on a git repository', () => {
  it('--dry prints a diff and a summary and changes no byte on disk', () => {
    const dir = tempDir();
    writeFiles(dir, LEGACY);
    initRepo(dir);
    const before = snapshot(dir);
    const times = mtimes(dir);
    const res = runCli(['run', 'no-var', '.', '--dry'], dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('diff --git a/src/a.js b/src/a.js');
    expect(res.stdout).toContain("@@ -1,5 +1,5 @@\n-var fs = require('fs');\n-var count = 0;\n+const fs = require('fs');\n+let count = 0;\n function inc() {");
    expect(res.stdout).not.toContain('\u001b['); // not a TTY: no colors
    expect(res.stderr).toMatch(/3 files scanned, 2 would change, 1 unchanged, 0 skipped, 0 failed/);
    expect(snapshot(dir)).toEqual(before);
    expect(mtimes(dir)).toEqual(times);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('colors the diff when asked (FORCE_COLOR)', () => {
    const dir = tempDir();
    writeFiles(dir, LEGACY);
    const res = runCli(['run', 'no-var', 'src/b.js', '--dry'], dir, { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(res.stdout).toContain('\u001b[31m-var msg');
    expect(res.stdout).toContain('\u001b[32m+const msg');
  });

  it('--patch + git apply reproduces a real run byte for byte; --check exits 1 before and 0 after', () => {
    const dir = tempDir();
    writeFiles(dir, LEGACY);
    initRepo(dir);
    const patched = tempDir();
    fs.rmSync(patched, { recursive: true });
    execFileSync('git', ['clone', '-q', dir, patched]);

    expect(runCli(['run', 'no-var', 'src', '--check'], dir).code).toBe(1);
    const patchRes = runCli(['run', 'no-var', 'src', '--patch', 'changes.diff'], dir);
    expect(patchRes.code).toBe(0);
    const patchFile = path.join(dir, 'changes.diff');
    fs.renameSync(patchFile, path.join(patched, '..', 'changes.diff'));
    git(patched, 'apply', '--check', path.join(patched, '..', 'changes.diff'));
    git(patched, 'apply', path.join(patched, '..', 'changes.diff'));

    const apply = runCli(['run', 'no-var', 'src'], dir);
    expect(apply.code).toBe(0);
    expect(apply.stderr).toContain('wrote 2 file(s)');
    expect(snapshot(patched)).toEqual(snapshot(dir));
    const check = runCli(['run', 'no-var', 'src', '--check'], dir);
    expect(check.code).toBe(0);
  });

  it('--patch quotes file names git would misread (a tab, a newline, a double quote), and git apply takes them (round 18, F13)', () => {
    const dir = tempDir();
    const names = ['tab\tname.cjs', 'nl\nname.cjs', '"quoted".cjs', 'back\\slash.cjs', 'plain ü.cjs'];
    writeFiles(dir, Object.fromEntries(names.map((n) => [n, 'var a = 1;\nmodule.exports = a;\n'])));
    initRepo(dir);
    const patched = tempDir();
    fs.rmSync(patched, { recursive: true });
    execFileSync('git', ['clone', '-q', dir, patched]);
    const patchFile = path.join(patched, '..', `names-${path.basename(patched)}.diff`);
    expect(runCli(['run', 'no-var', '.', '--patch', patchFile], dir).code).toBe(0);
    expect(fs.readFileSync(patchFile, 'utf8')).toContain('diff --git "a/tab\\tname.cjs" "b/tab\\tname.cjs"');
    git(patched, 'apply', patchFile);
    expect(runCli(['run', 'no-var', '.'], dir).code).toBe(0);
    expect(snapshot(patched)).toEqual(snapshot(dir));
  });

  it('--check lists the files that would change on stderr', () => {
    const dir = tempDir();
    writeFiles(dir, LEGACY);
    const res = runCli(['run', 'no-var', '.', '--check'], dir);
    expect(res.code).toBe(1);
    expect(res.stderr.split('\n')).toEqual(expect.arrayContaining(['src/a.js', 'src/b.js']));
    expect(res.stdout).toBe('');
  });

  it('patch -p1 applies the patch outside git', () => {
    const dir = tempDir();
    writeFiles(dir, LEGACY);
    const copy = tempDir();
    copyDir(dir, copy);
    expect(runCli(['run', 'no-var', '.', '--patch', path.join(copy, '..', 'p1.diff')], dir).code).toBe(0);
    execFileSync('patch', ['-p1', '-s', '-i', path.join(copy, '..', 'p1.diff')], { cwd: copy });
    expect(runCli(['run', 'no-var', '.'], dir).code).toBe(0);
    expect(snapshot(copy)).toEqual(snapshot(dir));
  });

  it('refuses to write files with uncommitted changes (exit 2) unless --allow-dirty', () => {
    const dir = tempDir();
    writeFiles(dir, LEGACY);
    initRepo(dir);
    fs.appendFileSync(path.join(dir, 'src/b.js'), '// local edit\n');
    const before = snapshot(dir);
    const res = runCli(['run', 'no-var', 'src'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/refusing to write 1 file\(s\) with uncommitted changes[\s\S]*src\/b\.js/);
    expect(snapshot(dir)).toEqual(before);
    const forced = runCli(['run', 'no-var', 'src', '--allow-dirty'], dir);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'src/b.js'), 'utf8')).toBe("const msg = 'hi';\nmodule.exports = msg;\n// local edit\n");
  });

  it('a file git ignores has no committed copy: named on the command line, it is refused like an untracked one (round 18, F14)', () => {
    const dir = tempDir();
    writeFiles(dir, { ...LEGACY, '.gitignore': 'local.js\n' });
    initRepo(dir);
    fs.writeFileSync(path.join(dir, 'local.js'), 'var local = 1;\nmodule.exports = local;\n');
    const res = runCli(['run', 'no-var', 'local.js'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/refusing to write 1 file\(s\)[\s\S]*local\.js/);
    expect(runCli(['run', 'no-var', 'local.js', '--allow-dirty'], dir).code).toBe(0);
  });

  it('never rewrites unchanged files and keeps mode, CRLF and BOM of changed ones', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'crlf.js': "var a = require('a');\r\nmodule.exports = a;\r\n",
      'bom.js': "\uFEFFvar b = require('b');\nmodule.exports = b;\n",
      'tool.js': "#!/usr/bin/env node\nvar c = require('c');\nc();\n",
      'same.js': "const d = require('d');\n",
    });
    fs.chmodSync(path.join(dir, 'tool.js'), 0o755);
    const sameBefore = fs.statSync(path.join(dir, 'same.js')).mtimeMs;
    const res = runCli(['run', 'no-var', '.'], dir);
    expect(res.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'crlf.js'), 'utf8')).toBe("const a = require('a');\r\nmodule.exports = a;\r\n");
    expect(fs.readFileSync(path.join(dir, 'bom.js'))).toEqual(Buffer.from("\uFEFFconst b = require('b');\nmodule.exports = b;\n"));
    expect(fs.statSync(path.join(dir, 'tool.js')).mode & 0o777).toBe(0o755);
    expect(fs.readFileSync(path.join(dir, 'tool.js'), 'utf8')).toBe("#!/usr/bin/env node\nconst c = require('c');\nc();\n");
    expect(fs.statSync(path.join(dir, 'same.js')).mtimeMs).toBe(sameBefore);
    expect(fs.readdirSync(dir).sort()).toEqual(['bom.js', 'crlf.js', 'same.js', 'tool.js']); // no temp files left
  });
});

describe('remodel run: bad input', () => {
  it('reports a syntax error as path:line:col, transforms the other files, exits 3 and never writes the bad file', () => {
    const dir = tempDir();
    writeFiles(dir, { ...LEGACY, 'src/broken.js': "var ok = require('x');\nvar = ;\n" });
    const broken = fs.readFileSync(path.join(dir, 'src/broken.js'));
    const res = runCli(['run', 'no-var', 'src'], dir);
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/^src\/broken\.js:2:5 Unexpected token/m);
    expect(fs.readFileSync(path.join(dir, 'src/a.js'), 'utf8')).toContain('const fs');
    expect(fs.readFileSync(path.join(dir, 'src/broken.js'))).toEqual(broken);
  });

  it('a crashing transform is reported per file and the run goes on', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'a.js': 'crash here\n',
      'b.js': 'fine\n',
      'crashy.cjs': "module.exports = function (file) {\n  if (file.source.includes('crash')) throw new Error('boom');\n  return file.source.toUpperCase();\n};\n",
    });
    const res = runCli(['run', './crashy.cjs', 'a.js', 'b.js'], dir);
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/^a\.js transform crashy crashed: boom/m);
    expect(fs.readFileSync(path.join(dir, 'b.js'), 'utf8')).toBe('FINE\n');
    expect(fs.readFileSync(path.join(dir, 'a.js'), 'utf8')).toBe('crash here\n');
  });

  it('unknown transform, unknown option and badly typed option exit 2 with a clear message', () => {
    const dir = tempDir();
    writeFiles(dir, LEGACY);
    const unknown = runCli(['run', 'no-such-transform', '.'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown transform "no-such-transform"');
    const badOption = runCli(['run', 'no-var', '.', '--dry', '--frobnicate'], dir);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('unknown option --frobnicate for transform no-var (known: --prefer-const, --target)');
    const badType = runCli(['run', 'no-var', '.', '--dry', '--prefer-const=maybe'], dir);
    expect(badType.code).toBe(2);
    expect(badType.stderr).toContain('invalid option --prefer-const for transform no-var: expected boolean, got "maybe"');
    const ok = runCli(['run', 'no-var', 'src/b.js', '--dry', '--no-prefer-const'], dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("+let msg = 'hi';");
    // A boolean transform flag followed by a path takes no value from it.
    const flagThenPath = runCli(['run', 'no-var', '--prefer-const', 'src/b.js', '--dry'], dir);
    expect(flagThenPath.code).toBe(0);
    expect(flagThenPath.stdout).toContain("+const msg = 'hi';");
    const missingPath = runCli(['run', 'no-var', 'nope/'], dir);
    expect(missingPath.code).toBe(2);
    expect(missingPath.stderr).toContain('path not found: nope/');
  });
});

describe('remodel run --json', () => {
  it('prints the documented report keys with relative paths, reasons and error locations', () => {
    const dir = tempDir();
    writeFiles(dir, {
      ...LEGACY,
      'src/bad.js': 'var x = ;\n',
      'skipper.cjs': "module.exports = function (file) { return file.path.endsWith('clean.js') ? undefined : file.source.replace('var ', 'let '); };\n",
    });
    const res = runCli(['run', './skipper.cjs', 'src', '--json'], dir);
    expect(res.code).toBe(0);
    const report = JSON.parse(res.stdout);
    expect(Object.keys(report.summary).sort()).toEqual(['changed', 'durationMs', 'errors', 'scanned', 'skipped', 'status', 'unchanged']);
    expect(report.summary).toMatchObject({ scanned: 4, changed: 3, unchanged: 0, skipped: 1, errors: 0, status: 'changed' });
    expect(report.files).toContainEqual({ path: 'src/clean.js', status: 'skipped', reason: 'transform returned nothing' });
    const noVar = JSON.parse(runCli(['run', 'no-var', 'src', '--json'], dir).stdout);
    expect(noVar.files.find((f: any) => f.path === 'src/bad.js')).toEqual({
      path: 'src/bad.js',
      status: 'error',
      error: { message: 'Unexpected token', line: 1, column: 9 },
    });
    expect(noVar.summary.errors).toBe(1);
  });

  it('counts skips by reason in the text summary', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'a.js': 'a\n',
      'b.js': 'b\n',
      't.cjs': 'module.exports = function () { return undefined; };\n',
    });
    const res = runCli(['run', './t.cjs', 'a.js', 'b.js', '--dry'], dir);
    expect(res.stderr).toContain('skipped 2 × transform returned nothing');
  });
});

describe('remodel list and describe', () => {
  it('list --json shows both transforms with option schemas', () => {
    const res = runCli(['list', '--json'], repoRoot);
    expect(res.code).toBe(0);
    const { transforms } = JSON.parse(res.stdout);
    const names = transforms.map((t: any) => t.name);
    expect(names).toEqual(expect.arrayContaining(['no-var', 'template-literals']));
    const noVar = transforms.find((t: any) => t.name === 'no-var');
    expect(noVar.engine).toBe('file');
    expect(noVar.options).toEqual([
      expect.objectContaining({ name: 'preferConst', flag: '--prefer-const', type: 'boolean', default: true }),
      expect.objectContaining({ name: 'target', flag: '--target', type: 'string' }),
    ]);
    expect(noVar.optionsSchema.properties.preferConst.type).toBe('boolean');
  });

  it('describe shows docs, options and a before/after example from the fixtures', () => {
    const res = runCli(['describe', 'template-literals'], repoRoot);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('template-literals (file engine)');
    expect(res.stdout).toMatch(/before:\n[\s\S]*\+[\s\S]*after:\n[\s\S]*`/);
  });

  it('every command has --help', () => {
    for (const args of [['--help'], ['run', '--help'], ['list', '--help'], ['describe', '--help']]) {
      const res = runCli(args, repoRoot);
      expect(res.code, args.join(' ')).toBe(0);
      expect(res.stdout).toContain('remodel');
    }
  });
});

describe('file discovery from the CLI', () => {
  it('honours nested and anchored .gitignore, --ignore, --extensions and never walks node_modules', () => {
    const dir = tempDir();
    writeFiles(dir, {
      '.gitignore': '/build\n*.gen.js\n',
      'build/out.js': 'var a = 1;\n',
      'lib/build/keep.js': "var b = require('b');\n",
      'lib/x.gen.js': "var c = require('c');\n",
      'lib/.gitignore': 'vendor/\n',
      'lib/vendor/v.js': "var d = require('d');\n",
      'node_modules/pkg/index.js': "var e = require('e');\n",
      'src/keep.js': "var f = require('f');\n",
      'src/skip-me.js': "var g = require('g');\n",
      'src/types.ts': "var h = require('h');\n",
    });
    initRepo(dir);
    const res = runCli(['run', 'no-var', '.', '--check', '--ignore', 'src/skip-*.js', '--extensions', 'js'], dir);
    expect(res.code).toBe(1);
    const listed = res.stderr.split('\n').filter((l) => /\.(js|ts)$/.test(l)).sort();
    expect(listed).toEqual(['lib/build/keep.js', 'src/keep.js']);
  });

  it('--shard i/n splits the files deterministically and completely', () => {
    const dir = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`f${i}.js`] = `var v${i} = require('x');\n`;
    writeFiles(dir, files);
    const shards = [1, 2, 3].map((i) => {
      const res = runCli(['run', 'no-var', '.', '--check', '--shard', `${i}/3`], dir);
      return res.stderr.split('\n').filter((l) => l.endsWith('.js'));
    });
    const all = shards.flat().sort();
    expect(all).toEqual(Object.keys(files).sort());
    expect(new Set(all).size).toBe(30);
    const again = runCli(['run', 'no-var', '.', '--check', '--shard', '2/3'], dir).stderr.split('\n').filter((l) => l.endsWith('.js'));
    expect(again).toEqual(shards[1]);
    expect(runCli(['run', 'no-var', '.', '--check', '--shard', '4/3'], dir).code).toBe(2);
  });
});

describe('formatting', () => {
  it('--format auto runs prettier only where the project has a prettier config, and only on changed files', () => {
    const withConfig = tempDir();
    writeFiles(withConfig, {
      '.prettierrc.json': JSON.stringify({ singleQuote: true, semi: false }),
      'a.js': "var  a = require('a');;\nmodule.exports = a\n",
      'untouched.js': 'const   b = 1\n',
    });
    expect(runCli(['run', 'no-var', '.'], withConfig).code).toBe(0);
    expect(fs.readFileSync(path.join(withConfig, 'a.js'), 'utf8')).toBe("const a = require('a')\nmodule.exports = a\n");
    expect(fs.readFileSync(path.join(withConfig, 'untouched.js'), 'utf8')).toBe('const   b = 1\n');

    const without = tempDir();
    writeFiles(without, { 'a.js': "var  a = require('a');;\n" });
    expect(runCli(['run', 'no-var', '.'], without).code).toBe(0);
    expect(fs.readFileSync(path.join(without, 'a.js'), 'utf8')).toBe("const  a = require('a');;\n");
  });
});

describe('worker threads', () => {
  it('gives the same change set with 1 and 2 jobs', () => {
    const dir = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`m${i}.js`] = `var x${i} = require('x');\nvar s = 'v' + String(x${i});\nmodule.exports = s;\n`;
    writeFiles(dir, files);
    const one = runCli(['run', 'template-literals', '.', '--json', '--jobs', '1'], dir);
    const two = runCli(['run', 'template-literals', '.', '--json', '--jobs', '2'], dir);
    const strip = (s: string) => JSON.parse(s).files;
    expect(strip(two.stdout)).toEqual(strip(one.stdout));
    expect(JSON.parse(two.stdout).summary.changed).toBe(120);
  });
});

