import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LoadedTransform, PipelineTransform, TransformMeta, TransformSpec } from './types.js';

import { UsageError } from './errors.js';

/**
 * The parser, for following a local transform's imports (localModuleDigest). Imported when a transform is loaded
 * from a path, never for built-ins: the main thread of a per-file run does not load Babel for nothing.
 */
let parseModule: typeof import('./parse.js') | undefined;

export { UsageError };

/**
 * Built-in transforms: every module or folder (with an `index`) directly under `transforms/`, except names starting
 * with `_` (shared helpers). Listed from the directory so that adding a transform never edits a central list; loaded
 * lazily so that `remodel --help` does not pay for their dependencies.
 */
// The bundled CLI (scripts/bundle-cli.mjs defines REMODEL_BUNDLED) loads its own copies of the built-ins, beside it.
declare const REMODEL_BUNDLED: boolean | undefined;
const TRANSFORMS_DIR = new URL(typeof REMODEL_BUNDLED === 'boolean' && REMODEL_BUNDLED ? './transforms/' : '../transforms/', import.meta.url);
let builtinFiles: Map<string, string> | undefined;

function builtins(): Map<string, string> {
  if (builtinFiles) return builtinFiles;
  builtinFiles = new Map();
  // From dist/ the modules are .js; from the TypeScript sources (vitest, jiti) they are .ts.
  const moduleExt = /\.(js|ts)$/;
  let entries: fs.Dirent[] = [];
  try {
    entries = fs.readdirSync(TRANSFORMS_DIR, { withFileTypes: true });
  } catch {
    return builtinFiles;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      for (const index of ['index.js', 'index.ts']) {
        if (fs.existsSync(new URL(`${entry.name}/${index}`, TRANSFORMS_DIR))) {
          builtinFiles.set(entry.name, `${entry.name}/${index}`);
          break;
        }
      }
    } else if (moduleExt.test(entry.name) && !/\.d\.ts$|\.map$/.test(entry.name)) {
      builtinFiles.set(entry.name.replace(moduleExt, ''), entry.name);
    }
  }
  return builtinFiles;
}

const BUILTINS = {
  has: (name: string) => builtins().has(name),
  load: (name: string): Promise<Record<string, unknown>> => import(new URL(builtins().get(name)!, TRANSFORMS_DIR).href),
};

/**
 * A digest of a built-in's code: its module (or every file of its folder) and the shared `_` helpers. Part of the
 * cache key, so an edited transform never serves stale results even when its `meta.version` was not bumped.
 */
export function builtinDigest(name: string): string {
  const entry = builtins().get(name);
  const hash = createHash('sha1');
  if (!entry) return '';
  const dir = fileURLToPath(TRANSFORMS_DIR);
  const add = (file: string) => {
    try {
      const stat = fs.statSync(file);
      if (stat.isDirectory()) for (const f of fs.readdirSync(file).sort()) add(path.join(file, f));
      else if (/\.[cm]?[jt]s$/.test(file)) hash.update(file.slice(dir.length)).update(fs.readFileSync(file));
    } catch {
      // unreadable: the version alone decides
    }
  };
  add(path.join(dir, entry.includes('/') ? path.dirname(entry) : entry));
  for (const f of fs.readdirSync(dir).sort()) if (f.startsWith('_')) add(path.join(dir, f));
  return hash.digest('hex').slice(0, 16);
}

export function builtinNames(): string[] {
  return [...builtins().keys()].sort();
}

const TRANSFORM_EXTENSIONS = ['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx'];

/**
 * Decides whether `<transform>` names a built-in, a local transform in one of the config's `transforms` folders
 * (`<dir>/<name>.ts` or `<dir>/<name>/index.ts`, any module extension), or a module file.
 */
export function resolveTransformSpec(nameOrPath: string, cwd: string, transformDirs: string[] = []): TransformSpec {
  if (BUILTINS.has(nameOrPath)) return { kind: 'builtin', name: nameOrPath };
  if (/^[\w@.-][\w.-]*$/.test(nameOrPath)) {
    for (const dir of transformDirs) {
      const local = findModule(path.join(dir, nameOrPath)) ?? findModule(path.join(dir, nameOrPath, 'index'));
      if (local) return { kind: 'path', path: local };
    }
  }
  const candidate = path.resolve(cwd, nameOrPath);
  if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return { kind: 'path', path: candidate };
  const withExt = findModule(candidate);
  if (withExt) return { kind: 'path', path: withExt };
  const known = builtinNames().join(', ');
  throw new UsageError(`unknown transform "${nameOrPath}": not a built-in (${known}), recipe or local transform, and no such file`);
}

function findModule(base: string): string | undefined {
  for (const ext of TRANSFORM_EXTENSIONS) {
    if (fs.existsSync(base + ext)) return base + ext;
  }
  return undefined;
}

/** The transforms of the config's `transforms` folders, by name (file name without extension, or folder name). */
export function localTransformPaths(transformDirs: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of transformDirs) {
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.') || /\.d\.[cm]?ts$/.test(entry.name)) continue;
      const name = entry.isDirectory() ? entry.name : entry.name.replace(/\.[^.]+$/, '');
      const file = entry.isDirectory()
        ? findModule(path.join(dir, entry.name, 'index'))
        : TRANSFORM_EXTENSIONS.includes(path.extname(entry.name))
          ? path.join(dir, entry.name)
          : undefined;
      if (file && !found.has(name)) found.set(name, file);
    }
  }
  return found;
}

const loaded = new Map<string, Promise<LoadedTransform>>();

function specKey(spec: TransformSpec): string {
  if (spec.kind === 'builtin') return `builtin:${spec.name}`;
  if (spec.kind === 'path') return `path:${spec.path}`;
  return `pipeline:${JSON.stringify(spec)}`;
}

export function loadTransform(spec: TransformSpec): Promise<LoadedTransform> {
  const key = specKey(spec);
  let pending = loaded.get(key);
  if (!pending) {
    pending =
      spec.kind === 'builtin'
        ? BUILTINS.load(spec.name).then((m) => normalize(m, spec.name))
        : spec.kind === 'path'
          ? loadFromPath(spec.path)
          : loadPipeline(spec);
    loaded.set(key, pending);
  }
  return pending;
}

async function loadPipeline(spec: Extract<TransformSpec, { kind: 'pipeline' }>): Promise<PipelineTransform> {
  const steps = await Promise.all(
    spec.steps.map(async (s) => {
      const transform = await loadTransform(s.spec);
      if (transform.kind === 'pipeline' || transform.meta.engine !== 'file') {
        throw new UsageError(`${transform.meta.name} cannot run as a per-file step`);
      }
      // Built-ins never change the AST they read, so a step may hand it on to the next (see file-engine.ts).
      return { transform, options: s.options, ...(s.spec.kind === 'builtin' ? { readOnlyAst: true } : {}) };
    }),
  );
  const names = steps.map((s) => s.transform.meta.name);
  return {
    kind: 'pipeline',
    meta: { name: spec.name, description: `per-file steps ${names.join(' → ')}`, engine: 'file', version: '1' },
    steps,
  };
}

async function loadFromPath(file: string): Promise<LoadedTransform> {
  parseModule ??= await import('./parse.js');
  let mod: Record<string, unknown>;
  try {
    const ext = path.extname(file);
    if (ext === '.mjs' || ext === '.cjs') {
      mod = await import(pathToFileURL(file).href);
    } else {
      // jiti compiles TypeScript and ESM-in-CJS-package modules on the fly, as jscodeshift's babel-register does.
      const { createJiti } = await import('jiti');
      const jiti = createJiti(import.meta.url, { interopDefault: false, moduleCache: true, fsCache: false });
      mod = (await jiti.import(file)) as Record<string, unknown>;
    }
  } catch (err) {
    throw new UsageError(`cannot load transform ${file}: ${(err as Error).message}`);
  }
  const fallbackName = path.basename(file).replace(/\.[^.]+$/, '');
  return normalize(mod, fallbackName, file);
}

/** Accepts remodel modules (`meta` + default function) and plain jscodeshift modules (ESM or CJS). */
export function normalize(mod: Record<string, unknown>, fallbackName: string, file?: string): LoadedTransform {
  const def = mod.default as any;
  const meta = (mod.meta ?? def?.meta) as TransformMeta | undefined;
  if (meta && typeof meta === 'object' && typeof meta.name === 'string') {
    const fn = typeof def === 'function' ? def : typeof def?.transform === 'function' ? def.transform : mod.transform;
    if (typeof fn !== 'function') {
      throw new UsageError(`transform ${meta.name} exports meta but no transform function (default export)`);
    }
    return { kind: 'remodel', meta, transform: fn as any };
  }
  // jscodeshift's own rule: `module.default` when it is a function, else the module itself.
  let fn: unknown = typeof def === 'function' ? def : mod;
  if (typeof fn !== 'function' && def && typeof def.default === 'function') fn = def.default;
  if (typeof fn !== 'function') {
    throw new UsageError(`${file ?? fallbackName} does not export a transform function`);
  }
  const parser = (mod.parser ?? def?.parser) as any;
  return {
    kind: 'jscodeshift',
    meta: {
      name: fallbackName,
      description: `jscodeshift transform ${file ? path.basename(file) : fallbackName}`,
      engine: 'file',
    },
    transform: fn as any,
    parser: typeof parser === 'string' || (parser && typeof parser.parse === 'function') ? parser : undefined,
  };
}

export async function loadBuiltins(): Promise<LoadedTransform[]> {
  return Promise.all(builtinNames().map((name) => loadTransform({ kind: 'builtin', name })));
}

const MODULE_EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json'];

/** A relative specifier as Node, jiti and TypeScript resolve it: exact, with an extension, `.js` → `.ts`, or an index. */
function resolveLocal(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [
    ...MODULE_EXTENSIONS.map((e) => base + e),
    ...(/\.[cm]?jsx?$/.test(base) ? ['.ts', '.tsx', '.mts', '.cts'].map((e) => base.replace(/\.[cm]?jsx?$/, e)) : []),
    ...MODULE_EXTENSIONS.slice(1).map((e) => path.join(base, `index${e}`)),
  ];
  return candidates.find((c) => {
    try {
      return fs.statSync(c).isFile();
    } catch {
      return false;
    }
  });
}

/** Modules through which a transform can learn what neither its module graph nor files beside it hold. */
const OUTSIDE_WORLD = new Set(['child_process', 'http', 'https', 'http2', 'net', 'dgram', 'os', 'process', 'worker_threads', 'undici', 'node-fetch', 'axios']);
/** Modules that read files: the data files in the folder of a module that loads one are part of its identity. */
const FILE_READERS = new Set(['fs', 'fs/promises', 'fs-extra', 'graceful-fs']);
/** What localImports lists for "reads files": the data files in the module's own folder. */
const DATA_BESIDE = '\0data-beside';
/** Files a transform reads as data (a rename map, a list of names): JSON, YAML, TOML, INI, CSV, plain text. */
const DATA_FILE = /\.(json|jsonc|json5|ya?ml|toml|ini|csv|tsv|txt)$/i;

/**
 * The relative modules a module loads (static imports, re-exports, `require`, `import()`, `import x = require()`),
 * or undefined when that cannot be known: a `require`/`import()` of a computed name, a file that does not parse, or a
 * module that learns from the outside world (child_process, the network, `process.env`/`argv`/`cwd`). A module that
 * reads files (fs) lists DATA_BESIDE too.
 * Package imports are left out (their version is not part of the cache key).
 */
function localImports(file: string, text: string): string[] | undefined {
  // Not loaded (no transform was loaded from a path): the graph is not known, so nothing is cached.
  if (!parseModule) return undefined;
  const { parseSource, parserFor } = parseModule;
  let ast;
  try {
    ast = parseSource(text, parserFor(file, 'auto'));
  } catch {
    return undefined;
  }
  const specifiers: string[] = [];
  let unknown = false;
  const literal = (node: any): string | undefined =>
    node?.type === 'StringLiteral' ? node.value : node?.type === 'TemplateLiteral' && node.expressions.length === 0 ? node.quasis[0].value.cooked : undefined;
  const visit = (node: any) => {
    if (!node || typeof node.type !== 'string' || unknown) return;
    // what the module reads at run time from outside its module graph: the environment, the command line
    if (node.type === 'MemberExpression' && node.object?.type === 'Identifier' && node.object.name === 'process' && ['env', 'argv', 'cwd'].includes(node.property?.name)) {
      unknown = true;
      return;
    }
    if ((node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') && node.source) {
      specifiers.push(node.source.value);
    } else if (node.type === 'TSExternalModuleReference') {
      specifiers.push(node.expression.value);
    } else if (node.type === 'CallExpression' || node.type === 'ImportExpression') {
      const callee = node.callee;
      const loads =
        node.type === 'ImportExpression' ||
        callee?.type === 'Import' ||
        (callee?.type === 'Identifier' && callee.name === 'require') ||
        (callee?.type === 'MemberExpression' && callee.object?.type === 'Identifier' && callee.object.name === 'require' && callee.property?.name === 'resolve');
      if (loads) {
        const name = literal(node.type === 'ImportExpression' ? node.source : node.arguments[0]);
        if (name === undefined) {
          unknown = true;
          return;
        }
        specifiers.push(name);
      }
    }
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'start' || key === 'end' || key === 'extra' || key.endsWith('Comments')) continue;
      const value = node[key];
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(ast.program);
  if (unknown) return undefined;
  const files: string[] = [];
  for (const s of specifiers) {
    // (a module that runs programs or asks the network may depend on anything: its results are not cached,
    // adversarial round 18, F7; one that reads files is keyed by the data files beside it, see localModuleDigest)
    if (OUTSIDE_WORLD.has(s.replace(/^node:/, ''))) return undefined;
    if (FILE_READERS.has(s.replace(/^node:/, ''))) files.push(DATA_BESIDE);
    if (!s.startsWith('.') && !path.isAbsolute(s)) continue;
    const resolved = resolveLocal(file, s);
    if (!resolved) return undefined;
    files.push(resolved);
  }
  return files;
}

/**
 * A digest of a local transform and every local module it loads, followed recursively; undefined when the graph
 * cannot be known (then the transform is not cached).
 */
export function localModuleDigest(entry: string): string | undefined {
  const hash = createHash('sha1');
  const seen = new Set<string>();
  const queue = [path.resolve(entry)];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      return undefined;
    }
    hash.update(`${path.relative(path.dirname(entry), file)}\0${bytes.length}\0`).update(bytes);
    if (DATA_FILE.test(file)) continue;
    const imports = localImports(file, bytes.toString('utf8'));
    if (!imports) return undefined;
    for (const i of imports) {
      if (i !== DATA_BESIDE) {
        queue.push(i);
        continue;
      }
      // (a module that reads files: the data files beside it, a rename map in rules.json, which it reads by a path
      // no import names; more than a few, or a folder that cannot be listed, and the transform is not cached)
      let names: string[];
      try {
        names = fs.readdirSync(path.dirname(file)).filter((n) => DATA_FILE.test(n) && n !== 'package.json' && n !== 'package-lock.json').sort();
      } catch {
        return undefined;
      }
      if (names.length > 50) return undefined;
      queue.push(...names.map((n) => path.join(path.dirname(file), n)));
    }
  }
  return hash.digest('hex');
}
