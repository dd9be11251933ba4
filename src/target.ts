import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { z } from 'zod';
import type { FileTransformContext, FileTransformResult } from './types.js';

/**
 * Target-aware syntax: which ECMAScript level the code of a file must keep running on, and the package facts
 * (module type, published or private) that per-file transforms need about the file's package.
 *
 * The target comes from, in order: the `--target` option (`node14`, `es2019`, `es5`, `es6`, `esnext`), the
 * nearest package.json `engines.node` (its lowest allowed version), the nearest tsconfig.json
 * `compilerOptions.target` (TypeScript files only: tsc down-levels syntax, so for them only runtime APIs such as
 * `Array.prototype.includes` are limited), the package's browserslist (IE or Opera Mini in it means ES5). No
 * declared target means no limit.
 */

export interface PackageInfo {
  /** Folder holding package.json. */
  dir: string;
  file: string;
  json: Record<string, any>;
}

const packageCache = new Map<string, PackageInfo | null>();

function readJson(file: string): Record<string, any> | undefined {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8'));
    return value && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The nearest package.json above a file (node_modules boundaries included, as Node looks them up). */
export function nearestPackage(absFile: string): PackageInfo | undefined {
  const start = path.dirname(path.resolve(absFile));
  const visited: string[] = [];
  let dir = start;
  let found: PackageInfo | null = null;
  for (;;) {
    const cached = packageCache.get(dir);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(dir);
    const file = path.join(dir, 'package.json');
    const json = fs.existsSync(file) ? readJson(file) : undefined;
    if (json) {
      found = { dir, file, json };
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of visited) packageCache.set(d, found);
  return found ?? undefined;
}

/** Forgets package.json and tsconfig contents read so far (tests that rewrite them). */
export function clearPackageCache(): void {
  packageCache.clear();
  tsconfigCache.clear();
}

/**
 * Module-ness by Node's rules: `.mjs`/`.mts` are ES modules, `.cjs`/`.cts` CommonJS; a `.js`/`.ts` file is an ES
 * module when the nearest package.json says `"type": "module"`; otherwise the syntax decides (import/export → ES
 * module, require/module.exports/exports.x → CommonJS), and a file with neither may be a classic script whose
 * top-level declarations are global properties.
 */
export function moduleKind(absFile: string, source: string, parsedAsModule = false): 'module' | 'commonjs' | 'script' {
  const ext = path.extname(absFile).toLowerCase();
  if (ext === '.mjs' || ext === '.mts') return 'module';
  if (ext === '.cjs' || ext === '.cts') return 'commonjs';
  if (nearestPackage(absFile)?.json.type === 'module') return 'module';
  if (parsedAsModule) return 'module';
  if (/\brequire\s*\(|\bmodule\.exports\b|\bexports\.[A-Za-z_$]/.test(source)) return 'commonjs';
  return 'script';
}

/** A package is published unless its package.json says `"private": true`. */
export function isPublished(absFile: string): { published: boolean; pkg?: PackageInfo } {
  const pkg = nearestPackage(absFile);
  if (!pkg) return { published: false };
  return { published: pkg.json.private !== true, pkg };
}

// --- targets ---------------------------------------------------------------------------------------------------

export interface Target {
  /** ECMAScript edition the code must run on: 5, 2015, 2016, … (Infinity: no limit). */
  es: number;
  /** Lowest Node.js version, when the target names one (engines.node or `nodeNN`). */
  node?: string;
  /** Where it came from, for messages: `--target node14`, `engines.node ">= 0.10"`, … */
  source: string;
  /** Only runtime APIs are limited (TypeScript files under a tsconfig target: tsc down-levels syntax). */
  apisOnly?: boolean;
}

/**
 * The documented table: the first Node.js release that runs each ECMAScript edition's syntax without flags and
 * in sloppy mode (Node 4/5 ran classes and let/const in strict mode only and had no default parameters, so ES2015
 * starts at Node 6).
 */
export const NODE_ES: Array<[string, number]> = [
  ['20.0.0', 2023],
  ['18.0.0', 2022],
  ['16.0.0', 2021],
  ['14.0.0', 2020],
  ['12.0.0', 2019],
  ['10.0.0', 2018],
  ['8.0.0', 2017],
  ['7.0.0', 2016],
  ['6.0.0', 2015],
];

/** What each rewrite needs: an ECMAScript edition and, for Node targets, the first Node version that has it. */
export const FEATURES = {
  'let-const': { es: 2015, node: '6.0.0', what: 'let/const' },
  class: { es: 2015, node: '6.0.0', what: 'class syntax' },
  arrow: { es: 2015, node: '6.0.0', what: 'arrow functions' },
  'template-literal': { es: 2015, node: '4.0.0', what: 'template literals' },
  'object-shorthand': { es: 2015, node: '4.0.0', what: 'shorthand properties and methods' },
  'default-params': { es: 2015, node: '6.0.0', what: 'default parameters' },
  'string-includes': { es: 2015, node: '4.0.0', what: 'String.prototype.includes', api: true },
  'array-includes': { es: 2016, node: '6.0.0', what: 'Array.prototype.includes', api: true },
  'async-await': { es: 2017, node: '7.6.0', what: 'async/await' },
  'optional-chaining': { es: 2020, node: '14.0.0', what: 'optional chaining (?.)' },
} as const;

export type Feature = keyof typeof FEATURES;

function esOfNode(version: string): number {
  for (const [v, es] of NODE_ES) if (semver.gte(version, v)) return es;
  return 5;
}

/** `node14`, `node0.10`, `es5`, `es6`, `es2019`, `esnext`; undefined for anything else. */
export function parseTargetName(name: string, source = `--target ${name}`): Target | undefined {
  const s = name.trim().toLowerCase();
  if (!s) return undefined;
  if (s === 'esnext' || s === 'latest') return { es: Infinity, source };
  let m = /^es(\d+)$/.exec(s);
  if (m) {
    const n = Number(m[1]);
    if (n === 3 || n === 5) return { es: 5, source };
    if (n >= 6 && n <= 15) return { es: 2009 + n, source };
    if (n >= 2015 && n <= 2100) return { es: n, source };
    return undefined;
  }
  m = /^node(\d+(?:\.\d+){0,2})$/.exec(s);
  if (m) {
    const version = semver.coerce(m[1])?.version;
    if (!version) return undefined;
    return { es: esOfNode(version), node: version, source };
  }
  return undefined;
}

const tsconfigCache = new Map<string, string | null>();

function tsconfigTarget(absFile: string): string | undefined {
  let dir = path.dirname(absFile);
  for (;;) {
    if (tsconfigCache.has(dir)) return tsconfigCache.get(dir) ?? undefined;
    const file = path.join(dir, 'tsconfig.json');
    if (fs.existsSync(file)) {
      // tsconfig allows comments and trailing commas: read the one key leniently.
      const m = /"target"\s*:\s*"([^"]+)"/i.exec(fs.readFileSync(file, 'utf8'));
      tsconfigCache.set(dir, m ? m[1] : null);
      return m?.[1];
    }
    if (fs.existsSync(path.join(dir, 'package.json'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function browserslistOf(pkg: PackageInfo): string | undefined {
  const inPkg = pkg.json.browserslist;
  if (typeof inPkg === 'string') return inPkg;
  if (Array.isArray(inPkg)) return inPkg.join(', ');
  if (inPkg && typeof inPkg === 'object' && Array.isArray(inPkg.production)) return inPkg.production.join(', ');
  const rc = path.join(pkg.dir, '.browserslistrc');
  if (fs.existsSync(rc)) {
    return fs
      .readFileSync(rc, 'utf8')
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim())
      .filter((l) => l && !l.startsWith('['))
      .join(', ');
  }
  return undefined;
}

/** The target a file's code must run on; `override` is the `--target` option. */
export function resolveTarget(absFile: string, override?: string): Target | undefined {
  if (override) {
    const t = parseTargetName(override);
    if (!t) throw new Error(`unknown --target ${override} (use nodeNN, es5, es6, es2015 … es2024, esnext)`);
    return t;
  }
  const pkg = nearestPackage(absFile);
  const engines = pkg?.json.engines?.node;
  if (typeof engines === 'string' && engines.trim()) {
    let min: string | undefined;
    try {
      min = semver.minVersion(engines)?.version;
    } catch {
      min = undefined;
    }
    if (min) return { es: esOfNode(min), node: min, source: `engines.node "${engines}"` };
  }
  if (/\.[cm]?tsx?$/.test(absFile)) {
    const ts = tsconfigTarget(absFile);
    if (ts) {
      const t = parseTargetName(ts, `tsconfig target ${ts}`);
      if (t) return { ...t, apisOnly: true };
    }
  }
  const list = pkg && browserslistOf(pkg);
  if (list) {
    // Queries that can reach Internet Explorer or Opera Mini need ES5; other lists are taken as ES2015-capable.
    const old = /\b(ie|explorer|op_?mini|operamini)\b|\bdefaults\b|>\s*[\d.]+%/i.test(list) && !/not\s+(ie|dead)/i.test(list) ? 5 : 2015;
    return { es: old, source: `browserslist "${list}"` };
  }
  return undefined;
}

/** Whether the target runs a rewrite's syntax (or API); no target: yes. */
export function allows(target: Target | undefined, feature: Feature): boolean {
  if (!target) return true;
  const f = FEATURES[feature];
  if (target.apisOnly && !('api' in f && f.api)) return true;
  if (target.node) return semver.gte(target.node, f.node);
  return target.es >= f.es;
}

/** The message of a `target` report: what the rewrite needs and where the target came from. */
export function targetMessage(target: Target, feature: Feature): string {
  const f = FEATURES[feature];
  const need = target.node ? `Node ${f.node} (ES${f.es})` : `ES${f.es}`;
  return `left alone: ${f.what} need ${need}, the target is ${target.node ? `Node ${target.node}` : `ES${target.es === 5 ? 5 : target.es}`} (${target.source})`;
}

/** Resolves the target of a transform's file once: `ctx.options.target` overrides package.json. */
export function targetOf(ctx: { path: string; absPath?: string; options: { target?: unknown } }): Target | undefined {
  const abs = ctx.absPath ?? path.resolve(ctx.path);
  const override = typeof ctx.options.target === 'string' && ctx.options.target ? ctx.options.target : undefined;
  return resolveTarget(abs, override);
}

/** The `--target` option every modernize transform declares (a recipe passes the flag to each step). */
export const TARGET_OPTION_DESCRIPTION =
  'ECMAScript/Node target the code must run on (node14, es2019, es5, …); default: the nearest package.json engines.node, tsconfig target (TS files) or browserslist';

/** The zod schema of the `target` option: an unknown name is a usage error, checked with the other options. */
export function targetOption() {
  return z
    .string()
    .default('')
    .refine((v) => !v || parseTargetName(v) !== undefined, { message: 'unknown target (use nodeNN, es5, es6, es2015 … es2024, esnext)' })
    .describe(TARGET_OPTION_DESCRIPTION);
}

type AnyCtx = FileTransformContext<any>;

/**
 * Wraps a per-file transform so that, when the file's target cannot run the syntax (or API) it writes, the file
 * stays as it is and the spot is reported with reason `target`. The findings of the inner run are kept.
 */
export function withTarget<C extends AnyCtx>(feature: Feature, fn: (ctx: C) => FileTransformResult | Promise<FileTransformResult>) {
  return async function targetAware(ctx: C): Promise<FileTransformResult> {
    const target = targetOf(ctx);
    const out = await fn(ctx);
    if (allows(target, feature) || typeof out !== 'string' || out === ctx.source) return out;
    let i = 0;
    while (i < out.length && out[i] === ctx.source[i]) i++;
    ctx.report(targetMessage(target!, feature), i, 'target');
    return undefined;
  };
}
