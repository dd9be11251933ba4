import type { Binding, NodePath, Scope } from '@babel/traverse';
import type * as t from '@babel/types';
import { z } from 'zod';
import { loadTraverse, walk, type Traverse } from '../src/ast.js';
import { defineMeta, type FileTransformContext } from '../src/types.js';
import { targetOption, withTarget } from '../src/target.js';

export const meta = defineMeta({
  name: 'callback-to-async',
  description: 'Node-style callbacks of fs, dns, zlib, child_process and promisified functions → await, where the caller can be async',
  engine: 'file',
  reasons: {
    'args-may-throw': 'an argument may throw or be rejected, which went to next(err) through Express and would reach the error branch',
    'caller-not-async': 'the enclosing function is neither async nor an Express handler; making it async would change what its callers get',
    'code-after-call': 'code after the call ran before the callback and would run after it',
    comments: 'a comment in the callback\'s head or error check would be lost',
    'err-used-after-check': 'the error variable is used after the error check',
    'maybe-fd': 'the first argument may be a file descriptor, which the promise form does not accept',
    'maybe-sync-callback': 'a function of the file may call back synchronously, so making the handler async could change where a throw goes',
    'name-collision': 'a result name of the callback would clash with a name of the enclosing function',
    'no-error-check': 'the callback does not start with `if (err)`',
    'no-module-binding': 'no binding of fs or fs/promises in the file to reach the promise form through',
    'no-promise-form': 'the API has no promise form with the same behaviour (an event-style API whose listener runs many times, for example)',
    'no-promisify': 'the promise form is util.promisify(fn), and the file has no util or promisify binding',
    'result-used': 'its return value is used',
    'result-used-in-error-branch': 'the error branch reads a result of the callback',
    'results-on-error': 'the error branch falls through, and the callback may get results even on error',
    'returns-value': 'a `return value` in the callback would become the async function\'s result',
    'this-or-arguments': 'the function callback uses this/arguments, which would then mean the enclosing function\'s',
    'throw-before-call': 'code before it in the handler may throw, which Express routes to next(err) but an async handler leaves unhandled',
    'top-level': 'at the top level of the file (a top-level await would hold up every importer)',
    'unexpected-params': 'the arguments do not match the promise form (an options argument, or more callback results than it gives)',
    'unsupported-position': 'the call is not a statement of a function body where it can be awaited',
    'unsupported-shape': 'the callback is async, a generator or has an expression body',
  },
  version: '1',
  docs: `
Turns a call to a known callback API whose last argument is an inline \`(err, result) => { if (err) …; … }\` into
\`await\` of the API's promise form, with the error branch in a \`catch\` that covers exactly the awaited call:

    fs.readFile(p, 'utf8', (err, data) => {        let data;
      if (err) return next(err);            →      try {
      res.send(data);                                data = await fs.promises.readFile(p, 'utf8');
    });                                            } catch (err) {
                                                     return next(err);
                                                   }
                                                   res.send(data);

\`if (err) throw err;\` becomes a plain \`const data = await …\`; \`if (err) {A} else {B}\` becomes \`catch (err) {A;
return;}\` followed by B. Nested callbacks of the same kind are converted in one run.

Promise forms (no import is ever added; the module must already be bound in the file):
- fs: access appendFile chmod chown copyFile cp lchown link lstat lutimes mkdir mkdtemp readdir readFile readlink
  rename rm rmdir stat statfs symlink truncate unlink utimes writeFile → \`<fsp>.<name>\` when the file
  binds \`fs/promises\` (\`require('fs/promises')\`, \`require('fs').promises\`, \`import * as fsp from
  'node:fs/promises'\`…), else \`<fs>.promises.<name>\` through the file's own \`fs\` binding (\`require('fs')\`,
  \`import fs from 'fs'\`, \`import * as fs from 'node:fs'\`). A destructured \`const { readFile } = require('fs')\`
  is converted only when such a binding also exists (reported \`no-module-binding\` otherwise). fd-based and
  multi-result functions (open, close, read, write, fstat…) differ in their promise form (FileHandle) and are left,
  and so is realpath (the promise form has the semantics of realpath.native).
- dns: lookup (\`(err, address, family)\` ↔ \`{ address, family }\`, only without an options argument), lookupService
  (\`{ hostname, service }\`), resolve, resolve4, resolve6, resolveAny/Caa/Cname/Mx/Naptr/Ns/Ptr/Soa/Srv/Txt, reverse
  → \`<dns>.promises.<name>\` (or a \`dns/promises\` binding).
- zlib: gzip gunzip deflate inflate deflateRaw inflateRaw unzip brotliCompress brotliDecompress, and child_process:
  exec, execFile (\`(err, stdout, stderr)\` ↔ \`{ stdout, stderr }\`, Node's custom promisify) → \`promisify(<api>)(…)\`
  through the file's \`util\` or \`promisify\` binding (reported \`no-promisify\` without one). exec/execFile are left
  when the error branch reads stdout/stderr or can fall through (the callback got them on error, the rejection
  carries them as \`err.stdout\`/\`err.stderr\`, extra properties that code passing err on does not see).
- a wrapper the file already has, \`const readFileAsync = util.promisify(fs.readFile)\` or \`promisify(getUser)\`, is
  used for calls of the same function: \`getUser(id, (err, user) => …)\` → \`await getUserAsync(id)\` (for a function
  of the file's own: at most one result, an error branch that exits, and only in an already-async function, since
  such a function may call back synchronously (\`maybe-sync-callback\`); the author's wrapper is taken as the
  promise form, so a function that calls back twice is the author's to know).
- Left alone: fs.exists (its callback has no error parameter), fs.watch and other listener/stream APIs, calls whose
  result is used (\`const child = exec(…)\`), and anything not bound to the module (a local \`fs\` is not \`fs\`).

Where the caller can be async (else \`caller-not-async\`):
- the enclosing function is already \`async\`: its promise now settles after the operation (the aim of the change);
  a \`return value\` in the moved code would change what it resolves to (\`returns-value\`);
- an Express route handler or middleware (a \`(req, res[, next])\` or \`(err, req, res, next)\` function passed to
  \`app|router.get/post/put/patch/delete/all/use/…\` in a file that imports express, or any file with
  \`--assume-express\`): Express 4 ignores its return value. An async handler's rejection is unhandled in Express 4,
  so errors must still reach the same place: every other statement of the handler that runs synchronously (before
  the call, the tests of the ifs around it and their other branches) must be unable to throw (\`throw-before-call\`;
  Express turned such a throw into next(err)): declarations of literals, strings, route params and path.join of
  them, console.*, returns, and \`res.status(404).send('…')\`-style responses with literal values (taken not to throw,
  as they do only once a response was sent or for values such literals do not have); and unless the error branch is exactly
  \`next(err)\` the arguments must be plain strings or literals so the API cannot reject them synchronously
  (\`args-may-throw\`).
- anything else (a function taking a callback, an event listener) would change its signature or callers: left.

The call must be the last thing its function runs (\`code-after-call\`: code after it ran before the callback and would
now run after it), directly in the body or in if/else blocks; never inside a loop, try, switch or a braceless if
(\`unsupported-position\`), nor at the top level of a file (\`top-level\`: a top-level await holds up importers).

Thrown errors. A throw in the callback body was an uncaught exception; after the change it rejects the async
function. In an Express 4 handler that rejection is unhandled, which Node ≥ 15 (this tool needs Node 20) by default
raises as an uncaught exception with the same error: the process ends as before (only a process that registers an
\`unhandledRejection\` listener sees a difference). In an already-async function the caller may now catch it. Errors
of the call's own arguments would move from where they went to the error branch, so the arguments must not be able
to throw (\`args-may-throw\`) except where both routes lead to the same place; an argument of the wrong type that the
API rejects (e.g. a number where a path is wanted, an invalid encoding literal, or an array as writeFile data,
which the promise form writes as an iterable) is the residual case we cannot see statically.

Tests that stub the callback function (\`sinon.stub(fs, 'readFile')\`, proxyquire) must stub the promise form
after the change (mock-fs and memfs-backed \`fs\` cover both); an existing promisify wrapper is used when there is one.

The callback must start with \`if (err)\` / \`if (err != null)\` (\`no-error-check\`); have plain parameters, a block
body, not be async (\`unsupported-shape\`) and not declare more results than the API gives (\`unexpected-params\`);
a \`function\` callback must not use this/arguments/new.target (\`this-or-arguments\`); its names must not clash with
names of the enclosing function (\`name-collision\`); the success code must not read \`err\` and the error branch must
not read the results (\`err-used-after-check\`, \`result-used-in-error-branch\`). A first argument that looks like a
file descriptor (a number, \`fd\`) is left (\`maybe-fd\`): fs.promises wants a FileHandle there. In TypeScript the catch
parameter is typed \`any\` when the error branch does more with it than pass it to next/console, annotated result
parameters keep their type on the \`let\`, and a catch that falls through before code reading the results is left
(TypeScript would see them as possibly undefined). A comment in the rebuilt head (between the call's arguments and
the error branch) would be lost: such calls are left (\`comments\`). Other reasons: \`no-promise-form\`,
\`result-used\`, \`results-on-error\` (a function of the file whose error branch falls through, exec/execFile).`,
  options: z.object({
    target: targetOption(),
    assumeExpress: z
      .boolean()
      .default(false)
      .describe('treat (req, res[, next]) functions passed to app/router.get/use/… as Express 4 handlers even in files that do not import express'),
  }),
  prefilter: (source) => /\b(fs|dns|zlib|child_process|promisify)\b/.test(source),
});

type Options = z.infer<NonNullable<typeof meta.options>>;

// ---------------------------------------------------------------------------------------------------------------
// The API table

type ModuleName = 'fs' | 'dns' | 'zlib' | 'child_process' | 'util' | 'path' | 'express';

interface ApiSpec {
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

const API: Record<string, Record<string, ApiSpec>> = { fs: {}, dns: {}, zlib: {}, child_process: {} };
for (const n of FS_VOID) API.fs[n] = { via: 'promises', results: [], fdFirst: FS_FD.has(n) };
for (const n of FS_VALUE) API.fs[n] = { via: 'promises', results: ['*'], fdFirst: FS_FD.has(n) };
for (const n of DNS_VALUE) API.dns[n] = { via: 'promises', results: ['*'] };
API.dns.lookup = { via: 'promises', results: ['address', 'family'], argCount: 1 };
API.dns.lookupService = { via: 'promises', results: ['hostname', 'service'] };
for (const n of ZLIB_VALUE) API.zlib[n] = { via: 'promisify', results: ['*'] };
API.child_process.exec = { via: 'promisify', results: ['stdout', 'stderr'], resultsOnError: true };
API.child_process.execFile = { via: 'promisify', results: ['stdout', 'stderr'], resultsOnError: true };

const NO_PROMISE_FORM: Record<string, string> = {
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
type Bound =
  | { kind: 'ns'; module: ModuleName; promises: boolean }
  | { kind: 'named'; module: ModuleName; name: string }
  | { kind: 'wrapper'; target: Target };

/** A callback API a call resolves to: a module function, or a function of the file's own. */
type Target = { kind: 'module'; module: ModuleName; name: string } | { kind: 'local'; binding: Binding };

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
function classify(binding: Binding | undefined, resolveTarget: (node: t.Node, scope: Scope) => Target | undefined): Bound | null {
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

// ---------------------------------------------------------------------------------------------------------------
// The transform

interface Conversion {
  stmt: t.ExpressionStatement;
  callback: t.FunctionExpression | t.ArrowFunctionExpression;
  ifStmt: t.IfStatement;
  /** The enclosing function (after enclosing conversions are applied) and whether it is an Express handler. */
  fn: t.Function;
  express?: ExpressHandler;
  /** The statements moved after the try, and the range of text they occupy (from the first token). */
  success?: { start: number; end: number };
  /** Extra indentation of the success statements over the call's statement. */
  unit: string;
  /** Indentation removed from this statement's lines by enclosing conversions (characters). */
  outerDedent: number;
  /** The whole text that replaces [stmt.start, success.start) or the whole statement. */
  header?: string;
  errorStmts: t.Statement[];
  errorExits: boolean;
  elseForm: boolean;
}

interface ExpressHandler {
  req?: Binding;
  res?: Binding;
  next?: Binding;
  async: boolean;
}

const EXPRESS_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'options', 'head']);
const PATH_FNS = new Set(['join', 'resolve', 'basename', 'extname', 'dirname', 'normalize']);
const REQ_SAFE = new Set(['params', 'query', 'path', 'url', 'originalUrl', 'method', 'headers', 'baseUrl', 'hostname', 'ip', 'protocol']);
const REQ_SAFE_DEEP = new Set(['params', 'query', 'headers']);

async function callbackToAsyncUntargeted(ctx: FileTransformContext<Options>): Promise<string | undefined> {
  const traverse = await loadTraverse();
  try {
    return convert(ctx, traverse);
  } finally {
    traverse.cache?.clear?.();
  }
}

function convert(ctx: FileTransformContext<Options>, traverse: Traverse): string | undefined {
  const source = ctx.source;
  const ast = ctx.parse();
  const isTs = ctx.parser === 'ts' || ctx.parser === 'tsx';
  const importsExpress = /\brequire\s*\(\s*['"]express['"]\s*\)|\bfrom\s*['"]express['"]|\bimport\s*\(\s*['"]express['"]\s*\)/.test(source);
  const isCommonJs = ast.program.sourceType !== 'module' || /\brequire\s*\(/.test(source);
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const fileUnit = detectUnit(source);

  // Ranges of string-like literals whose lines must not be re-indented.
  const literalRanges: Array<[number, number]> = [];
  walk(ast, (node) => {
    if ((node.type === 'TemplateLiteral' || node.type === 'StringLiteral' || node.type === 'JSXText') && source.slice(node.start!, node.end!).includes('\n')) {
      literalRanges.push([node.start!, node.end!]);
    }
  });
  const inLiteral = (pos: number) => literalRanges.some(([a, b]) => pos > a && pos < b);

  const resolveTarget = (node: t.Node, scope: Scope): Target | undefined => {
    if (node.type === 'Identifier') {
      const binding = scope.getBinding(node.name);
      if (!binding) return undefined;
      const b = classify(binding, resolveTarget);
      if (b?.kind === 'named') return { kind: 'module', module: b.module, name: b.name };
      if (b) return undefined;
      if (!binding.constant) return undefined;
      if (binding.kind === 'hoisted' || (binding.kind === 'const' && binding.path.isVariableDeclarator() && isFunctionNode(binding.path.node.init))) {
        return { kind: 'local', binding };
      }
      return undefined;
    }
    if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && node.object.type === 'Identifier') {
      const b = classify(scope.getBinding(node.object.name), resolveTarget);
      if (b?.kind === 'ns' && !b.promises) return { kind: 'module', module: b.module, name: node.property.name };
    }
    return undefined;
  };

  const conversions = new Map<t.Node, Conversion>(); // by callback node
  const calls: NodePath<t.CallExpression>[] = [];
  traverse(ast, {
    CallExpression(path: NodePath<t.CallExpression>) {
      calls.push(path);
    },
  });

  /** Every binding visible at `scope` (innermost first), for finding fs/promises, util and wrapper bindings. */
  const visible = (scope: Scope): Array<{ name: string; binding: Binding }> => {
    const out: Array<{ name: string; binding: Binding }> = [];
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      for (const [name, binding] of Object.entries(s.bindings)) {
        if (scope.getBinding(name) === binding) out.push({ name, binding });
      }
    }
    return out;
  };

  const sameTarget = (a: Target, b: Target) =>
    a.kind === 'module' && b.kind === 'module' ? a.module === b.module && a.name === b.name : a.kind === 'local' && b.kind === 'local' && a.binding === b.binding;

  for (const callPath of calls) {
    const call = callPath.node;
    const args = call.arguments;
    if (args.length === 0) continue;
    const cb = args[args.length - 1];
    if (cb.type !== 'FunctionExpression' && cb.type !== 'ArrowFunctionExpression') continue;
    const target = resolveTarget(call.callee, callPath.scope);
    if (!target) continue;

    const report = (message: string, reason: string) => ctx.report(message, call, reason);
    const calleeText = source.slice(call.callee.start!, call.callee.end!);

    // 1. The promise form.
    let spec: ApiSpec | undefined;
    let wrapperName: string | undefined;
    for (const { name, binding } of visible(callPath.scope)) {
      const b = classify(binding, resolveTarget);
      if (b?.kind === 'wrapper' && sameTarget(b.target, target) && binding.path.node.start! < call.start!) {
        wrapperName = name;
        break;
      }
    }
    if (target.kind === 'module') {
      spec = API[target.module]?.[target.name];
      if (!spec) {
        if (API[target.module]) {
          const why = NO_PROMISE_FORM[target.name] ?? 'no promise form with the same arguments and results';
          report(`${calleeText}(…) left alone: ${why}`, 'no-promise-form');
        }
        continue;
      }
    } else {
      if (!wrapperName) continue; // an ordinary function of the file: not a known callback API
      spec = { via: 'promisify', results: ['*'], resultsOnError: true };
    }
    const stmtPath = callPath.parentPath;
    if (!stmtPath?.isExpressionStatement()) {
      report(`${calleeText}(…) left alone: its return value is used`, 'result-used');
      continue;
    }
    let promiseCallee: string | undefined;
    if (wrapperName) promiseCallee = wrapperName;
    else if (target.kind === 'module' && spec.via === 'promises') {
      let ns: string | undefined;
      let promisesNs: string | undefined;
      for (const { name, binding } of visible(callPath.scope)) {
        const b = classify(binding, resolveTarget);
        if (b?.kind !== 'ns' || b.module !== target.module) continue;
        if (b.promises) promisesNs ??= name;
        else ns ??= name;
      }
      if (promisesNs) promiseCallee = `${promisesNs}.${target.name}`;
      else if (ns) promiseCallee = `${ns}.promises.${target.name}`;
      else {
        report(`${calleeText}(…) left alone: no binding of ${target.module} or ${target.module}/promises in the file to reach the promise form through`, 'no-module-binding');
        continue;
      }
    } else {
      let helper: string | undefined;
      for (const { name, binding } of visible(callPath.scope)) {
        const b = classify(binding, resolveTarget);
        if (b?.kind === 'named' && b.module === 'util' && b.name === 'promisify') helper ??= name;
        else if (b?.kind === 'ns' && b.module === 'util') helper ??= `${name}.promisify`;
      }
      if (!helper) {
        report(`${calleeText}(…) left alone: its promise form is util.promisify(${calleeText}), and the file has no util or promisify binding`, 'no-promisify');
        continue;
      }
      promiseCallee = `${helper}(${calleeText})`;
    }

    // 2. Where the call stands.
    const stmt = stmtPath.node;
    if (spec.argCount !== undefined && args.length - 1 !== spec.argCount) {
      report(`${calleeText}(…) left alone: with an options argument its promise form may resolve to a different shape`, 'unexpected-params');
      continue;
    }
    const position = chain(stmtPath, conversions);
    if (typeof position === 'string') {
      // Say first what matters most: no function that could become async at all.
      const nearest = callPath.getFunctionParent();
      if (!nearest) {
        report(`${calleeText}(…) left alone: at the top level of the file (a top-level await would hold up every importer)`, 'top-level');
        continue;
      }
      if (!nearest.node.async && !conversions.has(nearest.node) && !expressHandler(nearest as NodePath<t.Function>, importsExpress || ctx.options.assumeExpress)) {
        report(`${calleeText}(…) left alone: the enclosing function is neither async nor an Express handler; making it async would change what its callers get`, 'caller-not-async');
        continue;
      }
      const why: Record<typeof position, string> = {
        'code-after-call': 'code after the call ran before the callback and would run after it',
        'unsupported-position': 'it is not directly in the function body or in if/else blocks (a loop, try, switch or braceless if)',
        'top-level': 'at the top level of the file',
      };
      report(`${calleeText}(…) left alone: ${why[position]}`, position);
      continue;
    }
    const outer = position.outer;
    const fnPath = position.fn;
    let express: ExpressHandler | undefined;
    if (outer) express = outer.express;
    else {
      express = expressHandler(fnPath, importsExpress || ctx.options.assumeExpress);
      if (!fnPath.node.async && !express) {
        report(`${calleeText}(…) left alone: the enclosing function is neither async nor an Express handler; making it async would change what its callers get`, 'caller-not-async');
        continue;
      }
      if (fnPath.node.generator) {
        report(`${calleeText}(…) left alone: the enclosing function is a generator`, 'caller-not-async');
        continue;
      }
    }
    const alreadyAsync = outer ? true : fnPath.node.async;
    if (target.kind === 'local' && !alreadyAsync) {
      // Node's own APIs always call back later; a function of the file may call back synchronously, and a throw
      // in such a callback went to Express through the handler, where an async handler would leave it unhandled.
      report(`${calleeText}(…) left alone: a function of the file may call back synchronously, so making the handler async could change where a throw goes`, 'maybe-sync-callback');
      continue;
    }

    // 3. The callback's shape.
    const cbPath = callPath.get(`arguments.${args.length - 1}`) as NodePath<t.FunctionExpression | t.ArrowFunctionExpression>;
    if (cb.async || (cb as t.FunctionExpression).generator || cb.body.type !== 'BlockStatement') {
      report(`${calleeText}(…) left alone: the callback is async, a generator or has an expression body`, 'unsupported-shape');
      continue;
    }
    if (cb.params.length === 0) {
      report(`${calleeText}(…) left alone: the callback takes no error parameter, so errors are ignored`, 'no-error-check');
      continue;
    }
    if (!cb.params.every((p) => p.type === 'Identifier' && !p.optional)) {
      report(`${calleeText}(…) left alone: the callback's parameters are patterns or have defaults`, 'unsupported-shape');
      continue;
    }
    const params = cb.params as t.Identifier[];
    const errName = params[0].name;
    const results = params.slice(1);
    const maxResults = spec.results.length;
    if (results.length > maxResults) {
      report(`${calleeText}(…) left alone: the callback declares ${results.length} results, the promise gives ${maxResults}`, 'unexpected-params');
      continue;
    }
    const body = cb.body.body;
    const first = body[0];
    if (!first || first.type !== 'IfStatement' || !isErrTest(first.test, errName)) {
      report(`${calleeText}(…) left alone: the callback does not start with \`if (${errName})\``, 'no-error-check');
      continue;
    }
    const ifStmt = first;
    const elseForm = Boolean(ifStmt.alternate);
    if (elseForm && (ifStmt.alternate!.type !== 'BlockStatement' || body.length > 1)) {
      report(`${calleeText}(…) left alone: an else that is not a block, or code after the if/else`, 'unsupported-shape');
      continue;
    }
    const errorStmts = ifStmt.consequent.type === 'BlockStatement' ? ifStmt.consequent.body : [ifStmt.consequent];
    // The text of the error branch: inside the braces, or the statement with a comment ending its line.
    let errStart: number;
    let errEnd: number;
    if (ifStmt.consequent.type === 'BlockStatement') {
      errStart = firstToken(source, ifStmt.consequent.start! + 1);
      errEnd = Math.max(errStart, lastToken(source, ifStmt.consequent.end! - 1));
    } else {
      errStart = ifStmt.consequent.start!;
      errEnd = ifStmt.consequent.end!;
      const rest = /^[ \t]*(\/\/[^\r\n]*|\/\*[^\n]*?\*\/)/.exec(source.slice(errEnd));
      if (rest && !elseForm) errEnd += rest[0].length;
    }
    const successStmts = elseForm ? (ifStmt.alternate as t.BlockStatement).body : body.slice(1);
    const errorExits = errorStmts.length > 0 && exits(errorStmts[errorStmts.length - 1]);
    if (isTs && !errorExits && results.length && successStmts.length) {
      report(`${calleeText}(…) left alone: after a catch that falls through, TypeScript would type the result as possibly undefined`, 'unsupported-shape');
      continue;
    }
    if (spec.resultsOnError && !errorExits) {
      report(`${calleeText}(…) left alone: the error branch falls through, and the callback may get results even on error`, 'results-on-error');
      continue;
    }

    // this/arguments of a function callback; the callback naming itself.
    if (cb.type === 'FunctionExpression') {
      let usesThis = false;
      walk(cb.body, (node) => {
        if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ObjectMethod' || node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod') return false;
        if (node.type === 'ThisExpression' || node.type === 'Super' || (node.type === 'MetaProperty' && node.meta.name === 'new')) usesThis = true;
        if (node.type === 'Identifier' && node.name === 'arguments') usesThis = true;
        return undefined;
      });
      if (usesThis) {
        report(`${calleeText}(…) left alone: the function callback uses this/arguments, which would then mean the enclosing function's`, 'this-or-arguments');
        continue;
      }
      if (cb.id && cbPath.scope.getBinding(cb.id.name)?.referenced) {
        report(`${calleeText}(…) left alone: the callback refers to itself by name`, 'unsupported-shape');
        continue;
      }
    }

    // Names of the callback that move into the enclosing function.
    const cbBindings = Object.entries(cbPath.scope.bindings).filter(([name, b]) => name !== errName && !(cb.type === 'FunctionExpression' && cb.id?.name === name && b.kind === 'local'));
    let collision: string | undefined;
    const fnNode = outer ? outer.fn : fnPath.node;
    for (const [name] of cbBindings) {
      if (name === 'arguments' || name === 'eval' || stmtPath.scope.hasBinding(name, { noGlobals: true } as any) || mentionedOutside(fnNode, cb, name)) {
        collision = name;
        break;
      }
    }
    if (collision) {
      report(`${calleeText}(…) left alone: \`${collision}\` of the callback would clash with a name of the enclosing function`, 'name-collision');
      continue;
    }
    const errBinding = cbPath.scope.getBinding(errName);
    const errRefs = errBinding?.referencePaths ?? [];
    const inRange = (n: t.Node, a: number, b: number) => n.start! >= a && n.end! <= b;
    const successRange: [number, number] | undefined = successStmts.length ? [successStmts[0].start!, successStmts[successStmts.length - 1].end!] : undefined;
    const errorRange: [number, number] = [ifStmt.consequent.start!, ifStmt.consequent.end!];
    if ((errBinding?.constantViolations.length ?? 0) > 0 || errRefs.some((r) => !inRange(r.node, errorRange[0], errorRange[1]) && r.node !== (ifStmt.test as t.Node) && !inRange(r.node, ifStmt.test.start!, ifStmt.test.end!))) {
      report(`${calleeText}(…) left alone: \`${errName}\` is used after the error check`, 'err-used-after-check');
      continue;
    }
    if (cbBindings.some(([, b]) => b.referencePaths.some((r) => inRange(r.node, errorRange[0], errorRange[1])))) {
      report(`${calleeText}(…) left alone: the error branch reads a result of the callback`, 'result-used-in-error-branch');
      continue;
    }
    if (!express && hasReturnValue(cb.body)) {
      report(`${calleeText}(…) left alone: a \`return value\` in the callback would become the async function's result`, 'returns-value');
      continue;
    }
    if (target.kind === 'module' && spec.fdFirst && mayBeFd(args[0], source)) {
      report(`${calleeText}(…) left alone: the first argument may be a file descriptor, which the promise form does not accept`, 'maybe-fd');
      continue;
    }

    // 4. Error routing.
    const throwOnly = errorStmts.length === 1 && errorStmts[0].type === 'ThrowStatement' && isIdent(errorStmts[0].argument, errName);
    const nextForward = Boolean(express?.next) && errorStmts.length === 1 && isNextForward(errorStmts[0], errName, express!.next!, cbPath);
    const callArgs = args.slice(0, -1);
    const inertCtx: InertContext = { scope: callPath.scope, req: express?.req, res: express?.res, isCommonJs, resolve: (n, s) => classify(s.getBinding(n), resolveTarget) };
    if (!alreadyAsync) {
      // An Express handler that becomes async: what threw synchronously went to next(err) through Express.
      const before = position.before;
      if (!before.every((s) => cannotThrowStatement(s, inertCtx))) {
        report(`${calleeText}(…) left alone: code before it in the handler may throw, which Express routes to next(err) but an async handler leaves unhandled`, 'throw-before-call');
        continue;
      }
      if (!nextForward && !(callArgs.length > 0 && stringish(callArgs[0], inertCtx) && callArgs.slice(1).every((a) => inert(a as t.Expression, inertCtx)))) {
        report(`${calleeText}(…) left alone: an argument may throw or be rejected, which went to next(err) through Express and would reach the error branch`, 'args-may-throw');
        continue;
      }
    } else if (!throwOnly && !callArgs.every((a) => a.type !== 'SpreadElement' && inert(a as t.Expression, inertCtx))) {
      report(`${calleeText}(…) left alone: an argument may throw, which rejected the function and would reach the error branch`, 'args-may-throw');
      continue;
    }

    // 5. Text. Comments in the parts that are rebuilt (not the arguments, error branch or success code) would be lost.
    const keptRanges: Array<[number, number]> = [[errStart, errEnd]];
    if (callArgs.length) keptRanges.push([callArgs[0].start!, callArgs[callArgs.length - 1].end!]);
    const rebuiltEnd = successRange ? firstToken(source, elseForm ? (ifStmt.alternate as t.BlockStatement).start! + 1 : Math.max(ifStmt.end!, errEnd)) : stmt.end!;
    const lost = (ast.comments ?? []).some(
      (cm) =>
        ((cm.start! >= stmt.start! && cm.end! <= rebuiltEnd) || (successRange && cm.start! >= (elseForm ? ifStmt.alternate!.end! : cb.body.end!) - 1 && cm.end! <= stmt.end!)) &&
        !keptRanges.some(([a, b]) => cm.start! >= a && cm.end! <= b),
    );
    if (lost) {
      report(`${calleeText}(…) left alone: a comment in the callback's head or error check would be lost`, 'comments');
      continue;
    }
    const stmtIndent = indentAt(source, stmt.start!);
    let success: Conversion['success'];
    let unit = '';
    if (successRange) {
      const startTok = firstToken(source, elseForm ? (ifStmt.alternate as t.BlockStatement).start! + 1 : Math.max(ifStmt.end!, errEnd));
      const endTok = lastToken(source, elseForm ? (ifStmt.alternate as t.BlockStatement).end! - 1 : cb.body.end! - 1);
      success = { start: startTok, end: endTok };
      const successIndent = indentAt(source, successStmts[0].start!);
      const sameLine = lineStart(source, successStmts[0].start!) === lineStart(source, stmt.start!);
      unit = !sameLine && successIndent.startsWith(stmtIndent) ? successIndent.slice(stmtIndent.length) : '';
    }
    const outerDedent = outer ? outer.outerDedent + outer.unit.length : 0;
    const finalIndent = stmtIndent.slice(0, Math.max(0, stmtIndent.length - outerDedent));
    // One indentation step for the try and catch bodies: that of the callback's body over the call, else the file's.
    const ifIndent = indentAt(source, ifStmt.start!);
    const cbOnCallLine = lineStart(source, cb.start!) === lineStart(source, stmt.start!);
    const step = cbOnCallLine && lineStart(source, ifStmt.start!) !== lineStart(source, stmt.start!) && ifIndent.startsWith(stmtIndent) && ifIndent.length > stmtIndent.length ? ifIndent.slice(stmtIndent.length) : fileUnit;
    const inner = finalIndent + step;
    // Arguments laid out one per line stay so, indented for where the call now stands (one step deeper in a try).
    const extra = throwOnly ? '' : step;
    let argsText = '';
    if (callArgs.length) {
      const open = source.indexOf('(', ((call as any).typeArguments ?? (call as any).typeParameters ?? call.callee).end);
      const multiline = open !== -1 && open < callArgs[0].start! && /\n/.test(source.slice(open + 1, callArgs[0].start!)) && !/\/[/*]/.test(source.slice(open + 1, callArgs[0].start!));
      argsText = multiline
        ? reindent(source, open + 1, callArgs[callArgs.length - 1].end!, outerDedent, inLiteral, extra) + eol + finalIndent + extra
        : reindent(source, callArgs[0].start!, callArgs[callArgs.length - 1].end!, outerDedent, inLiteral, extra);
    }
    const awaited = `await ${promiseCallee}(${argsText})`;
    const resultNames = results.map((r) => r.name);
    let target_ = '';
    if (resultNames.length === 1 && spec.results[0] === '*') target_ = resultNames[0];
    else if (resultNames.length) {
      target_ = `{ ${resultNames.map((n, i) => (spec!.results[i] === n ? n : `${spec!.results[i]}: ${n}`)).join(', ')} }`;
    }
    const typed = (r: t.Identifier) => (r.typeAnnotation && r.typeAnnotation.type === 'TSTypeAnnotation' ? `${r.name}: ${source.slice(r.typeAnnotation.typeAnnotation.start!, r.typeAnnotation.typeAnnotation.end!)}` : r.name);
    const lines: string[] = [];
    if (throwOnly) {
      lines.push(target_ ? `const ${target_} = ${awaited};` : `${awaited};`);
      if (target_ && results.some((r) => r.typeAnnotation) && results.length === 1) lines[0] = `const ${typed(results[0])} = ${awaited};`;
    } else {
      if (resultNames.length) lines.push(`let ${results.map(typed).join(', ')};`);
      lines.push('try {');
      const assign = !resultNames.length ? `${awaited};` : resultNames.length === 1 && spec.results[0] === '*' ? `${target_} = ${awaited};` : `(${target_} = ${awaited});`;
      lines.push(`${step}${assign}`);
      const needsAny = isTs && errRefs.some((r) => inRange(r.node, errorRange[0], errorRange[1]) && !isPassedOn(r, express?.next));
      lines.push(`} catch (${errName}${needsAny ? ': any' : ''}) {`);
      const errText = errEnd > errStart ? errorBranchText(source, errStart, errEnd, inner, inLiteral, eol) : '';
      if (errText) lines.push(`${step}${errText}`);
      if (elseForm && !errorExits && successRange) lines.push(`${step}return;`);
      lines.push('}');
    }
    const header = lines.map((l, i) => (i === 0 ? l : finalIndent + l)).join(eol);
    const conversion: Conversion = {
      stmt,
      callback: cb,
      ifStmt,
      fn: fnNode,
      express,
      success,
      unit,
      outerDedent,
      header: success ? header + eol + finalIndent : header,
      errorStmts,
      errorExits,
      elseForm,
    };
    conversions.set(cb, conversion);
  }

  if (!conversions.size) return undefined;

  // Apply: each conversion replaces its head (up to the first success token) and its tail, and its success lines lose
  // its indentation unit (plus that of every enclosing conversion).
  const edits = ctx.edits();
  const madeAsync = new Set<t.Node>();
  for (const c of conversions.values()) {
    if (c.express && !c.express.async && !madeAsync.has(c.fn)) {
      madeAsync.add(c.fn);
      edits.insert(c.fn.start!, 'async ');
    }
  }
  const replaced: Array<[number, number]> = [];
  for (const c of conversions.values()) {
    if (c.success) {
      edits.replace(c.stmt.start!, c.success.start, c.header!);
      edits.replace(c.success.end, c.stmt.end!, '');
      replaced.push([c.stmt.start!, c.success.start], [c.success.end, c.stmt.end!]);
    } else {
      edits.replace(c.stmt.start!, c.stmt.end!, c.header!);
      replaced.push([c.stmt.start!, c.stmt.end!]);
    }
  }
  const list = [...conversions.values()].filter((c) => c.success && c.unit);
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) {
    const ls = i + 1;
    if (ls >= source.length || inLiteral(ls) || replaced.some(([a, b]) => ls > a && ls < b)) continue;
    let remove = 0;
    for (const c of list) if (ls > c.success!.start && ls <= c.success!.end) remove += c.unit.length;
    if (!remove) continue;
    let n = 0;
    while (n < remove && (source[ls + n] === ' ' || source[ls + n] === '\t')) n++;
    if (n) edits.remove(ls, ls + n);
  }
  return edits.apply();
}

// ---------------------------------------------------------------------------------------------------------------
// Position of the call

type Position = { fn: NodePath<t.Function>; outer?: Conversion; before: t.Node[] };

/**
 * The call's statement must be the last thing its function runs: last in its block, and each enclosing block the
 * body of the function or a branch of an if that is itself last. Returns the function (or the conversion of an
 * enclosing callback, whose body moves into its own function) and the code that runs before the call.
 */
function chain(stmtPath: NodePath<t.ExpressionStatement>, conversions: Map<t.Node, Conversion>): Position | 'code-after-call' | 'unsupported-position' | 'top-level' {
  const before: t.Node[] = [];
  let cur: NodePath = stmtPath;
  for (;;) {
    const parent = cur.parentPath;
    // `else if`: the inner if is the alternate of the outer one.
    if (parent?.isIfStatement() && cur.key !== 'test' && (cur.isBlockStatement() || cur.isIfStatement())) {
      // The test runs before the call, and the other branch runs instead of it: both run synchronously in the handler.
      before.push(parent.node.test);
      const other = cur.key === 'consequent' ? parent.node.alternate : parent.node.consequent;
      if (other) before.push(other);
      cur = parent;
      continue;
    }
    if (!parent?.isBlockStatement()) return 'unsupported-position';
    const stmts = parent.node.body;
    const idx = stmts.indexOf(cur.node as t.Statement);
    const after = stmts.slice(idx + 1).filter((s) => s.type !== 'EmptyStatement' && s.type !== 'FunctionDeclaration' && !s.type.startsWith('TS'));
    if (after.length) return 'code-after-call';
    before.push(...stmts.slice(0, idx));
    const owner = parent.parentPath!;
    if (owner.isFunction()) {
      const conv = conversions.get(owner.node);
      if (!conv) return { fn: owner as NodePath<t.Function>, before };
      // Inside a callback converted in this run: its success code moves into its own enclosing function; its error
      // branch becomes a catch block, which is not the end of that function.
      const consequent = conv.ifStmt.consequent;
      if (stmtPath.node.start! >= consequent.start! && stmtPath.node.end! <= consequent.end!) return 'unsupported-position';
      return { fn: owner as NodePath<t.Function>, outer: conv, before };
    }
    if (owner.isIfStatement()) {
      cur = parent;
      continue;
    }
    if (owner.isBlockStatement()) {
      cur = parent;
      continue;
    }
    return owner.isProgram() ? 'top-level' : 'unsupported-position';
  }
}

function expressHandler(fnPath: NodePath<t.Function>, expressKnown: boolean): ExpressHandler | undefined {
  const fn = fnPath.node;
  if (!expressKnown || (fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') || fn.generator) return undefined;
  const parent = fnPath.parentPath?.node;
  if (!parent || parent.type !== 'CallExpression' || fnPath.key === 'callee') return undefined;
  const callee = parent.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || !EXPRESS_VERBS.has(callee.property.name)) return undefined;
  if (!fn.params.every((p) => p.type === 'Identifier')) return undefined;
  const names = (fn.params as t.Identifier[]).map((p) => p.name);
  const offset = names.length === 4 ? 1 : 0;
  if (names.length < 2 || names.length > 4) return undefined;
  if (offset && !/^(err|error|e)$/.test(names[0])) return undefined;
  if (!/^(req|request)$/.test(names[offset]) || !/^(res|response)$/.test(names[offset + 1])) return undefined;
  const nextName = names[offset + 2];
  if (nextName !== undefined && nextName !== 'next') return undefined;
  const req = fnPath.scope.getBinding(names[offset]);
  const res = fnPath.scope.getBinding(names[offset + 1]);
  const next = nextName ? fnPath.scope.getBinding(nextName) : undefined;
  return { req: req?.constant ? req : undefined, res: res?.constant ? res : undefined, next: next?.constant ? next : undefined, async: fn.async };
}

// ---------------------------------------------------------------------------------------------------------------
// Small predicates

function isFunctionNode(n: t.Node | null | undefined): boolean {
  return !!n && (n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression');
}

function isIdent(n: t.Node | null | undefined, name: string): boolean {
  return !!n && n.type === 'Identifier' && n.name === name;
}

function isErrTest(test: t.Expression, errName: string): boolean {
  if (isIdent(test, errName)) return true;
  if (test.type === 'BinaryExpression' && test.operator === '!=') {
    return (isIdent(test.left, errName) && test.right.type === 'NullLiteral') || (isIdent(test.right, errName) && test.left.type === 'NullLiteral');
  }
  return false;
}

function exits(s: t.Statement): boolean {
  if (s.type === 'ReturnStatement' || s.type === 'ThrowStatement') return true;
  if (s.type === 'BlockStatement') return s.body.length > 0 && exits(s.body[s.body.length - 1]);
  if (s.type === 'IfStatement') return !!s.alternate && exits(s.consequent) && exits(s.alternate);
  return false;
}

function hasReturnValue(body: t.BlockStatement): boolean {
  let found = false;
  walk(body, (node) => {
    if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ArrowFunctionExpression' || node.type === 'ObjectMethod' || node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod') return false;
    if (node.type === 'ReturnStatement' && node.argument) found = true;
    return undefined;
  });
  return found;
}

/** `next(err)` or `return next(err)` with the handler's own next. */
function isNextForward(s: t.Statement, errName: string, next: Binding, at: NodePath): boolean {
  const expr: t.Node | null | undefined = s.type === 'ReturnStatement' ? s.argument : s.type === 'ExpressionStatement' ? s.expression : undefined;
  if (s.type === 'BlockStatement' && s.body.length === 1) return isNextForward(s.body[0], errName, next, at);
  if (!expr || expr.type !== 'CallExpression' || expr.callee.type !== 'Identifier' || expr.arguments.length !== 1) return false;
  return at.scope.getBinding(expr.callee.name) === next && isIdent(expr.arguments[0], errName);
}

/** Whether a use of err just passes it on (to next or console), which a catch parameter of type unknown allows. */
function isPassedOn(ref: NodePath, next: Binding | undefined): boolean {
  const parent = ref.parentPath?.node;
  if (!parent || parent.type !== 'CallExpression' || parent.callee === ref.node) return false;
  const callee = parent.callee;
  if (callee.type === 'Identifier') return !!next && ref.scope.getBinding(callee.name) === next;
  return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'console';
}

function mayBeFd(arg: t.Node, source: string): boolean {
  if (arg.type === 'NumericLiteral') return true;
  if (arg.type === 'StringLiteral' || arg.type === 'TemplateLiteral' || arg.type === 'BinaryExpression') return false;
  const text = source.slice(arg.start!, arg.end!);
  return /(^|[^a-zA-Z])fd|Fd\b|FD\b|descriptor|\.fd\b/.test(text) || /^\d/.test(text);
}

/** Whether `name` appears in the function outside the callback (any identifier of that name). */
function mentionedOutside(fn: t.Node, cb: t.Node, name: string): boolean {
  let found = false;
  walk(fn, (node, parent, key) => {
    if (found || node === cb) return false;
    if (node.type === 'Identifier' && node.name === name) {
      const isProp = parent && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && key === 'property' && !(parent as t.MemberExpression).computed;
      if (!isProp) found = true;
    }
    return undefined;
  });
  return found;
}

interface InertContext {
  scope: Scope;
  req?: Binding;
  res?: Binding;
  isCommonJs: boolean;
  resolve: (name: string, scope: Scope) => Bound | null;
}

/**
 * Statements that cannot throw: declarations of inert values, function declarations, ifs and blocks of such,
 * returns of inert values, console.* and responses sent with literal values on the handler's own res.
 */
function cannotThrowStatement(s: t.Node, c: InertContext): boolean {
  if (s.type === 'EmptyStatement' || s.type === 'FunctionDeclaration' || s.type.startsWith('TS')) return true;
  if (s.type === 'BlockStatement') return s.body.every((x) => cannotThrowStatement(x, c));
  if (s.type === 'IfStatement') return inert(s.test, c) && cannotThrowStatement(s.consequent, c) && (!s.alternate || cannotThrowStatement(s.alternate, c));
  if (s.type === 'ReturnStatement') return !s.argument || inert(s.argument, c) || resCall(s.argument, c);
  if (s.type === 'ExpressionStatement' && resCall(s.expression, c)) return true;
  if (s.type === 'VariableDeclaration') {
    return s.declarations.every((d) => d.id.type === 'Identifier' && (!d.init || inert(d.init, c)));
  }
  if (s.type.endsWith('Expression') || s.type.endsWith('Literal') || s.type === 'Identifier') return inert(s as t.Expression, c);
  // console.log(…) of inert values (logging is taken not to throw)
  if (s.type === 'ExpressionStatement' && s.expression.type === 'CallExpression') {
    const callee = s.expression.callee;
    return (
      callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' && callee.object.name === 'console' &&
      !c.scope.getBinding('console') && callee.property.type === 'Identifier' && ['log', 'info', 'warn', 'error', 'debug'].includes(callee.property.name) &&
      s.expression.arguments.every((a) => a.type !== 'SpreadElement' && inert(a, c))
    );
  }
  return false;
}

/** Expressions that cannot throw when evaluated (taking toString/valueOf of the values at hand not to throw). */
function inert(e: t.Node, c: InertContext): boolean {
  switch (e.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
    case 'BigIntLiteral':
    case 'RegExpLiteral':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return true;
    case 'TemplateLiteral':
      return e.expressions.every((x) => inert(x, c));
    case 'Identifier':
      return e.name === 'undefined' || Boolean(c.scope.getBinding(e.name)) || (c.isCommonJs && (e.name === '__dirname' || e.name === '__filename'));
    case 'BinaryExpression':
      return ['+', '===', '!==', '==', '!='].includes(e.operator) && e.left.type !== 'PrivateName' && inert(e.left, c) && inert(e.right, c);
    case 'LogicalExpression':
      return inert(e.left, c) && inert(e.right, c);
    case 'ConditionalExpression':
      return inert(e.test, c) && inert(e.consequent, c) && inert(e.alternate, c);
    case 'UnaryExpression':
      return ['!', 'typeof', 'void'].includes(e.operator) && inert(e.argument, c);
    case 'ObjectExpression':
      return e.properties.every((p) => p.type === 'ObjectProperty' && !p.computed && inert(p.value, c));
    case 'ArrayExpression':
      return e.elements.every((x) => x !== null && x.type !== 'SpreadElement' && inert(x, c));
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
    case 'TSTypeAssertion':
      return inert(e.expression, c);
    case 'MemberExpression':
      return reqRead(e, c);
    case 'CallExpression':
      return pathCall(e, c);
    default:
      return false;
  }
}

const RES_METHODS = new Set(['status', 'type', 'set', 'header', 'send', 'json', 'sendStatus', 'end', 'location', 'redirect', 'vary', 'append']);

/**
 * \`res.status(404).json({ error: 'x' })\`, \`res.sendStatus(400)\`: a chain of response methods with literal arguments on
 * the handler's own res (taken not to throw: they throw only when a response was already sent, or for values that
 * literals here do not have, such as an invalid status code).
 */
function resCall(e: t.Node, c: InertContext): boolean {
  if (!c.res || e.type !== 'CallExpression') return false;
  const callee = e.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || !RES_METHODS.has(callee.property.name)) return false;
  if (!e.arguments.every((a) => a.type !== 'SpreadElement' && (literalValue(a) || stringish(a, c)))) return false;
  if (callee.property.name === 'status' || callee.property.name === 'sendStatus') {
    const code = e.arguments[0];
    if (!code || code.type !== 'NumericLiteral' || code.value < 100 || code.value > 999) return false;
  }
  const obj = callee.object;
  if (obj.type === 'Identifier') return c.scope.getBinding(obj.name) === c.res;
  return resCall(obj, c);
}

/** Literals, templates without expressions, and arrays/objects of them. */
function literalValue(e: t.Node): boolean {
  switch (e.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
      return true;
    case 'TemplateLiteral':
      return e.expressions.length === 0;
    case 'ArrayExpression':
      return e.elements.every((x) => x !== null && literalValue(x));
    case 'ObjectExpression':
      return e.properties.every((p) => p.type === 'ObjectProperty' && !p.computed && literalValue(p.value));
    default:
      return false;
  }
}

/** `req.params`, `req.params.id`, `req.query.x`, `req.path`… on the handler's own req: objects Express always sets. */
function reqRead(e: t.MemberExpression, c: InertContext): boolean {
  if (!c.req || e.computed || e.property.type !== 'Identifier') return false;
  const obj = e.object;
  if (obj.type === 'Identifier') return c.scope.getBinding(obj.name) === c.req && REQ_SAFE.has(e.property.name);
  return (
    obj.type === 'MemberExpression' && !obj.computed && obj.property.type === 'Identifier' && REQ_SAFE_DEEP.has(obj.property.name) &&
    obj.object.type === 'Identifier' && c.scope.getBinding(obj.object.name) === c.req
  );
}

/** path.join(…)/resolve(…) of strings cannot throw. */
function pathCall(e: t.CallExpression, c: InertContext): boolean {
  const callee = e.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || !PATH_FNS.has(callee.property.name)) return false;
  if (callee.object.type !== 'Identifier') return false;
  const b = c.resolve(callee.object.name, c.scope);
  if (b?.kind !== 'ns' || b.module !== 'path') return false;
  return e.arguments.length > 0 && e.arguments.every((a) => stringish(a, c));
}

/** Expressions that are strings and cannot throw: what a path or command argument cannot be rejected for. */
function stringish(e: t.Node, c: InertContext, depth = 0): boolean {
  switch (e.type) {
    case 'StringLiteral':
      return true;
    case 'TemplateLiteral':
      return e.expressions.every((x) => inert(x, c));
    case 'Identifier': {
      if (c.isCommonJs && (e.name === '__dirname' || e.name === '__filename') && !c.scope.getBinding(e.name)) return true;
      // A name never reassigned, declared (and so initialised) before the use, whose value is a string.
      const b = c.scope.getBinding(e.name);
      if (!b || !b.constant || depth > 0 || !b.path.isVariableDeclarator() || b.path.node.start! > e.start!) return false;
      const init = b.path.node.init;
      return !!init && stringish(init, { ...c, scope: b.path.scope }, depth + 1);
    }
    case 'MemberExpression':
      // route parameters are always strings
      return reqRead(e, c) && e.object.type === 'MemberExpression' && (e.object.property as t.Identifier).name === 'params';
    case 'BinaryExpression':
      return e.operator === '+' && e.left.type !== 'PrivateName' && (stringish(e.left, c, depth) || stringish(e.right, c, depth)) && inert(e.left, c) && inert(e.right, c);
    case 'CallExpression':
      return pathCall(e, c);
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Text helpers

function lineStart(source: string, pos: number): number {
  return source.lastIndexOf('\n', pos - 1) + 1;
}

function indentAt(source: string, pos: number): string {
  const ls = lineStart(source, pos);
  return /^[ \t]*/.exec(source.slice(ls, pos))![0];
}

function firstToken(source: string, from: number): number {
  let i = from;
  while (i < source.length && /\s/.test(source[i])) i++;
  return i;
}

function lastToken(source: string, before: number): number {
  let i = before;
  while (i > 0 && /\s/.test(source[i - 1])) i--;
  return i;
}

function detectUnit(source: string): string {
  const m = /\n(\t+|[ ]{2,8})\S/.exec(source);
  if (!m) return '  ';
  if (m[1][0] === '\t') return '\t';
  let min = m[1].length;
  for (const x of source.matchAll(/\n( +)\S/g)) if (x[1].length < min) min = x[1].length;
  return ' '.repeat(Math.max(2, Math.min(min, 4)));
}

/** Source of [start, end) with up to `remove` whitespace characters taken off each following line and `add` put on. */
function reindent(source: string, start: number, end: number, remove: number, inLiteral: (pos: number) => boolean, add = ''): string {
  if (!remove && !add) return source.slice(start, end);
  let out = '';
  let pos = start;
  for (let i = source.indexOf('\n', start); i !== -1 && i < end; i = source.indexOf('\n', i + 1)) {
    const ls = i + 1;
    out += source.slice(pos, ls);
    if (inLiteral(ls)) {
      pos = ls;
      continue;
    }
    let n = 0;
    while (n < remove && ls + n < end && (source[ls + n] === ' ' || source[ls + n] === '\t')) n++;
    out += add;
    pos = ls + n;
  }
  return out + source.slice(pos, end);
}

/** The error branch's text [start, end), re-indented to `indent` (lines inside multi-line literals are kept). */
function errorBranchText(source: string, start: number, end: number, indent: string, inLiteral: (pos: number) => boolean, eol: string): string {
  const base = indentAt(source, start);
  let out = '';
  let pos = start;
  for (let i = source.indexOf('\n', start); i !== -1 && i < end; i = source.indexOf('\n', i + 1)) {
    const ls = i + 1;
    if (inLiteral(ls)) continue;
    out += source.slice(pos, i).replace(/\r$/, '') + eol;
    const lineIndent = /^[ \t]*/.exec(source.slice(ls, end))![0];
    const nl = source.indexOf('\n', ls);
    const restOfLine = source.slice(ls + lineIndent.length, nl === -1 || nl > end ? end : nl);
    pos = ls + lineIndent.length;
    if (!restOfLine.trim()) continue;
    out += indent + (lineIndent.startsWith(base) ? lineIndent.slice(base.length) : '');
  }
  return out + source.slice(pos, end);
}

/** The target (--target, else engines.node) must run async-await: else the file stays as it is, reason `target`. */
export default withTarget('async-await', callbackToAsyncUntargeted);
