/**
 * vitest global setup: tests that start the CLI run `dist/`, fixture tests run the sources. So that a stale build
 * can never pass (or fail) a test, every module of src/ and transforms/ is compiled before any test runs
 * (TypeScript's transpiler, file by file: a few seconds, no type check) and written where dist/ holds other code;
 * after `npm test`'s one tsc pass (type check and build) there is nothing to write. Each output is written to a
 * temporary file and renamed, so a CLI running at the same time never reads half a module.
 */
import { createHash } from 'node:crypto';
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

const outputOf = (file: string) => path.join(root, 'dist', path.relative(root, file)).replace(/\.ts$/, '.js');

/**
 * What earlier runs found (node_modules/.cache, never shipped or committed): per module, the hash of what it was
 * transpiled from (compiler version, options, path and source text) and the hash of its output. A module whose
 * source hashes the same and whose output in dist/ hashes as that output is not transpiled again: the transpiler's
 * output is a function of exactly those inputs. Anything else (no record, an edited source, an output tsc or anyone
 * rewrote differently) is transpiled and compared as before. Spares the ~3.5 s of CPU that transpiling all of
 * src/ and transforms/ takes at the start of every run, before any test can start.
 */
const manifestFile = path.join(root, 'node_modules', '.cache', 'remodel-tests', 'fresh-dist.json');
type Manifest = Record<string, { source: string; output: string }>;

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

function readManifest(): Manifest {
  try {
    return JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  } catch {
    return {};
  }
}

function writeManifest(manifest: Manifest): void {
  try {
    fs.mkdirSync(path.dirname(manifestFile), { recursive: true });
    const tmp = `${manifestFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(manifest));
    fs.renameSync(tmp, manifestFile);
  } catch {
    // only costs the next run's time
  }
}

/**
 * Compiles every module of src/ and transforms/ and writes those whose build differs. Modification times cannot
 * decide it: a tsc build that read a file before it was edited writes its output after the edit.
 */
export function buildStale(): string[] {
  const read = ts.readConfigFile(path.join(root, 'tsconfig.build.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(read.config, ts.sys, root);
  // Every module here is an ES module ("type": "module"); the transpiler cannot look that up itself.
  const compilerOptions = { ...options, module: ts.ModuleKind.ESNext, declaration: false, sourceMap: false, inlineSourceMap: false };
  const settings = `${ts.version}\0${JSON.stringify(compilerOptions)}`;
  const known = readManifest();
  const manifest: Manifest = {};
  const written: string[] = [];
  for (const file of ['src', 'transforms'].flatMap((d) => sources(path.join(root, d)))) {
    const rel = path.relative(root, file);
    const source = fs.readFileSync(file, 'utf8');
    const sourceHash = sha1(`${settings}\0${rel}\0${source}`);
    const out = outputOf(file);
    let current: string | undefined;
    try {
      // tsc keeps a source map comment the transpiler here does not write; the code itself must be the same.
      current = fs.readFileSync(out, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
    } catch {
      // not built yet
    }
    const record = known[rel];
    if (current !== undefined && record?.source === sourceHash && record.output === sha1(current)) {
      manifest[rel] = record;
      continue;
    }
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: file });
    manifest[rel] = { source: sourceHash, output: sha1(outputText) };
    if (current === outputText) continue;
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const tmp = `${out}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, outputText);
    fs.renameSync(tmp, out);
    written.push(file);
  }
  writeManifest(manifest);
  removeOrphans();
  return written;
}

/**
 * Removes the outputs of modules that no longer exist (a transform split into a folder leaves `dist/transforms/x.js`
 * behind, and the registry would list it next to `x/index.js`).
 */
function removeOrphans(): void {
  for (const d of ['src', 'transforms']) {
    const dir = path.join(root, 'dist', d);
    if (!fs.existsSync(dir)) continue;
    for (const out of builtJs(dir)) {
      const source = path.join(root, path.relative(path.join(root, 'dist'), out)).replace(/(\.d\.ts|\.js)$/, '.ts');
      if (!fs.existsSync(source)) for (const f of [out, `${out}.map`]) fs.rmSync(f, { force: true });
    }
  }
}

function builtJs(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) builtJs(abs, out);
    else if (/\.(js|d\.ts)$/.test(e.name)) out.push(abs);
  }
  return out;
}

export default function setup(): void {
  const started = performance.now();
  const built = buildStale();
  if (built.length) {
    const ms = Math.round(performance.now() - started);
    process.stderr.write(`fresh-dist: compiled ${built.length} module(s) whose build in dist/ was out of date (${ms} ms): ${built.slice(0, 5).map((f) => path.relative(root, f)).join(', ')}${built.length > 5 ? ', ...' : ''}\n`);
  }
}
