import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProject } from '../src/engine/project-engine.js';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** An app whose tsconfig sets no `types`, with an @types package declaring a global and the given typescript version. */
function app(typescript: string | undefined, compilerOptions: Record<string, unknown> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-compiler-defaults-'));
  made.push(dir);
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  write('tsconfig.json', JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', noEmit: true, ...compilerOptions }, include: ['src'] }));
  write('node_modules/@types/testglobals/package.json', JSON.stringify({ name: '@types/testglobals', version: '1.0.0', types: 'index.d.ts' }));
  write('node_modules/@types/testglobals/index.d.ts', 'declare function describe(name: string, fn: () => void): void;\n');
  if (typescript) write('node_modules/typescript/package.json', JSON.stringify({ name: 'typescript', version: typescript }));
  write('src/a.test.ts', "describe('x', () => {});\nexport {};\n");
  return dir;
}

// (TS2304, TS2582, TS2593: cannot find name `describe`, with or without a hint to install test types)
const missesGlobal = (dir: string) => loadProject(dir, [path.join(dir, 'src/a.test.ts')]).getPreEmitDiagnostics().some((d) => [2304, 2582, 2593].includes(d.getCode()));

describe('compiler defaults of the app\'s own TypeScript', () => {
  it('includes every @types package for an app on TypeScript 5 or without one, as its own tsc did', () => {
    expect(missesGlobal(app('5.4.5'))).toBe(false);
    expect(missesGlobal(app(undefined))).toBe(false);
  });

  it('keeps TypeScript 6 defaults for an app on TypeScript 6, and a tsconfig that lists its types', () => {
    expect(missesGlobal(app('6.0.2'))).toBe(true);
    expect(missesGlobal(app('5.4.5', { types: [] }))).toBe(true);
  });
});
