import fs from 'node:fs';
import path from 'node:path';
import { nearestPackage } from '../../src/target.js';

/**
 * Other files of the package that call an exported constructor without `new` (`Store.call(this)`,
 * `Store.apply(this, arguments)`, `Store()`, `Store.bind`), which throws once the constructor is a class.
 *
 * A per-file transform sees one file, so this reads the sibling files of the package cheaply, as text: every
 * JS/TS file under the folder of the nearest package.json (node_modules, .git and dist-like output excluded). A
 * file counts as a caller when it
 * - binds the module to a local name (`var S = require('./store')`, `require('./store').Store`,
 *   `import S from './store.js'`, `import { Store as S } from './store'`) and calls or applies that name, or
 * - calls or applies the constructor's own name (`Store.call(`) or a property of that name on any object
 *   (`session.Store.call(`, `this.Store.apply(`), whatever it requires: over-matching costs a conversion, never
 *   behaviour.
 * The scan is read once per package folder and thread.
 */

const CODE = /\.(js|jsx|mjs|cjs|ts|tsx|mts|cts)$/;
const SKIP_DIRS = new Set(['node_modules', '.git', 'coverage', 'bower_components', 'vendor']);
const MAX_FILES = 20_000;
const MAX_SIZE = 1_000_000;

export interface SourceFile {
  abs: string;
  text: string;
}

const packageFiles = new Map<string, SourceFile[]>();

function listFiles(root: string): SourceFile[] {
  const cached = packageFiles.get(root);
  if (cached) return cached;
  const out: SourceFile[] = [];
  const visit = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (out.length >= MAX_FILES) return;
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        // A nested package is another project, except fixture folders of this one (they are still its files).
        if (SKIP_DIRS.has(e.name)) continue;
        visit(abs);
      } else if (e.isFile() && CODE.test(e.name) && !/\.d\.[cm]?ts$/.test(e.name)) {
        try {
          const stat = fs.statSync(abs);
          if (stat.size > MAX_SIZE) continue;
          const text = fs.readFileSync(abs, 'utf8');
          // Only files that call or apply something, or call a function, can matter; keep the rest out of memory.
          if (/\.\s*(call|apply|bind)\s*\(|require\s*\(|\bimport\b/.test(text)) out.push({ abs, text });
        } catch {
          // unreadable: nothing to learn
        }
      }
    }
  };
  visit(root);
  packageFiles.set(root, out);
  return out;
}

/** Forgets the scans (tests that write new files). */
export function clearCallerScan(): void {
  packageFiles.clear();
}

const escape = (s: string) => s.replace(/[$]/g, '\\$');

/** Whether `specifier`, required from `fromFile`, is the module `target`. */
function resolvesTo(specifier: string, fromFile: string, target: string, packageName?: string, packageDir?: string): boolean {
  let base: string | undefined;
  if (specifier.startsWith('.')) base = path.resolve(path.dirname(fromFile), specifier);
  else if (packageName && packageDir && (specifier === packageName || specifier.startsWith(packageName + '/'))) {
    base = path.join(packageDir, specifier.slice(packageName.length));
  }
  if (!base) return false;
  const noExt = target.replace(/\.[^./]+$/, '');
  const candidates = [base, base.replace(/\.[cm]?js$/, ''), base.replace(/\.[^./]+$/, '')];
  if (candidates.some((c) => c === target || c === noExt)) return true;
  // `require('..')` / `require('./lib')`: the folder's index, or the package's main.
  const dirIndex = path.join(base, 'index');
  if (noExt === dirIndex) return true;
  return false;
}

export interface Caller {
  file: string;
  line: number;
  text: string;
}

/** The package `absFile` belongs to, its other files, and how a file names `absFile` (the module defining `name`). */
export interface PackageScope {
  root: string;
  files: SourceFile[];
  self: string;
  name: string;
  /** Whether `spec`, required from `from`, is the module itself, or the package's main read for its `name` property. */
  reachesSelf(spec: string, from: string, prop?: string): boolean;
  /** Whether `spec`, required from `from`, is a module of this package (relative inside it, or the package's own name). */
  insidePackage(spec: string, from: string): boolean;
}

export function packageScope(absFile: string, name: string): PackageScope {
  const pkg = nearestPackage(absFile);
  const root = pkg?.dir ?? path.dirname(absFile);
  const self = path.resolve(absFile);
  const pkgName = typeof pkg?.json.name === 'string' ? pkg.json.name : undefined;
  const mainFile = pkg ? path.resolve(pkg.dir, typeof pkg.json.main === 'string' ? pkg.json.main : 'index.js') : undefined;
  return {
    root,
    files: listFiles(root),
    self,
    name,
    reachesSelf: (spec, from, prop) =>
      resolvesTo(spec, from, self, pkgName, pkg?.dir) || (prop === name && mainFile !== undefined && resolvesTo(spec, from, mainFile, pkgName, pkg?.dir)),
    insidePackage: (spec, from) =>
      spec.startsWith('.') ? !path.relative(root, path.resolve(path.dirname(from), spec)).startsWith('..') : pkgName !== undefined && (spec === pkgName || spec.startsWith(pkgName + '/')),
  };
}

/**
 * What a file's text binds, read with regular expressions: `bound`, the local names of the module itself (or of
 * its `name` property); `modules`, local names of any module of the package (whose `.name` property may be the
 * constructor, re-exported: `session.Store`); `requiresPackage`, whether it requires or imports the package at all.
 */
export function textBindings(f: SourceFile, scope: PackageScope): { bound: Set<string>; modules: Set<string>; requiresPackage: boolean } {
  const { name } = scope;
  const bound = new Set<string>();
  const modules = new Set<string>();
  let requiresPackage = false;
  const reachesSelf = (spec: string, prop?: string) => scope.reachesSelf(spec, f.abs, prop);
  const bind = /(?:\b(?:var|let|const)\s+([A-Za-z_$][\w$]*)\s*=\s*|\b([A-Za-z_$][\w$]*)\s*=\s*)?require\s*\(\s*(['"])([^'"]+)\3\s*\)\s*(?:\.\s*([A-Za-z_$][\w$]*))?/g;
  for (const m of f.text.matchAll(bind)) {
    const local = m[1] ?? m[2];
    const spec = m[4];
    const prop = m[5];
    if (!scope.insidePackage(spec, f.abs)) continue;
    requiresPackage = true;
    if (!local) continue;
    if (reachesSelf(spec, prop) && (!prop || prop === name)) bound.add(local);
    if (!prop) modules.add(local);
  }
  const imports = /\bimport\s+(?:([A-Za-z_$][\w$]*)\s*,?\s*)?(?:\*\s+as\s+([A-Za-z_$][\w$]*)\s*)?(?:\{([^}]*)\})?\s*from\s*(['"])([^'"]+)\4/g;
  for (const m of f.text.matchAll(imports)) {
    const spec = m[5];
    if (!scope.insidePackage(spec, f.abs)) continue;
    requiresPackage = true;
    if (m[2]) modules.add(m[2]);
    if (m[1] && reachesSelf(spec)) bound.add(m[1]);
    for (const part of (m[3] ?? '').split(',')) {
      const [imported, local] = part.trim().split(/\s+as\s+/);
      if ((imported === name && reachesSelf(spec, name)) || (imported === 'default' && reachesSelf(spec))) bound.add(local ?? imported);
    }
  }
  return { bound, modules, requiresPackage };
}

/**
 * The first place outside `absFile` that calls the constructor `name` (exported by `absFile`) without `new`, or
 * undefined.
 */
export function findCallerWithoutNew(absFile: string, name: string): Caller | undefined {
  const scope = packageScope(absFile, name);
  for (const f of scope.files) {
    if (f.abs === scope.self) continue;
    const { bound, modules, requiresPackage } = textBindings(f, scope);
    if (!requiresPackage) continue;
    // The constructor's own name counts too (a subclass file that got it some other way), once the file uses the package.
    const names = [...new Set([name, ...bound])].map(escape).join('|');
    const viaModule = [...modules].map(escape).join('|');
    const patterns = [
      // Store.call( / S.apply( / Store.bind(
      new RegExp(`(?:^|[^\\w$.])(?:${names})\\s*\\.\\s*(?:call|apply|bind)\\s*\\(`, 'm'),
      // session.Store.call( / require('./store').Store.apply(
      new RegExp(`(?:${viaModule ? `(?:^|[^\\w$.])(?:${viaModule})|` : ''}require\\s*\\([^)]*\\))\\s*\\.\\s*${escape(name)}\\s*\\.\\s*(?:call|apply|bind)\\s*\\(`, 'm'),
      // S( for a local bound to the constructor, not preceded by new, a dot or `function`
      ...(bound.size ? [new RegExp(`(?<!\\bnew\\s+)(?<!\\bfunction\\s+)(?<![\\w$.])(?:${[...bound].map(escape).join('|')})\\s*\\(`, 'm')] : []),
    ];
    for (const re of patterns) {
      const m = re.exec(f.text);
      if (!m) continue;
      const at = m.index;
      const line = f.text.slice(0, at).split('\n').length;
      const lineText = f.text.split('\n')[line - 1].trim();
      return { file: f.abs, line, text: lineText.length > 80 ? lineText.slice(0, 77) + '...' : lineText };
    }
  }
  return undefined;
}
