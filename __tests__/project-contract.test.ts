import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProjectTransform, type ProjectTransformContext } from '../src/engine/project-engine.js';
import type { LoadedTransform, TransformMeta } from '../src/types.js';
import { repoRoot, tempDir, writeFiles } from './support/helpers.js';

function projectTransform(meta: Partial<TransformMeta>, fn: (ctx: ProjectTransformContext) => void): LoadedTransform {
  return { kind: 'remodel', meta: { name: 'probe', description: 'probe', engine: 'project', ...meta }, transform: fn as never };
}

const run = (t: LoadedTransform, cwd: string, files: string[], overlay?: Map<string, string | null>) =>
  runProjectTransform(t, 'probe', {
    cwd,
    files: files.map((f) => path.join(cwd, f)),
    transformOptions: {},
    parser: 'auto',
    format: 'none',
    verify: false,
    ...(overlay ? { overlay } : {}),
  });

describe('project transform context: readFile', () => {
  it('reads the program, then this step, then the recipe overlay, then the disk', async () => {
    const dir = tempDir('remodel-contract-');
    writeFiles(dir, {
      'package.json': '{"name":"on-disk"}',
      'notes.md': 'disk notes',
      'gone.md': 'deleted by an earlier step',
      'a.js': 'export const a = 1;\n',
    });
    const overlay = new Map<string, string | null>([
      [path.join(dir, 'package.json'), '{"name":"from-earlier-step"}'],
      [path.join(dir, 'gone.md'), null],
    ]);
    const seen: Record<string, string | undefined> = {};
    const t = projectTransform({}, (ctx) => {
      ctx.files[0].replaceWithText('export const a = 2;\n');
      ctx.writeFile('written.txt', 'this step');
      for (const f of ['package.json', 'notes.md', 'gone.md', 'a.js', 'written.txt', 'missing.txt']) seen[f] = ctx.readFile(f);
      seen.absolute = ctx.readFile(path.join(dir, 'notes.md'));
    });
    await run(t, dir, ['a.js'], overlay);
    expect(seen).toEqual({
      'package.json': '{"name":"from-earlier-step"}',
      'notes.md': 'disk notes',
      'gone.md': undefined,
      'a.js': 'export const a = 2;\n',
      'written.txt': 'this step',
      'missing.txt': undefined,
      absolute: 'disk notes',
    });
  });
});

describe('project engine: meta.prefilter', () => {
  it('never runs (nor loads the program) when no selected file passes; every file is unchanged', async () => {
    const dir = tempDir('remodel-contract-');
    writeFiles(dir, { 'a.js': 'export const a = 1;\n', 'b.js': 'export const b = 2;\n' });
    let calls = 0;
    const t = projectTransform({ prefilter: (s) => s.includes('TODO') }, () => {
      calls++;
    });
    const result = await run(t, dir, ['a.js', 'b.js']);
    expect(calls).toBe(0);
    expect(result.files.map((f) => [f.path, f.status])).toEqual([
      ['a.js', 'unchanged'],
      ['b.js', 'unchanged'],
    ]);
    expect(result.timings).toBeUndefined(); // nothing was loaded
  });

  it('runs on every selected file when one passes, judged on the text after earlier recipe steps', async () => {
    const dir = tempDir('remodel-contract-');
    writeFiles(dir, { 'a.js': 'export const a = 1;\n', 'b.js': 'export const b = 2;\n' });
    let files: string[] = [];
    const t = projectTransform({ prefilter: (s) => s.includes('TODO') }, (ctx) => {
      files = ctx.files.map((f) => f.getBaseName());
    });
    await run(t, dir, ['a.js', 'b.js'], new Map([[path.join(dir, 'b.js'), '// TODO\nexport const b = 2;\n']]));
    expect(files).toEqual(['a.js', 'b.js']);
  });
});

/**
 * The published package as a third party gets it: `npm pack`, installed into a fresh package, a project transform
 * written against the exported types is type-checked with tsc (library declarations included) and run with the
 * package's CLI.
 */
describe('published package: a third-party project transform', () => {
  it('type-checks against the exported context and runs with the installed CLI', { timeout: 300_000 }, () => {
    const work = tempDir('remodel-pack-');
    const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    // dist/ is fresh (global setup); the describe examples are what `prepare` adds to it before packing.
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'pack-examples.mjs')], { cwd: repoRoot });
    const packed = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], repoRoot))[0];
    const listed: string[] = packed.files.map((f: { path: string }) => f.path);
    expect(listed.filter((f) => f.includes('__testfixtures__') || f.startsWith('__tests__') || f.startsWith('dist/__tests__'))).toEqual([]);
    expect(listed).toContain('dist/src/index.d.ts');
    expect(listed).toContain('dist/describe-examples.json');

    const consumer = path.join(work, 'consumer');
    writeFiles(consumer, {
      'package.json': JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
      'tsconfig.json': JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] },
        include: ['add-banner.ts'],
      }),
      'add-banner.ts': [
        "import type { ProjectTransformContext, TransformMeta } from 'remodel';",
        '',
        'interface Options {',
        '  label: string;',
        '}',
        '',
        'export const meta: TransformMeta = {',
        "  name: 'add-banner',",
        "  description: 'Puts a banner naming the package on top of each selected file',",
        "  engine: 'project',",
        "  prefilter: (source) => !source.startsWith('// banner'),",
        '};',
        '',
        'export default function addBanner(ctx: ProjectTransformContext<Options>): void {',
        "  const pkg = JSON.parse(ctx.readFile('package.json') ?? '{}') as { name?: string };",
        '  for (const file of ctx.files) {',
        "    if (file.getFullText().startsWith('// banner')) continue;",
        "    file.insertText(0, `// banner: ${pkg.name ?? 'unknown'}\\n`);",
        "    ctx.report(file, 'banner added', 0, 'banner-added');",
        '  }',
        '}',
        '',
      ].join('\n'),
      'app/package.json': JSON.stringify({ name: 'demo-app', type: 'module' }),
      'app/a.js': 'export const a = 1;\n',
      'done/b.js': '// banner: done\nexport const b = 1;\n',
    });
    // @types/node: the declarations of a Node tool name Node's types, as any Node project installing it has.
    const typesNode = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules/@types/node/package.json'), 'utf8')).version;
    npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(work, packed.filename), `@types/node@${typesNode}`], consumer);

    // jscodeshift and vitest are optional peers: an install does not bring them, and nothing below needs them.
    const installed = (name: string) => fs.existsSync(path.join(consumer, 'node_modules', name, 'package.json'));
    expect([installed('jscodeshift'), installed('vitest'), installed('@babel/types')]).toEqual([false, false, true]);

    const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'lib', 'tsc.js');
    const check = (() => {
      try {
        return execFileSync(process.execPath, [tsc, '-p', '.'], { cwd: consumer, encoding: 'utf8' });
      } catch (err) {
        return (err as { stdout: string }).stdout;
      }
    })();
    expect(check).toBe('');

    const cli = path.join(consumer, 'node_modules', 'remodel', 'bin', 'remodel.js');
    const dry = execFileSync(process.execPath, [cli, 'run', '../add-banner.ts', '.', '--dry', '--no-cache'], { cwd: path.join(consumer, 'app'), encoding: 'utf8' });
    expect(dry).toContain('+// banner: demo-app');
    // The prefilter turns the step down without loading a program: nothing changes.
    const json = execFileSync(process.execPath, [cli, 'run', '../add-banner.ts', '.', '--json', '--dry', '--no-cache'], { cwd: path.join(consumer, 'done'), encoding: 'utf8' });
    expect(JSON.parse(json).files.map((f: { status: string }) => f.status)).toEqual(['unchanged']);
    // The installed package describes a built-in with its example, though no fixture is shipped.
    const described = execFileSync(process.execPath, [cli, 'describe', 'no-var'], { cwd: consumer, encoding: 'utf8' });
    expect(described).toMatch(/Example: /);
  });
});
