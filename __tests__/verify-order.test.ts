import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SyntaxKind, ts } from 'ts-morph';
import { fileDiagnostics } from '../src/engine/file-diagnostics.js';
import { loadProject } from '../src/engine/project-engine.js';
import { runCliInProcess } from './support/cli-in-process.js';
import { copyDir, git, initRepo, repoRoot, snapshot, tempDir } from './support/helpers.js';
import { tsc } from './support/tsc.js';

/**
 * The check after a project transform ("verify: no new type errors") sees an unused import the change leaves
 * behind (TS6133 under noUnusedLocals) whatever the order the transform edited its files in (adversarial round 9,
 * F7: extract-service on two routers wrote a router that tsc rejects when the other router came after it).
 *
 * TypeScript keeps "this declaration is used" on the compiler's symbols of a source file, which every program that
 * keeps that file (unchanged) shares, and a checker sets it on more than name uses: describing references or
 * printing a type where a file imports a name marks that import as used. The fixture's transform looks up the
 * references of `find` in b.ts after a.ts's last edit, as extract-service did for the second router.
 */
const fixture = path.join(repoRoot, '__testfixtures__', 'verify-order');
const transform = path.join(fixture, 'transform.mjs');

function project(rename: Record<string, string> = {}): string {
  const dir = tempDir('remodel-verify-order-');
  copyDir(path.join(fixture, 'project'), dir);
  for (const [from, to] of Object.entries(rename)) fs.renameSync(path.join(dir, from), path.join(dir, to));
  initRepo(dir);
  return dir;
}

describe('verify after a project transform, whatever the order of its edits', { timeout: 120_000 }, () => {
  it('refuses a change set that leaves an unused import in a file edited before another file was looked up', async () => {
    const dir = project();
    const before = snapshot(dir);
    const res = await runCliInProcess(['run', transform, '.'], dir);
    expect(res.stderr).toMatch(/^a\.ts:1:21 error TS6133: 'Row' is declared but its value is never read\.$/m);
    expect(res.stderr).toContain('verify: 1 new type error(s)');
    expect(res.stderr).toContain('nothing was written');
    expect(res.code).toBe(3);
    expect(snapshot(dir)).toEqual(before);
    // What it refused is what tsc rejects: the same change written anyway.
    const written = await runCliInProcess(['run', transform, '.', '--no-verify'], dir);
    expect(written.code, written.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'a.ts'), 'utf8')).toMatch(/^import \{ find, type Row \} from '\.\/db';$/m);
    expect(() => tsc(dir)).toThrow(/TS6133: 'Row' is declared but its value is never read/);
  });

  it('refuses it as well when that file comes last (the order that was already caught)', async () => {
    const dir = project({ 'a.ts': 'c.ts' });
    const before = snapshot(dir);
    const res = await runCliInProcess(['run', transform, '.'], dir);
    expect(res.stderr).toMatch(/^c\.ts:1:21 error TS6133: 'Row' is declared but its value is never read\.$/m);
    expect(res.code).toBe(3);
    expect(snapshot(dir)).toEqual(before);
  });

  it('an unused import the project already had is not counted as new, though a lookup marked it used as loaded', async () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, 'a.ts'), "import { find, type Row } from './db';\n\nexport const a = find(1);\n");
    git(dir, 'commit', '-qam', 'unused import');
    const res = await runCliInProcess(['run', path.join(fixture, 'lookup-first.mjs'), '.'], dir);
    expect(res.stderr).toContain('verify: no new type errors');
    expect(res.code, res.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'a.ts'), 'utf8')).toContain('export const a = find(3)?.name;');
  });

  it('kept diagnostics: an unused import marked used by a lookup in the program is still reported', () => {
    const dir = project();
    const abs = (f: string) => path.join(dir, f);
    const loaded = loadProject(dir, [abs('a.ts'), abs('b.ts'), abs('db.ts')]);
    const a = loaded.getSourceFileOrThrow(abs('a.ts'));
    a.getFunctionOrThrow('show').remove();
    a.getVariableDeclarationOrThrow('a').setInitializer('find(1)!.name');
    // The lookup goes through the program's own checker, the one the check would use.
    const b = loaded.getSourceFileOrThrow(abs('b.ts'));
    b.getImportDeclarations()[0].getNamedImports()[0].getNameNode().asKindOrThrow(SyntaxKind.Identifier).findReferencesAsNodes();
    const program = loaded.getProgram().compilerObject;
    const codes = (list: readonly ts.Diagnostic[]) => list.map((d) => d.code);
    expect(codes(fileDiagnostics(loaded).of(program, abs('a.ts')))).toEqual([6133]);
    expect(codes(fileDiagnostics(loaded).of(program, abs('b.ts')))).toEqual([]);
    // The program's checker itself says nothing (what the check used to take); the lookup's marks are left as they were.
    expect(codes(program.getSemanticDiagnostics(program.getSourceFile(abs('a.ts'))))).toEqual([]);
  });
});
