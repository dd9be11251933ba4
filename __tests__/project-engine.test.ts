import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Project, ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { ColdChecks, fileDiagnostics, ProgramChecks } from '../src/engine/file-diagnostics.js';
import { loadProject } from '../src/engine/project-engine.js';
import { runCliInProcess } from './support/cli-in-process.js';
import { git, initRepo, repoRoot, snapshot, tempDir, writeFiles } from './support/helpers.js';
import { tsc } from './support/tsc.js';

const TSCONFIG = JSON.stringify({
  compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true, types: [] },
  include: ['src'],
});

/** A small TypeScript project in a git repository, with a test script that exercises its modules. */
function tsProject(): string {
  const dir = tempDir('remodel-ts-');
  writeFiles(dir, {
    'package.json': JSON.stringify({ name: 'ts-app', private: true, type: 'module' }),
    'tsconfig.json': TSCONFIG,
    'src/pricing.ts': [
      "import { round } from './math.js';",
      '',
      'export function priceWithTax(net: number, rate: number): number {',
      '  return round(net * (1 + rate));',
      '}',
      '',
      'export function discount(total: number): number {',
      '  return total > 100 ? round(total * 0.9) : total;',
      '}',
      '',
    ].join('\n'),
    'src/math.ts': 'export function round(n: number): number {\n  return Math.round(n * 100) / 100;\n}\n',
    'src/checkout.ts': [
      "import { discount, priceWithTax } from './pricing.js';",
      '',
      'export function checkout(items: number[]): number {',
      '  return discount(items.map((n) => priceWithTax(n, 0.2)).reduce((a, b) => a + b, 0));',
      '}',
      '',
    ].join('\n'),
    'test/checkout.test.ts': [
      "import assert from 'node:assert/strict';",
      "import { checkout } from '../src/checkout.js';",
      '',
      'assert.equal(checkout([10, 20]), 36);',
      'assert.equal(checkout([100]), 108);',
      "console.log('checkout ok');",
      '',
    ].join('\n'),
  });
  fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules\n');
  initRepo(dir);
  return dir;
}


/** Runs the project's test through jiti (TypeScript without a build step). */
function projectTest(dir: string): string {
  const jiti = path.join(repoRoot, 'node_modules', 'jiti', 'lib', 'jiti-cli.mjs');
  return execFileSync(process.execPath, [jiti, 'test/checkout.test.ts'], { cwd: dir, encoding: 'utf8' });
}

describe('project engine with move-symbol on a git repository', { timeout: 300_000 }, () => {
  it('--dry --patch: git apply reproduces the run, tsc passes, the tests pass, a second run changes nothing', async () => {
    const dir = tsProject();
    expect(projectTest(dir)).toContain('checkout ok');
    const before = snapshot(dir);
    const patch = path.join(dir, '..', `${path.basename(dir)}.diff`);
    const args = ['run', 'move-symbol', '--symbol', 'discount', '--from', 'src/pricing.ts', '--to', 'src/discounts.ts', 'src'];
    const dry = await runCliInProcess([...args, '--dry', '--patch', patch], dir);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('diff --git a/src/discounts.ts b/src/discounts.ts\nnew file mode 100644');
    expect(snapshot(dir)).toEqual(before);
    git(dir, 'apply', '--check', patch);
    git(dir, 'apply', patch);
    const applied = snapshot(dir);
    git(dir, 'checkout', '-q', '--', '.');
    fs.rmSync(path.join(dir, 'src/discounts.ts'));
    const real = await runCliInProcess(args, dir);
    expect(real.code, real.stderr).toBe(0);
    expect(snapshot(dir)).toEqual(applied);
    expect(fs.readFileSync(path.join(dir, 'src/checkout.ts'), 'utf8')).toContain(
      "import { priceWithTax } from './pricing.js';\nimport { discount } from './discounts.js';",
    );
    tsc(dir, { noEmit: true });
    expect(projectTest(dir)).toContain('checkout ok');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'moved');
    const again = await runCliInProcess([...args, '--json'], dir);
    expect(JSON.parse(again.stdout).summary.changed).toBe(0);
  });

  it('renders a moved or deleted file in the patch so that git apply performs it', async () => {
    const dir = tsProject();
    const patch = path.join(dir, '..', `${path.basename(dir)}-del.diff`);
    const args = ['run', 'move-symbol', '--symbol', 'round', '--from', 'src/math.ts', '--to', 'src/numbers.ts', 'src'];
    expect((await runCliInProcess([...args, '--patch', patch], dir)).code).toBe(0);
    const text = fs.readFileSync(patch, 'utf8');
    expect(text).toContain('diff --git a/src/math.ts b/src/math.ts\ndeleted file mode 100644');
    git(dir, 'apply', patch);
    expect(fs.existsSync(path.join(dir, 'src/math.ts'))).toBe(false);
    tsc(dir, { noEmit: true });
    expect(projectTest(dir)).toContain('checkout ok');
  });

  it('a file moved by ts-morph is a rename in the patch; git apply moves it and the re-pointed imports type-check', async () => {
    const dir = tsProject();
    const transform = path.join(repoRoot, '__tests__', 'support', 'move-file.mjs');
    const patch = path.join(dir, '..', `${path.basename(dir)}-move.diff`);
    const res = await runCliInProcess(['run', transform, 'src', '--patch', patch], dir);
    expect(res.code, res.stderr).toBe(0);
    const text = fs.readFileSync(patch, 'utf8');
    expect(text).toContain('diff --git a/src/math.ts b/src/lib/numbers.ts\nrename from src/math.ts\nrename to src/lib/numbers.ts');
    expect(text).toContain("-import { round } from './math.js';\n+import { round } from './lib/numbers.js';");
    git(dir, 'apply', patch);
    expect(fs.existsSync(path.join(dir, 'src/math.ts'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'src/lib/numbers.ts'))).toBe(true);
    tsc(dir, { noEmit: true });
    expect(projectTest(dir)).toContain('checkout ok');
    // Applying the same change set directly gives the same tree.
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'moved by patch');
    const viaPatch = snapshot(dir);
    git(dir, 'reset', '-q', '--hard', 'HEAD~1');
    expect((await runCliInProcess(['run', transform, 'src'], dir)).code).toBe(0);
    expect(snapshot(dir)).toEqual(viaPatch);
  });

  it('--verify catches a transform that introduces a type error, writes nothing and exits 3', async () => {
    const dir = tsProject();
    const before = snapshot(dir);
    const transform = path.join(repoRoot, '__tests__', 'support', 'break-exports.mjs');
    const res = await runCliInProcess(['run', transform, 'src/math.ts'], dir);
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/src\/pricing\.ts:1:\d+ error TS2305: Module '".\/math.js"' has no exported member 'round'/);
    expect(res.stderr).toContain('nothing was written');
    expect(snapshot(dir)).toEqual(before);
    const dry = await runCliInProcess(['run', transform, 'src/math.ts', '--dry'], dir);
    expect(dry.code).toBe(3);
    const unchecked = await runCliInProcess(['run', transform, 'src/math.ts', '--dry', '--no-verify'], dir);
    expect(unchecked.code).toBe(0);
    // --patch reproduces what a real run writes: nothing; an older patch at that path is emptied (round 18, F10)
    const patch = path.join(tempDir('remodel-blocked-patch-'), 'fix.diff');
    fs.writeFileSync(patch, 'an older patch\n');
    const patched = await runCliInProcess(['run', transform, 'src/math.ts', '--patch', patch], dir);
    expect(patched.code).toBe(3);
    expect(patched.stderr).toContain('wrote an empty patch');
    expect(fs.readFileSync(patch, 'utf8')).toBe('');
    expect(snapshot(dir)).toEqual(before);
  });

  it('a project transform that crashes is a failed run with a report, and nothing is written (round 18, F12)', async () => {
    const dir = tsProject();
    const before = snapshot(dir);
    const transform = path.join(repoRoot, '__tests__', 'support', 'project-crash.mjs');
    const res = await runCliInProcess(['run', transform, 'src'], dir);
    expect(res.code).toBe(3);
    expect(res.stderr).toContain('project transform project-crash crashed, so nothing was changed: proj boom');
    expect(res.stderr).not.toContain('internal error');
    expect(snapshot(dir)).toEqual(before);
    const json = await runCliInProcess(['run', transform, 'src', '--json'], dir);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout).summary).toMatchObject({ status: 'failed', changed: 0, errors: 1 });
  });

  it('output of a project transform that does not parse is never written, --no-verify too (round 18, F9)', async () => {
    const dir = tsProject();
    const before = snapshot(dir);
    const transform = path.join(repoRoot, '__tests__', 'support', 'project-unparsable.mjs');
    const res = await runCliInProcess(['run', transform, 'src', '--no-verify'], dir);
    expect(res.code).toBe(3);
    expect(res.stderr).toContain('produced output that does not parse');
    expect(snapshot(dir)).toEqual(before);
  });

  it('--verify checks NodeNext files in their real module format ("type": "module" makes them ESM)', async () => {
    const dir = tsProject();
    const transform = path.join(repoRoot, '__tests__', 'support', 'top-level-await.mjs');
    const res = await runCliInProcess(['run', transform, 'src', '--dry'], dir);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('verify: no new type errors');
    // The same file in a CommonJS package is an error the change introduced.
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'ts-app', private: true, type: 'commonjs' }));
    const cjs = await runCliInProcess(['run', transform, 'src', '--dry'], dir);
    expect(cjs.code).toBe(3);
    expect(cjs.stderr).toMatch(/src\/pricing\.ts:\d+:\d+ error TS1309: The current file is a CommonJS module/);
  });

  it('--verify gives an ES module the default import Node gives it from a CommonJS package (shared declaration files)', async () => {
    // node_modules/greeter is CommonJS (no "type"); its declaration says `export default`. Imported from an ES module
    // under NodeNext, the default import is module.exports itself, so `greeter.hello()` is an error (TS2339) that a
    // checker taking the declaration file without its module format would not see.
    const dir = tsProject();
    writeFiles(dir, {
      'node_modules/greeter/package.json': JSON.stringify({ name: 'greeter', version: '1.0.0', main: 'index.js', types: 'index.d.ts' }),
      'node_modules/greeter/index.js': 'exports.default = { hello: () => "hi" };\n',
      'node_modules/greeter/index.d.ts': 'declare const greeter: { hello(): string };\nexport default greeter;\n',
      'src/greet.ts': "import greeter from 'greeter';\n\nexport const name = 'world';\nvoid greeter;\n",
      'call-hello.mjs': [
        "export const meta = { name: 'call-hello', description: 'calls greeter.hello() (for --verify tests)', engine: 'project' };",
        'export default function callHello(ctx) {',
        "  for (const sf of ctx.files) if (sf.getFilePath().endsWith('/greet.ts')) sf.addStatements('export const text: string = greeter.hello();');",
        '}',
        '',
      ].join('\n'),
    });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'greeter');
    const res = await runCliInProcess(['run', './call-hello.mjs', 'src', '--dry'], dir);
    expect(res.code, res.stderr).toBe(3);
    expect(res.stderr).toMatch(/src\/greet\.ts:\d+:\d+ error TS2339: Property 'hello' does not exist/);
  });

  it('pre-existing type errors never block a change', async () => {
    const dir = tsProject();
    fs.appendFileSync(path.join(dir, 'src/checkout.ts'), 'export const broken: number = "not a number";\n');
    git(dir, 'commit', '-qam', 'existing error');
    const res = await runCliInProcess(['run', 'move-symbol', '--symbol', 'discount', '--from', 'src/pricing.ts', '--to', 'src/discounts.ts', 'src'], dir);
    expect(res.code, res.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'src/discounts.ts'))).toBe(true);
  });

  it('a refused move exits 4 with the reason and changes nothing', async () => {
    const dir = tsProject();
    const before = snapshot(dir);
    const res = await runCliInProcess(['run', 'move-symbol', '--symbol', 'discount', '--from', 'src/pricing.ts', '--to', 'src/checkout.ts', 'src'], dir);
    expect(res.code).toBe(4);
    expect(res.stderr).toContain('move-symbol made no change: src/checkout.ts already declares or imports "discount"');
    expect(snapshot(dir)).toEqual(before);
    const missing = await runCliInProcess(['run', 'move-symbol', '--from', 'src/pricing.ts', '--to', 'src/x.ts', 'src'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('transform move-symbol needs --symbol <string>');
  });

  it('list --json shows engine "project" for project transforms', async () => {
    const { transforms } = JSON.parse((await runCliInProcess(['list', '--json'], repoRoot)).stdout);
    expect(transforms.find((t: any) => t.name === 'move-symbol')).toMatchObject({ engine: 'project' });
    const described = await runCliInProcess(['describe', 'move-symbol'], repoRoot);
    expect(described.stdout).toContain('move-symbol (project engine)');
    expect(described.stdout).toMatch(/Example: [\w-]+ \(--symbol \w+ --from [^)]+\)\nbefore:\n {4}\/\/ [^\n]+\n[\s\S]*after:\n {4}\/\/ /);
  });
});

describe('verification reaches importers through barrels', { timeout: 300_000 }, () => {
  it('an export removed behind `export *` breaks an importer of the barrel, and --verify sees it', async () => {
    const dir = tempDir('remodel-barrel-');
    writeFiles(dir, {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler', noEmit: true } }),
      'lib/math.ts': 'export function round(n: number): number {\n  return Math.round(n);\n}\n',
      'lib/index.ts': "export * from './math';\n",
      'app.ts': "import { round } from './lib';\n\nexport const x = round(1.5);\n",
    });
    const transform = path.join(repoRoot, '__tests__', 'support', 'break-exports.mjs');
    const res = await runCliInProcess(['run', transform, 'lib/math.ts', '--dry'], dir);
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/app\.ts:1:\d+ error TS2305/);
  });

  it('an importer through a tsconfig path alias is checked when the file the alias lands on changes', async () => {
    const dir = tempDir('remodel-alias-');
    writeFiles(dir, {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'CommonJS', moduleResolution: 'node', baseUrl: '.', paths: { '@lib/*': ['lib/*'] }, noEmit: true } }),
      'lib/math.ts': 'export function round(n: number): number {\n  return Math.round(n);\n}\n',
      'app.ts': "import { round } from '@lib/math';\n\nexport const x = round(1.5);\n",
    });
    const transform = path.join(repoRoot, '__tests__', 'support', 'break-exports.mjs');
    const res = await runCliInProcess(['run', transform, 'lib/math.ts', '--dry'], dir);
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/app\.ts:1:\d+ error TS2305/);
  });

  it('refuses a run whose TypeScript files belong to a tsconfig.json that governs none of the other files (exit 2, nothing written)', async () => {
    const dir = tempDir('remodel-nested-tsconfig-');
    writeFiles(dir, {
      'index.js': "require('./server/users');\n",
      'server/tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'commonjs' } }),
      'server/users.ts': 'export const pick = (names: string[], i: number): string | undefined => names[i];\n',
    });
    initRepo(dir);
    const before = snapshot(dir);
    const run = await runCliInProcess(['run', 'move-symbol', '--symbol', 'pick', '--from', 'server/users.ts', '--to', 'server/pick.ts', '.', '--dry'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('belong to server/tsconfig.json, which does not govern the other files: run remodel on the folder of server/tsconfig.json');
    expect(snapshot(dir)).toEqual(before);
    // (run on that folder, its project's options apply)
    const inFolder = await runCliInProcess(['run', 'move-symbol', '--symbol', 'pick', '--from', 'server/users.ts', '--to', 'server/pick.ts', 'server', '--dry'], dir);
    expect(inFolder.code, inFolder.stderr).toBe(0);
    expect(inFolder.stdout).toContain('+export const pick = (names: string[], i: number): string | undefined => names[i];');
  });

  it("declaration files of packages are parsed without their documentation comments, the project's files with theirs", () => {
    const dir = tempDir('remodel-decl-docs-');
    writeFiles(dir, {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true } }),
      'node_modules/pkg/package.json': JSON.stringify({ name: 'pkg', version: '1.0.0', types: 'index.d.ts' }),
      'node_modules/pkg/index.d.ts': '/** Greets. @deprecated use hi */\nexport declare function hello(name: string): string;\n',
      'a.ts': "import { hello } from 'pkg';\n\n/** Says hello to the world. */\nexport function world(): string {\n  return hello('world');\n}\n",
    });
    const project = loadProject(dir, [path.join(dir, 'a.ts')]);
    const pkg = project.getSourceFileOrThrow(path.join(dir, 'node_modules/pkg/index.d.ts'));
    expect(pkg.getFunctionOrThrow('hello').getJsDocs()).toHaveLength(0);
    expect(project.getSourceFileOrThrow('a.ts').getFunctionOrThrow('world').getJsDocs()).toHaveLength(1);
    // Types and diagnostics are the same: the call type-checks, a wrong argument does not.
    expect(project.getProgram().getSemanticDiagnostics(project.getSourceFileOrThrow('a.ts'))).toHaveLength(0);
    project.getSourceFileOrThrow('a.ts').replaceWithText("import { hello } from 'pkg';\nexport const n: number = hello(1);\n");
    expect(project.getProgram().getSemanticDiagnostics(project.getSourceFileOrThrow('a.ts')).map((d) => d.getCode()).sort()).toEqual([2322, 2345]);
  });

  it('the project has one program: its type checker and its language service answer from the same one', () => {
    const dir = tempDir('remodel-one-program-');
    writeFiles(dir, {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true } }),
      'a.ts': 'export const a = 1;\n',
      'b.ts': "import { a } from './a';\nexport const b = a + 1;\n",
    });
    const project = loadProject(dir, [path.join(dir, 'a.ts'), path.join(dir, 'b.ts')]);
    const service = project.getLanguageService().compilerObject;
    expect(project.getProgram().compilerObject).toBe(service.getProgram());
    // After an edit both move to the same new program, and references see the edit.
    project.getSourceFileOrThrow('b.ts').addStatements('export const c = a * 2;');
    const program = project.getProgram().compilerObject;
    expect(program).toBe(service.getProgram());
    expect(program.getSourceFile(path.join(dir, 'b.ts'))!.text).toContain('a * 2');
    expect(project.getSourceFileOrThrow('a.ts').getVariableDeclarationOrThrow('a').findReferencesAsNodes()).toHaveLength(3);
  });

  it("the indentation at a file's first token is answered without the language service's own parse, as TypeScript answers it", () => {
    const starts = [
      'export const a = 1;\n',
      '\n\n    export const a = 1;\n',
      '#!/usr/bin/env node\n/* c */ // d\n\texport const a = 1;\n',
      '/** Docs. */\n  function f() {\n    return 1;\n  }\nexport const a = f();\n',
      '// only a comment\n',
      '',
    ];
    const dir = tempDir('remodel-indent-');
    writeFiles(dir, { 'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true } }), ...Object.fromEntries(starts.map((t, i) => [`f${i}.ts`, t])) });
    const project = loadProject(dir, starts.map((_, i) => path.join(dir, `f${i}.ts`)));
    // ts-morph's own project, whose language service parses each file itself to answer.
    const plain = new Project({ useInMemoryFileSystem: true });
    const settings = project.manipulationSettings.getEditorSettings();
    for (const [i, text] of starts.entries()) {
      const sf = project.getSourceFileOrThrow(`f${i}.ts`);
      const other = plain.createSourceFile(`/f${i}.ts`, text);
      for (const options of [settings, { ...settings, baseIndentSize: 4 }, { ...settings, indentStyle: ts.IndentStyle.None, baseIndentSize: 2 }]) {
        for (const at of [sf.getStart(), sf.getEnd()]) {
          expect(project.getLanguageService().compilerObject.getIndentationAtPosition(sf.getFilePath(), at, options)).toBe(
            plain.getLanguageService().compilerObject.getIndentationAtPosition(other.getFilePath(), at, options),
          );
        }
      }
      // A whole file replaced, and edits inside it, give the text they give in ts-morph's own project.
      const next = `${text}\nexport function g() {\n  return 2;\n}\n`;
      sf.replaceWithText(next);
      other.replaceWithText(next);
      sf.getFunctionOrThrow('g').addStatements('const b = 3;');
      other.getFunctionOrThrow('g').addStatements('const b = 3;');
      expect(sf.getFullText()).toBe(other.getFullText());
    }
  });
});

describe('kept diagnostics across programs (src/engine/file-diagnostics.ts)', () => {
  it('a created or deleted module file makes only the files importing it be checked again; a created script, every file', () => {
    const dir = tempDir('remodel-kept-diags-');
    writeFiles(dir, {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [] } }),
      'waits.ts': "import { later } from './later';\nexport const w: number = later;\n",
      'other.ts': "const x: number = 'no';\nexport { x };\n",
    });
    const abs = (f: string) => path.join(dir, f);
    const project = loadProject(dir, [abs('waits.ts'), abs('other.ts')]);
    const kept = fileDiagnostics(project);
    const of = (file: string) => kept.of(project.getProgram().compilerObject, abs(file));
    const otherBefore = of('other.ts');
    expect(otherBefore.map((d) => d.code)).toEqual([2322]);
    expect(of('waits.ts').map((d) => d.code)).toEqual([2307]);
    // A new module nothing imports: the other files keep what was computed (the very same list).
    project.createSourceFile(abs('unused.ts'), 'export const u = 1;\n');
    expect(of('other.ts')).toBe(otherBefore);
    // The module an unchanged file was missing is created (in memory): that file is checked again, its error is gone.
    project.createSourceFile(abs('later.ts'), 'export const later = 2;\n');
    expect(of('waits.ts').map((d) => d.code)).toEqual([]);
    expect(of('other.ts')).toBe(otherBefore);
    // And deleted again: the file importing it is checked again and cannot find it.
    project.removeSourceFile(project.getSourceFileOrThrow(abs('later.ts')));
    expect(of('waits.ts').map((d) => d.code)).toEqual([2307]);
    expect(of('other.ts')).toBe(otherBefore);
    // A script's declarations are global: every file is checked again.
    project.createSourceFile(abs('global.ts'), 'declare const later2: number;\n');
    expect(of('other.ts')).not.toBe(otherBefore);
    expect(of('other.ts').map((d) => d.code)).toEqual([2322]);
  });

  it('cold checks of a program give what a new cold checker gives for the same files in the same order, and repeat none', () => {
    const dir = tempDir('remodel-cold-checks-');
    writeFiles(dir, {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, noUnusedLocals: true, types: [] } }),
      'a.ts': "import { b } from './b';\nimport { c } from './c';\nexport const a: string = b + 1;\n",
      'b.ts': "export const b: number = 'x';\n",
      'c.ts': 'export const c = 1;\nconst unused = 2;\n',
    });
    const abs = (f: string) => path.join(dir, f);
    const project = loadProject(dir, ['a.ts', 'b.ts', 'c.ts'].map(abs));
    const program = project.getProgram().compilerObject;
    const sf = (f: string) => program.getSourceFile(abs(f))!;
    const ask = (checks: { of(sf: ts.SourceFile): readonly ts.Diagnostic[] }, files: string[]) =>
      files.map((f) => checks.of(sf(f)).map((d) => `${f} ${d.code} ${d.start} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`));
    const sequences = [['a.ts', 'b.ts'], ['a.ts'], ['a.ts', 'b.ts', 'c.ts'], ['c.ts', 'a.ts'], ['b.ts']];
    const first = new ColdChecks(program);
    const firstA = first.of(sf('a.ts'));
    first.of(sf('b.ts'));
    for (const files of sequences) expect(ask(new ColdChecks(program), files)).toEqual(ask(new ProgramChecks(program, true), files));
    // What was checked is not checked again: a request for the same files in the same order gets the very same lists.
    expect(new ColdChecks(program).of(sf('a.ts'))).toBe(firstA);
    expect(ask(new ColdChecks(program), ['c.ts']).flat().join('\n')).toMatch(/c\.ts 6133 /);
  });
});

describe('verification in a JavaScript package without Node type declarations', { timeout: 300_000 }, () => {
  it('missing-@types/node errors do not block a change when the project already had them; other new errors still do', async () => {
    const dir = tempDir('remodel-no-node-types-');
    writeFiles(dir, {
      'package.json': JSON.stringify({ name: 'pkg', version: '1.0.0', main: 'index.js' }),
      'index.js': "'use strict';\nvar path = require('path');\nmodule.exports = function where() {\n  return path.join(__dirname, 'x');\n};\n",
      'test.js': "var where = require('./index.js');\nif (!where().endsWith('x')) throw new Error('bad');\nconsole.log('ok');\n",
    });
    initRepo(dir);
    // cjs-to-esm brings in `node:url` (for __dirname): without @types/node that is TS2591, as `require` was TS2580.
    const res = await runCliInProcess(['run', 'cjs-to-esm', '.'], dir);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('verify: no new type errors');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).type).toBe('module');
    expect(fs.readFileSync(path.join(dir, 'index.js'), 'utf8')).toMatch(/^import /m);
    expect(execFileSync(process.execPath, ['test.js'], { cwd: dir, encoding: 'utf8' })).toBe('ok\n');
    // A real type error the change would introduce is still caught in the same kind of project.
    const breaker = path.join(repoRoot, '__tests__', 'support', 'break-exports.mjs');
    writeFiles(dir, { 'lib.js': 'export function round(n) {\n  return Math.round(n);\n}\n', 'use.js': "import { round } from './lib.js';\nexport const x = round(1.5);\n" });
    const broken = await runCliInProcess(['run', breaker, '.', '--dry', '--allow-dirty'], dir);
    expect(broken.code).toBe(3);
    expect(broken.stderr).toMatch(/use\.js:1:\d+ error TS2305/);
  });
});
