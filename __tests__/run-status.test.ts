import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initRepo, repoRoot, runCli, tempDir, writeFiles } from './support/helpers.js';

/** Blocked and refused runs have their own status in the JSON report and their own exit code. */
const TSCONFIG = JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true }, include: ['src'] });

function project(): string {
  const dir = tempDir('remodel-status-');
  writeFiles(dir, {
    'package.json': JSON.stringify({ name: 'ts-app', private: true, type: 'module' }),
    'tsconfig.json': TSCONFIG,
    'src/math.ts': 'export function round(n: number): number {\n  return Math.round(n);\n}\n',
    'src/use.ts': "import { round } from './math.js';\nexport const x = round(1.5);\n",
    'src/extra.ts': 'export const y = 1;\n',
  });
  initRepo(dir);
  return dir;
}

describe('run status and exit codes', () => {
  it('a run blocked by verification says status "blocked", changed 0, and marks its files blocked (exit 3)', () => {
    const dir = project();
    const res = runCli(['run', path.join(repoRoot, '__tests__', 'support', 'break-exports.mjs'), 'src', '--json'], dir);
    expect(res.code).toBe(3);
    const report = JSON.parse(res.stdout);
    expect(report.summary).toMatchObject({ status: 'blocked', changed: 0, blocked: 1, errors: 0 });
    expect(report.files.find((f: { path: string }) => f.path === 'src/math.ts').status).toBe('blocked');
  });
  it('a refused run says status "refused" and exits 4, not the usage code 2', () => {
    const dir = project();
    // src/use.ts already declares x: moving another x there is refused.
    writeFiles(dir, { 'src/extra.ts': 'export const x = 2;\n' });
    const r = runCli(['run', 'move-symbol', '--symbol', 'x', '--from', 'src/extra.ts', '--to', 'src/use.ts', 'src', '--json', '--allow-dirty'], dir);
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout).summary.status).toBe('refused');
  });
  it('a plain run says status "changed" or "unchanged"', () => {
    const dir = tempDir('remodel-status-');
    writeFiles(dir, { 'package.json': '{ "private": true }\n', 'a.js': 'var a = 1;\nmodule.exports = a;\n' });
    expect(JSON.parse(runCli(['run', 'no-var', '.', '--json'], dir).stdout).summary.status).toBe('changed');
    expect(JSON.parse(runCli(['run', 'template-literals', '.', '--json'], dir).stdout).summary.status).toBe('unchanged');
  });
});
