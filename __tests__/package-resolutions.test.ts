import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ts } from 'ts-morph';
import { PackageResolutions } from '../src/engine/package-resolutions.js';
import { loadProject } from '../src/engine/project-engine.js';
import { tempDir, writeFiles } from './support/helpers.js';

/**
 * What files under node_modules import is resolved once per run (src/engine/package-resolutions.ts); the programs
 * built with it must be the compiler's own: the same files, resolutions and diagnostics, also after a project file
 * the first program could not resolve was created.
 */
function app(): string {
  const dir = tempDir('remodel-package-resolutions-');
  writeFiles(dir, {
    'package.json': '{ "name": "app", "private": true }\n',
    'tsconfig.json': '{ "compilerOptions": { "module": "nodenext", "strict": true, "types": [], "lib": ["es2022"] }, "include": ["*.ts"] }\n',
    'a.ts': "import { one } from 'pkg';\nimport { two } from './b.js';\nexport const three: number = one + two;\n",
    'node_modules/pkg/package.json': '{ "name": "pkg", "version": "1.0.0", "types": "index.d.ts" }\n',
    'node_modules/pkg/index.d.ts': "export { one } from './sub.js';\nexport type { Dep } from 'dep';\n",
    'node_modules/pkg/sub.d.ts': 'export declare const one: number;\n',
    'node_modules/dep/package.json': '{ "name": "dep", "version": "1.0.0", "exports": { ".": { "types": "./d.d.ts" } } }\n',
    'node_modules/dep/d.d.ts': 'export interface Dep { x: string }\n',
  });
  return dir;
}

function describeProgram(program: ts.Program, root: string) {
  const rel = (f: string) => path.relative(root, f);
  return {
    files: program.getSourceFiles().map((sf) => rel(sf.fileName)).filter((f) => !f.startsWith('..')),
    diagnostics: ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? rel(d.file.fileName) : ''} ${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`),
  };
}

describe('package resolutions kept for a run', () => {
  it('give the programs the compiler builds by itself, before and after a file is created', () => {
    const dir = app();
    const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, types: [], noLib: true };
    const kept = new PackageResolutions();
    const build = (hooked: boolean, files: string[], oldProgram?: ts.Program) => {
      const host = ts.createCompilerHost(options, true);
      if (hooked) Object.assign(host, kept.hooks(() => options, host, host.getCurrentDirectory()));
      return ts.createProgram({ rootNames: files.map((f) => path.join(dir, f)), options, host, ...(oldProgram ? { oldProgram } : {}) });
    };
    const plain1 = build(false, ['a.ts']);
    const hooked1 = build(true, ['a.ts']);
    expect(describeProgram(hooked1, dir)).toEqual(describeProgram(plain1, dir));
    expect(describeProgram(plain1, dir).diagnostics.join('\n')).toContain('2307');
    writeFiles(dir, { 'b.ts': 'export const two = 2;\n' });
    const plain2 = build(false, ['a.ts', 'b.ts'], plain1);
    const hooked2 = build(true, ['a.ts', 'b.ts'], hooked1);
    expect(describeProgram(hooked2, dir)).toEqual(describeProgram(plain2, dir));
    expect(describeProgram(plain2, dir).diagnostics.join('\n')).not.toContain('2307');
    expect(describeProgram(plain2, dir).files).toEqual(expect.arrayContaining(['node_modules/pkg/sub.d.ts', 'node_modules/dep/d.d.ts', 'b.ts']));
  });

  it("are what a loaded project's language service uses, after an edit creating a file too", () => {
    const dir = app();
    const project = loadProject(dir, [path.join(dir, 'a.ts')]);
    const service = project.getLanguageService().compilerObject;
    const host = (service as unknown as { getProgram(): ts.Program }).getProgram();
    expect(describeProgram(host, dir).diagnostics.join('\n')).toContain('2307');
    project.createSourceFile(path.join(dir, 'b.ts'), 'export const two = 2;\n');
    expect(describeProgram(project.getProgram().compilerObject, dir).diagnostics).toEqual([]);
  });

  it('under baseUrl, hold until a file is created where a package looked first, then give what the compiler gives', () => {
    // a package's bare import under baseUrl looks among the project's files first (`<baseUrl>/shadow.ts`)
    const dir = tempDir('remodel-package-resolutions-base-');
    writeFiles(dir, {
      'package.json': '{ "name": "app", "private": true }\n',
      'a.ts': "import { value } from 'pkg';\nexport const n: number = value;\n",
      'node_modules/pkg/package.json': '{ "name": "pkg", "version": "1.0.0", "types": "index.d.ts" }\n',
      'node_modules/pkg/index.d.ts': "import type { Shadow } from 'shadow';\nexport declare const value: Shadow;\n",
      'node_modules/shadow/package.json': '{ "name": "shadow", "version": "1.0.0", "types": "index.d.ts" }\n',
      'node_modules/shadow/index.d.ts': 'export type Shadow = number;\n',
    });
    const options: ts.CompilerOptions = { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, baseUrl: dir, strict: true, types: [], noLib: true };
    const kept = new PackageResolutions();
    const build = (hooked: boolean, files: string[], oldProgram?: ts.Program) => {
      const host = ts.createCompilerHost(options, true);
      const roots = files.map((f) => path.join(dir, f));
      if (hooked) Object.assign(host, kept.hooks(() => options, host, host.getCurrentDirectory(), () => roots));
      return ts.createProgram({ rootNames: roots, options, host, ...(oldProgram ? { oldProgram } : {}) });
    };
    const plain1 = build(false, ['a.ts']);
    const hooked1 = build(true, ['a.ts']);
    expect(describeProgram(hooked1, dir)).toEqual(describeProgram(plain1, dir));
    expect(describeProgram(plain1, dir).diagnostics.join('\n')).not.toContain('2322');
    // a file elsewhere: what was kept still holds (and is still the compiler's answer)
    writeFiles(dir, { 'other.ts': 'export const o = 1;\n' });
    const hooked2 = build(true, ['a.ts', 'other.ts'], hooked1);
    expect(describeProgram(hooked2, dir)).toEqual(describeProgram(build(false, ['a.ts', 'other.ts'], plain1), dir));
    // a file where the package looked first: now the package's import means the project's file
    writeFiles(dir, { 'shadow.ts': 'export type Shadow = string;\n' });
    const plain3 = build(false, ['a.ts', 'other.ts', 'shadow.ts']);
    const hooked3 = build(true, ['a.ts', 'other.ts', 'shadow.ts'], hooked2);
    expect(describeProgram(plain3, dir).diagnostics.join('\n')).toContain('2322');
    expect(describeProgram(hooked3, dir)).toEqual(describeProgram(plain3, dir));
  });
});

