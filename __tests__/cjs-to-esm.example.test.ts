import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from './support/cli-in-process.js';
import { exampleTests } from './support/examples.js';
import { copyDir, initRepo, repoRoot } from './support/helpers.js';

// Inside the repository, so that `express` resolves from its node_modules both for the transform (which resolves
// every require to decide the import form) and for the converted app's own tests.
const work = fs.mkdtempSync(path.join(repoRoot, '.tmp-cjs-to-esm-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function legacyRepo(): string {
  const dir = fs.mkdtempSync(path.join(work, 'legacy-'));
  copyDir(path.join(repoRoot, 'examples', 'legacy-api'), dir);
  initRepo(dir);
  return dir;
}

/** The example's own tests (support/examples.ts: a tree already tested in this run is not tested again). */
const projectTests = (dir: string) => exampleTests(dir, false);

// The built CLI's entry point runs in this process (support/cli-in-process.ts): these tests are about the rewrite.
// Awaited runs are held to the test timeout (spawnSync was not): a loaded machine needs more than the default.
describe('cjs-to-esm on examples/legacy-api', { timeout: 300_000 }, () => {
  it('converts every module, sets "type": "module", and the app still passes its own tests', async () => {
    const dir = legacyRepo();
    expect(projectTests(dir)).toMatch(/# fail 0/);

    const dry = await runCliInProcess(['run', 'cjs-to-esm', '.', '--json'], dir); // --json reports without writing
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout).refusal).toBeUndefined();
    const res = await runCliInProcess(['run', 'cjs-to-esm', '.'], dir);
    expect(res.code, res.stderr).toBe(0);

    expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).type).toBe('module');
    const sources = ['app.js', 'server.js', 'db.js', 'lib/format.js', 'routes/users.js', 'routes/orders.js', 'test-support/harness.js'];
    for (const file of sources) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/\brequire\s*\(|\bmodule\.exports\s*[=.]/);
      expect(text, file).toMatch(file === 'server.js' ? /^import / : /^export /m);
    }
    // Relative specifiers name the file, as Node's ESM resolution needs.
    expect(fs.readFileSync(path.join(dir, 'routes/users.js'), 'utf8')).toContain("from '../lib/format.js'");
    // The package entry keeps what CommonJS users got from require().
    expect(fs.readFileSync(path.join(dir, 'app.js'), 'utf8')).toContain("export { app as 'module.exports' }");

    expect(projectTests(dir)).toMatch(/# fail 0/);
    // A second run has nothing left to do.
    const again = await runCliInProcess(['run', 'cjs-to-esm', '.', '--check'], dir);
    expect(again.code, again.stdout + again.stderr).toBe(0);
  });

  it('--rename writes .mjs files, leaves package.json alone, and the tests still pass', async () => {
    const dir = legacyRepo();
    const pkgBefore = fs.readFileSync(path.join(dir, 'package.json'), 'utf8');
    const res = await runCliInProcess(['run', 'cjs-to-esm', '.', '--rename'], dir);
    expect(res.code, res.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(pkgBefore);
    // app.js is package.json's "main": it stays CommonJS, and so does everything it requires.
    expect(fs.existsSync(path.join(dir, 'app.js'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'server.mjs'))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'server.mjs'), 'utf8')).toContain("import app from './app.js'");
    // The test files and their harness became .mjs files importing the CommonJS app; the suite still passes.
    expect(fs.existsSync(path.join(dir, 'test', 'app.test.mjs'))).toBe(true);
    expect(projectTests(dir)).toMatch(/# fail 0/);
  });
});
