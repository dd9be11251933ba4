import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from './support/cli-in-process.js';
import { exampleTests } from './support/examples.js';
import { copyDir, git, initRepo, mtimes, repoRoot, snapshot, tempDir } from './support/helpers.js';

/** A git repository holding a copy of examples/legacy-api, with express resolvable through a node_modules link. */
function legacyRepo(): string {
  const dir = tempDir('remodel-legacy-');
  copyDir(path.join(repoRoot, 'examples', 'legacy-api'), dir);
  fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules\n');
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  initRepo(dir);
  return dir;
}

/** The example's own tests (support/examples.ts: a tree already tested in this run is not tested again). */
const projectTests = (dir: string) => exampleTests(dir, false);

// The built CLI's entry point runs in this process (support/cli-in-process.ts); awaited runs are held to the test
// timeout (spawnSync was not), so a loaded machine gets more than the default.
describe('examples/legacy-api as a real git project', { timeout: 300_000 }, () => {
  it('its own tests pass before any transform', async () => {
    expect(projectTests(legacyRepo())).toMatch(/# fail 0/);
  });

  for (const transform of ['no-var', 'template-literals']) {
    it(`${transform}: --dry writes nothing, --patch + git apply equals the real run, --check 1 then 0, tests still pass`, async () => {
      const dir = legacyRepo();
      const before = snapshot(dir);
      const times = mtimes(dir);

      const dry = await runCliInProcess(['run', transform, '.', '--dry'], dir);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain('diff --git a/');
      expect(snapshot(dir)).toEqual(before);
      expect(mtimes(dir)).toEqual(times);

      expect((await runCliInProcess(['run', transform, '.', '--check'], dir)).code).toBe(1);

      const patchFile = path.join(dir, '..', `${path.basename(dir)}-${transform}.diff`);
      expect((await runCliInProcess(['run', transform, '.', '--patch', patchFile], dir)).code).toBe(0);
      const viaPatch = tempDir('remodel-legacy-patched-');
      fs.rmSync(viaPatch, { recursive: true });
      git(path.dirname(viaPatch), 'clone', '-q', dir, viaPatch);
      git(viaPatch, 'apply', patchFile);

      const real = await runCliInProcess(['run', transform, '.'], dir);
      expect(real.code).toBe(0);
      expect(snapshot(viaPatch)).toEqual(snapshot(dir));
      expect(snapshot(dir)).not.toEqual(before);
      expect((await runCliInProcess(['run', transform, '.', '--check'], dir)).code).toBe(0);
      expect(projectTests(dir)).toMatch(/# fail 0/);
    });
  }

  it('no-var leaves the hoisting traps of the example alone and says why', async () => {
    const dir = legacyRepo();
    const res = await runCliInProcess(['run', 'no-var', '.', '--json'], dir);
    const report = JSON.parse(res.stdout);
    const reasons = report.files.flatMap((f: any) => (f.reports ?? []).map((r: any) => r.reason));
    expect(reasons).toEqual(expect.arrayContaining(['used-outside-block', 'hoisted-function', 'redeclared', 'closure-in-loop']));
    const db = report.files.find((f: any) => f.path === 'db.js');
    expect(db.reports.some((r: any) => r.reason === 'hoisted-function' && r.line > 0 && r.column > 0)).toBe(true);
  });

  it('no-var then template-literals in sequence keep the tests passing', async () => {
    const dir = legacyRepo();
    expect((await runCliInProcess(['run', 'no-var', '.'], dir)).code).toBe(0);
    git(dir, 'commit', '-qam', 'no-var');
    expect((await runCliInProcess(['run', 'template-literals', '.'], dir)).code).toBe(0);
    expect(projectTests(dir)).toMatch(/# fail 0/);
  });
});
