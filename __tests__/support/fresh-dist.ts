/**
 * vitest global setup: tests that start the CLI run `dist/`, fixture tests run the sources. So that a stale build
 * can never pass (or fail) a test, every module of src/ and transforms/ whose build is missing or older than its
 * source is compiled again before any test runs (TypeScript's transpiler, file by file: a second or two, never a
 * type check; `npm test` type-checks and builds everything with one tsc pass before vitest and leaves nothing here
 * to do). Each output is written to a temporary file and renamed, so a CLI running at the same time never reads
 * half a module.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..', '..');

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) sources(abs, out);
    else if (/\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name)) out.push(abs);
  }
  return out;
}

const mtime = (file: string) => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
};

/** The modules whose build is missing or older than the source (or than the compiler options). */
export function staleModules(): string[] {
  const config = mtime(path.join(root, 'tsconfig.json'));
  return ['src', 'transforms']
    .flatMap((d) => sources(path.join(root, d)))
    .filter((file) => {
      const built = mtime(outputOf(file));
      return built < mtime(file) || built < config;
    });
}

const outputOf = (file: string) => path.join(root, 'dist', path.relative(root, file)).replace(/\.ts$/, '.js');

export function buildStale(): string[] {
  const stale = staleModules();
  if (!stale.length) return stale;
  const read = ts.readConfigFile(path.join(root, 'tsconfig.build.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(read.config, ts.sys, root);
  // Every module here is an ES module ("type": "module"); the transpiler cannot look that up itself.
  const compilerOptions = { ...options, module: ts.ModuleKind.ESNext, declaration: false, sourceMap: false, inlineSourceMap: false };
  for (const file of stale) {
    const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions, fileName: file });
    const out = outputOf(file);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const tmp = `${out}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, outputText);
    fs.renameSync(tmp, out);
  }
  return stale;
}

export default function setup(): void {
  const started = performance.now();
  const built = buildStale();
  if (built.length) {
    const ms = Math.round(performance.now() - started);
    process.stderr.write(`fresh-dist: compiled ${built.length} module(s) newer than dist/ (${ms} ms): ${built.slice(0, 5).map((f) => path.relative(root, f)).join(', ')}${built.length > 5 ? ', ...' : ''}\n`);
  }
}
