import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyDir, repoRoot, runCli, snapshot, tempDir } from './support/helpers.js';

const support = path.join(repoRoot, '__tests__', 'support', 'jscodeshift');
const jscodeshiftBin = path.join(repoRoot, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');

/** Runs jscodeshift's own runner and remodel on two copies of the same inputs; returns both trees. */
function bothRunners(transform: string, jscodeshiftArgs: string[], remodelArgs: string[]) {
  const viaJscodeshift = tempDir('remodel-jscs-');
  const viaRemodel = tempDir('remodel-own-');
  copyDir(path.join(support, 'inputs'), viaJscodeshift);
  copyDir(path.join(support, 'inputs'), viaRemodel);
  execFileSync(process.execPath, [jscodeshiftBin, '-t', path.join(support, transform), '.', '--silent', ...jscodeshiftArgs], {
    cwd: viaJscodeshift,
    stdio: 'pipe',
  });
  const res = runCli(['run', path.join(support, transform), '.', '--format', 'none', ...remodelArgs], viaRemodel);
  return { jscodeshift: snapshot(viaJscodeshift), remodel: snapshot(viaRemodel), res, input: snapshot(path.join(support, 'inputs')) };
}

const asText = (m: Map<string, Buffer>) => Object.fromEntries([...m].map(([k, v]) => [k, v.toString('utf8')]));

describe('plain jscodeshift transforms run unchanged, with output identical to jscodeshift’s runner', () => {
  it('ESM-syntax .js transform with recast reprinting and api.stats', () => {
    const { jscodeshift, remodel, res, input } = bothRunners('function-to-arrow.js', ['--extensions=js,jsx'], ['--extensions', 'js,jsx']);
    expect(res.code).toBe(0);
    expect(asText(remodel)).toEqual(asText(jscodeshift));
    expect(asText(remodel)).not.toEqual(asText(input)); // something did change
    expect(res.stderr).toContain('stat functions converted: 4');
  });

  it('CommonJS transform that returns undefined for untouched files, with options and api.report', () => {
    const { jscodeshift, remodel, res } = bothRunners('rename-require.cjs', ['--extensions=js,jsx', '--to=node-fetch'], ['--extensions', 'js,jsx', '--to', 'node-fetch']);
    expect(res.code).toBe(0);
    expect(asText(remodel)).toEqual(asText(jscodeshift));
    expect(remodel.get('handlers.js')!.toString()).toContain('require("node-fetch")');
    expect(res.stderr).toContain('skipped 2 × transform returned nothing');
    expect(res.stderr).toContain('1 × rewrote 1 require(s)');
  });

  it('TypeScript transform module with `export const parser`', () => {
    const { jscodeshift, remodel, res } = bothRunners('add-return-types.ts', ['--extensions=tsx'], ['--extensions', 'tsx']);
    expect(res.code).toBe(0);
    expect(asText(remodel)).toEqual(asText(jscodeshift));
    expect(remodel.get('service.tsx')!.toString()).toContain('export function log(message: string): void {');
  });

  it('the dry-run diff of a jscodeshift transform matches what a real run writes', () => {
    const dir = tempDir();
    copyDir(path.join(support, 'inputs'), dir);
    const patch = path.join(dir, '..', `${path.basename(dir)}.diff`);
    const dry = runCli(['run', path.join(support, 'function-to-arrow.js'), '.', '--patch', patch], dir);
    expect(dry.code).toBe(0);
    const copy = tempDir();
    copyDir(dir, copy);
    execFileSync('patch', ['-p1', '-s', '-i', patch], { cwd: copy });
    runCli(['run', path.join(support, 'function-to-arrow.js'), '.'], dir);
    expect(asText(snapshot(copy))).toEqual(asText(snapshot(dir)));
    expect(fs.existsSync(patch)).toBe(true);
  });
});
