/**
 * The checker remodel runs is TypeScript 6 (through ts-morph), whose `types` option defaults to `[]`: no @types
 * package joins the program unless listed. An app written for TypeScript 5 or earlier (its own typescript package,
 * or none) had every @types package included, so its test globals, `process` or `Buffer` were known without an
 * import; checked without them here, code the app's own tsc accepts showed errors that are not there
 * (actualbudget/actual-server: `describe`, `it`, `expect` about 650 times), transforms refused it for them, and types
 * read as `any`. For such an app whose tsconfig (and what it extends) sets no `types`, the packages of its type roots
 * are listed: its `typeRoots`, or every node_modules/@types folder from the tsconfig's folder up.
 *
 * TypeScript 6 also turns `strict` on when a tsconfig leaves it unset. That stays: with strictNullChecks the checker
 * keeps `| null` in the types, which is what tells the transforms a value may be missing; without it every type
 * reads as present.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ts } from 'ts-morph';

/** The options to lay over the tsconfig's for the app's own TypeScript (empty for TypeScript 6 or later). */
export function compilerDefaultsFor(tsconfig: string): ts.CompilerOptions {
  const major = typescriptMajor(path.dirname(tsconfig));
  if (major !== undefined && major >= 6) return {};
  const set = optionsSet(tsconfig, 0);
  const overrides: ts.CompilerOptions = {};
  // (named one by one: the language service's host, whose program the engine uses, cannot list folders for `*`)
  if (!set.has('types')) {
    const roots = set.get('typeRoots');
    overrides.types = typesPackages(Array.isArray(roots?.value) ? roots.value.filter((r): r is string => typeof r === 'string').map((r) => path.resolve(roots.dir, r)) : atTypesFolders(path.dirname(tsconfig)));
  }
  return overrides;
}

/** Every node_modules/@types folder from `dir` up: TypeScript 5's type roots when a tsconfig names none. */
function atTypesFolders(dir: string): string[] {
  const roots: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    roots.push(path.join(d, 'node_modules', '@types'));
    if (path.dirname(d) === d) return roots;
  }
}

/** The packages in the type roots, as TypeScript 5 included them by default. */
function typesPackages(roots: string[]): string[] {
  const names = new Set<string>();
  for (const root of roots) {
    let entries: string[] = [];
    try {
      entries = fs.readdirSync(root);
    } catch {
      entries = [];
    }
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      // (a stub whose package.json says `"typings": null` is left out, as the compiler does)
      try {
        if (JSON.parse(fs.readFileSync(path.join(root, name, 'package.json'), 'utf8')).typings === null) continue;
      } catch {
        // no package.json: a plain folder of declarations
      }
      names.add(name);
    }
  }
  return [...names].sort();
}

/** The major version of the typescript package the app installs, looking up from `dir`; undefined when none. */
export function typescriptMajor(dir: string): number | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const pkg = path.join(d, 'node_modules', 'typescript', 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        const major = Number(String(JSON.parse(fs.readFileSync(pkg, 'utf8')).version).split('.')[0]);
        return Number.isFinite(major) ? major : undefined;
      } catch {
        return undefined;
      }
    }
    if (path.dirname(d) === d) return undefined;
  }
}

/**
 * The compiler options a tsconfig sets, itself or through what it extends (a chain of at most 8), each with its value
 * and the folder of the file that set it (a later base overrides an earlier one, the file itself all of them).
 */
function optionsSet(tsconfig: string, depth: number): Map<string, { value: unknown; dir: string }> {
  const set = new Map<string, { value: unknown; dir: string }>();
  if (depth > 8) return set;
  const read = ts.readConfigFile(tsconfig, (f) => fs.readFileSync(f, 'utf8'));
  const config = read.config as { compilerOptions?: Record<string, unknown>; extends?: string | string[] } | undefined;
  if (!config) return set;
  const bases = typeof config.extends === 'string' ? [config.extends] : Array.isArray(config.extends) ? config.extends : [];
  for (const base of bases) {
    const file = resolveExtends(base, path.dirname(tsconfig));
    if (file) for (const [key, v] of optionsSet(file, depth + 1)) set.set(key, v);
  }
  for (const [key, value] of Object.entries(config.compilerOptions ?? {})) set.set(key, { value, dir: path.dirname(tsconfig) });
  return set;
}

function resolveExtends(spec: string, dir: string): string | undefined {
  const candidates = spec.startsWith('.') || path.isAbsolute(spec) ? [path.resolve(dir, spec)] : [];
  if (!candidates.length) {
    // (a package: its tsconfig.json, or the JSON file named)
    const load = createRequire(path.join(dir, 'tsconfig.json'));
    for (const request of [`${spec}/tsconfig.json`, spec, `${spec}.json`]) {
      try {
        const found = load.resolve(request);
        if (found.endsWith('.json')) {
          candidates.push(found);
          break;
        }
      } catch {
        // try the next form
      }
    }
  }
  for (const c of candidates) {
    for (const f of [c, `${c}.json`]) if (fs.existsSync(f) && fs.statSync(f).isFile()) return f;
  }
  return undefined;
}
