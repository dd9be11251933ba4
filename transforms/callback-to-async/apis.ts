import type { Binding, Scope } from '@babel/traverse';
import type * as t from '@babel/types';

// ---------------------------------------------------------------------------------------------------------------
// The API table

type ModuleName = 'fs' | 'dns' | 'zlib' | 'child_process' | 'util' | 'path' | 'express';

export interface ApiSpec {
  /** How the promise is reached: the module's promises namespace, or util.promisify of the callback API. */
  via: 'promises' | 'promisify';
  /** Names of the callback's result parameters in the promise's resolved object; [] for void, ['*'] for the value. */
  results: string[];
  /** Whether the callback also received result values on error (the error branch must then exit and not read them). */
  resultsOnError?: boolean;
  /** fs functions whose first argument may be a file descriptor in the callback form. */
  fdFirst?: boolean;
  /** dns.lookup: only without an options argument (all: true changes the shape). */
  argCount?: number;
}

const FS_VOID = ['access', 'appendFile', 'chmod', 'chown', 'copyFile', 'cp', 'lchown', 'link', 'lutimes', 'rename', 'rm', 'rmdir', 'symlink', 'truncate', 'unlink', 'utimes', 'writeFile'];

// Not realpath: fs.promises.realpath has the semantics of fs.realpath.native, not of fs.realpath.
const FS_VALUE = ['lstat', 'mkdir', 'mkdtemp', 'readdir', 'readFile', 'readlink', 'stat', 'statfs'];

const FS_FD = new Set(['appendFile', 'readFile', 'writeFile', 'truncate']);

const DNS_VALUE = ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse'];

const ZLIB_VALUE = ['gzip', 'gunzip', 'deflate', 'inflate', 'deflateRaw', 'inflateRaw', 'unzip', 'brotliCompress', 'brotliDecompress'];

export const API: Record<string, Record<string, ApiSpec>> = { fs: {}, dns: {}, zlib: {}, child_process: {} };

for (const n of FS_VOID) API.fs[n] = { via: 'promises', results: [], fdFirst: FS_FD.has(n) };

for (const n of FS_VALUE) API.fs[n] = { via: 'promises', results: ['*'], fdFirst: FS_FD.has(n) };

for (const n of DNS_VALUE) API.dns[n] = { via: 'promises', results: ['*'] };

API.dns.lookup = { via: 'promises', results: ['address', 'family'], argCount: 1 };

API.dns.lookupService = { via: 'promises', results: ['hostname', 'service'] };

for (const n of ZLIB_VALUE) API.zlib[n] = { via: 'promisify', results: ['*'] };

API.child_process.exec = { via: 'promisify', results: ['stdout', 'stderr'], resultsOnError: true };

API.child_process.execFile = { via: 'promisify', results: ['stdout', 'stderr'], resultsOnError: true };

export const NO_PROMISE_FORM: Record<string, string> = {
  exists: 'fs.exists has no error parameter (and is deprecated); its callback gets a boolean',
  watch: 'an event-style API (the listener runs many times)',
  watchFile: 'an event-style API (the listener runs many times)',
};

const MODULES: Record<string, ModuleName> = {
  fs: 'fs', dns: 'dns', zlib: 'zlib', child_process: 'child_process', util: 'util', path: 'path', express: 'express',
};

// ---------------------------------------------------------------------------------------------------------------
// Bindings of the modules

/** What a binding holds: a module namespace (`fs`), its promises namespace (`fsp`), one export, or a wrapper. */
export type Bound =
  | { kind: 'ns'; module: ModuleName; promises: boolean }
  | { kind: 'named'; module: ModuleName; name: string }
  | { kind: 'wrapper'; target: Target };

/** A callback API a call resolves to: a module function, or a function of the file's own. */
export type Target = { kind: 'module'; module: ModuleName; name: string } | { kind: 'local'; binding: Binding };

function moduleOf(spec: string): { module: ModuleName; promises: boolean } | undefined {
  const m = /^(?:node:)?([a-z_]+)(\/promises)?$/.exec(spec);
  if (!m || !MODULES[m[1]]) return undefined;
  if (m[2] && m[1] !== 'fs' && m[1] !== 'dns') return undefined;
  return { module: MODULES[m[1]], promises: Boolean(m[2]) };
}

function requiredModule(node: t.Node | null | undefined): { module: ModuleName; promises: boolean } | undefined {
  if (!node) return undefined;
  if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) {
    const arg = node.arguments[0];
    if (arg.type === 'StringLiteral') return moduleOf(arg.value);
  }
  // require('fs').promises
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && node.property.name === 'promises') {
    const inner = requiredModule(node.object);
    if (inner && !inner.promises && (inner.module === 'fs' || inner.module === 'dns')) return { module: inner.module, promises: true };
  }
  return undefined;
}

const boundCache = new WeakMap<Binding, Bound | null>();

/** Classifies a binding as a module binding (require/import), or a promisify wrapper; null otherwise. */
export function classify(binding: Binding | undefined, resolveTarget: (node: t.Node, scope: Scope) => Target | undefined): Bound | null {
  if (!binding) return null;
  if (boundCache.has(binding)) return boundCache.get(binding)!;
  boundCache.set(binding, null);
  const result = classifyUncached(binding, resolveTarget);
  boundCache.set(binding, result);
  return result;
}

function classifyUncached(binding: Binding, resolveTarget: (node: t.Node, scope: Scope) => Target | undefined): Bound | null {
  if (!binding.constant) return null;
  const p = binding.path;
  const node = p.node;
  if (node.type === 'ImportDefaultSpecifier' || node.type === 'ImportNamespaceSpecifier' || node.type === 'ImportSpecifier') {
    const decl = p.parentPath!.node as t.ImportDeclaration;
    if (decl.importKind === 'type' || (node.type === 'ImportSpecifier' && node.importKind === 'type')) return null;
    const mod = moduleOf(decl.source.value);
    if (!mod) return null;
    if (node.type !== 'ImportSpecifier') return { kind: 'ns', ...mod };
    const imported = node.imported.type === 'Identifier' ? node.imported.name : node.imported.value;
    if (imported === 'default') return { kind: 'ns', ...mod };
    if (mod.promises) return null;
    if (imported === 'promises' && (mod.module === 'fs' || mod.module === 'dns')) return { kind: 'ns', module: mod.module, promises: true };
    return { kind: 'named', module: mod.module, name: imported };
  }
  if (node.type === 'TSImportEqualsDeclaration') {
    const ref = node.moduleReference;
    if (ref.type === 'TSExternalModuleReference' && !node.isExport) {
      const mod = moduleOf(ref.expression.value);
      return mod ? { kind: 'ns', ...mod } : null;
    }
    return null;
  }
  if (node.type !== 'VariableDeclarator') return null;
  const declKind = (p.parentPath?.node as t.VariableDeclaration | undefined)?.kind;
  if (declKind !== 'const' && declKind !== 'var' && declKind !== 'let') return null;
  const mod = requiredModule(node.init);
  if (mod) {
    if (node.id.type === 'Identifier') return { kind: 'ns', ...mod };
    if (node.id.type !== 'ObjectPattern' || mod.promises) return null;
    for (const prop of node.id.properties) {
      if (prop.type !== 'ObjectProperty' || prop.computed || prop.key.type !== 'Identifier') continue;
      if (prop.value.type !== 'Identifier' || prop.value.name !== binding.identifier.name) continue;
      if (prop.key.name === 'promises' && (mod.module === 'fs' || mod.module === 'dns')) return { kind: 'ns', module: mod.module, promises: true };
      return { kind: 'named', module: mod.module, name: prop.key.name };
    }
    return null;
  }
  // const readFileAsync = util.promisify(fs.readFile) / promisify(getUser)
  const init = node.init;
  if (declKind === 'const' && node.id.type === 'Identifier' && init?.type === 'CallExpression' && init.arguments.length === 1) {
    const callee = init.callee;
    let isPromisify = false;
    if (callee.type === 'Identifier') {
      const b = classify(p.scope.getBinding(callee.name), resolveTarget);
      isPromisify = b?.kind === 'named' && b.module === 'util' && b.name === 'promisify';
    } else if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'promisify' && callee.object.type === 'Identifier') {
      const b = classify(p.scope.getBinding(callee.object.name), resolveTarget);
      isPromisify = b?.kind === 'ns' && b.module === 'util';
    }
    if (isPromisify) {
      const target = resolveTarget(init.arguments[0], p.scope);
      if (target) return { kind: 'wrapper', target };
    }
  }
  return null;
}
