import type { Binding, NodePath } from '@babel/traverse';
import type * as t from '@babel/types';
import { z } from 'zod';
import { TextEdits } from '../../src/text-edits.js';
import { loadTraverse, type Traverse } from '../../src/ast.js';
import { defineMeta, type FileTransformContext } from '../../src/types.js';
import { findStrictProblem } from './strict.js';
import { targetOption, withTarget } from '../../src/target.js';
import { isPublished } from '../../src/target.js';
import { findCallerWithoutNew } from './callers.js';
import nodePath from 'node:path';

export const meta = defineMeta({
  name: 'prototype-to-class',
  description: 'constructor function + prototype methods (+ util.inherits / Object.create inheritance) → class; leaves alone what a class cannot express identically',
  engine: 'file',
  reasons: {
    'not-a-declaration': 'the prototype is built on a function that is not a top-level function declaration',
    'accessor-descriptor': 'a member defined through a descriptor (enumerable, accessor, or not a function) has no class equivalent',
    'apply-arguments': '`apply` with an array-like other than `arguments` (spread needs an iterable)',
    'arrow-method': 'a prototype member is an arrow function: its `this` is not the instance',
    'called-without-new': 'the constructor is called without new (Ctor.call(…) or a plain call)',
    'called-without-new-elsewhere': 'exported, and another file calls it without new',
    'comment-would-be-lost': 'a comment after the last member of the prototype object',
    'compiled-output': 'the file is compiled output (__extends, __esModule, source map): subclasses elsewhere call constructors as `_super.call(this)`',
    'complex-parent': 'the parent is not a plain name or property chain',
    'conditional-member': 'a prototype member is added conditionally, in a loop or from a function',
    'constructor-not-restored': '`prototype.constructor` is not restored after Object.create, so instances report the parent as constructor',
    'constructor-reassigned': 'the constructor is reassigned or redeclared',
    'constructor-returns-value': 'the constructor returns a value',
    'duplicate-member': 'a member is defined more than once',
    'enumerates-prototype': 'the file enumerates `this` with for-in, which sees prototype methods but not class methods',
    escapes: 'the constructor is passed to a function that may call it without new or enumerate it',
    'global-script': 'at the top level of a script a function declaration is a global property, a class is not',
    'method-used-as-constructor': 'a method is called with new somewhere, which a class method does not allow',
    'named-function-expression': 'a member refers to its own function name, which a method does not bind',
    'no-movable-members': 'no member can move into a class body (only data or existing functions are assigned); nothing to gain',
    'no-parent-call': 'the parent is called with another receiver than `this`',
    'parent-defined-later': 'the parent is defined after the constructor; `extends` would read it too early',
    'parent-prototype-replaced': 'the parent\'s prototype is replaced after the class would link to it',
    'prototype-data-property': 'the prototype holds a data property (not a function), which a class body cannot',
    'prototype-reassigned': 'the prototype object is replaced without restoring `constructor`, unlike a class',
    'prototype-used-as-value': 'the prototype is used as a value (mixin, enumeration or copy), where class methods are not enumerable',
    'published-api': 'the constructor is part of a published API that callers may call without new',
    'reserved-static': 'a static member would redefine a built-in property of the class',
    'sloppy-detached-method': 'a method taken off an object and called bare would get undefined `this` in a class (strict)',
    'sloppy-mode': 'assignment to an undeclared name creates a global in sloppy mode but throws in a class body',
    'sloppy-this': '`this` in a nested function is the global object in sloppy mode but undefined in a class body',
    'super-in-method': '`super` in an object literal method refers to Object.prototype, not the parent',
    'this-before-super': 'the constructor uses `this` (or calls the parent conditionally) before calling the parent; `super()` must come first',
    'typescript-fields': '`this.x` would need a field declaration in a TypeScript class',
    'typescript-signature': 'type parameters, a return type or a `this` parameter have no class constructor equivalent',
    'used-before-definition': 'the constructor is used before its definition; a class is not hoisted like a function',
    'used-before-members': 'the constructor is used between the function and its last member; class members would exist earlier',
    'uses-super_': '`Ctor.super_` (set by util.inherits) is used; a class has no super_',
  },
  version: '1',
  // The callers scan reads the package's other files: a cached result could miss a new caller.
  readsOtherFiles: true,
  docs: `
Rewrites a function declaration used as a constructor, together with the top-level statements right after it that
build its prototype, into one \`class\` placed where the function was:
- \`X.prototype.m = function () {}\` → method \`m() {}\` (async and generator functions too);
- \`X.s = function () {}\` → \`static s() {}\`;
- \`Object.defineProperty(X.prototype, 'p', { get: function () {}, set: function (v) {}, configurable: true })\`
  → \`get p() {}\` / \`set p(v) {}\` (also on X for static accessors);
- \`X.prototype = { constructor: X, m: function () {} }\` → methods;
- \`util.inherits(X, P)\` (or the \`inherits\` package), or \`X.prototype = Object.create(P.prototype)\` with
  \`X.prototype.constructor = X\` → \`class X extends P\`, and \`P.call(this, a)\` / \`P.apply(this, arguments)\` /
  \`X.super_.call(this, a)\` as the first statement touching \`this\` in the constructor → \`super(a)\` /
  \`super(...arguments)\`.
Other assignments (\`X.prototype.count = 0\`, \`X.version = '1'\`, \`X.prototype.m = someFunction\`) stay as
statements after the class, where they ran before. Comments above a moved statement move with it; bodies are moved
text, reindented. \`module.exports = X\` and other uses are untouched.

A class is not an exact stand-in for a constructor function, so the whole group is left alone, with a reason, when:
- the file calls it without \`new\` (\`X()\`, \`X.call\`/\`X.apply\` outside a converted subclass, \`X.bind\`), or its
  constructor has an \`instanceof\` guard for such calls (called-without-new); it escapes into code that may
  (passed as an argument, stored in a variable: escapes);
- it is used, or its prototype touched, before the function in the text, or between the function and its last
  member (function declarations are hoisted, classes are not; methods would exist earlier) (used-before-definition,
  used-before-members), counting calls of hoisted functions that use it;
- members are added conditionally, in loops or from functions (conditional-member); the prototype is reassigned
  other than by the forms above (prototype-reassigned); the prototype is used as a value: mixins, Object.keys,
  _.extend (prototype-used-as-value); the file enumerates \`this\` or instances with for-in (enumerates-prototype):
  prototype methods are enumerable, class methods are not;
- a member is an arrow function (arrow-method), a named function expression that refers to itself
  (named-function-expression), duplicated (duplicate-member), or a static named name/length/prototype (reserved-static);
- accessors whose descriptor differs from a class accessor (enumerable true; configurable missing or false, unless
  the looseAccessors option is on) (accessor-descriptor);
- the constructor returns a value (constructor-returns-value); a derived constructor touches \`this\` before the
  parent call, calls it conditionally or not at all (this-before-super, no-parent-call); \`X.super_\` is used
  otherwise (uses-super_); the parent is defined or its prototype replaced after the class position;
- in sloppy-mode files (no 'use strict', not an ES module): code that changes meaning in a class body, which is
  strict: \`with\`, \`arguments.callee\`, octal literals, assignments to undeclared names, \`this\` in nested
  functions, methods passed around detached when they use \`this\` (sloppy-mode, sloppy-this, sloppy-detached-method);
- the function is at the top level of a browser script (a class does not create a global property: global-script);
- TypeScript files where the class would need field declarations for \`this.x\` (typescript-fields);
- the file is compiled output (a source map comment, \`__extends\`, \`__esModule\`, Babel class helpers): subclasses
  compiled the same way in other files call the constructor as \`_super.call(this)\` (compiled-output);
- nothing would move into the class body (only data or existing functions are assigned: no-movable-members).

- it is exported and another file of the package calls or applies it without \`new\`
  (\`Store.call(this)\`, \`S.apply(this, arguments)\` through \`var S = require('./store')\`, \`session.Store.call\`)
  (called-without-new-elsewhere): the package's JS/TS files are read as text once, under the nearest package.json;
- it is exported from a published package (nearest package.json without \`"private": true\`): other packages may
  call it without \`new\` (connect-redis does \`Store.call(this)\` on express-session's Store) (published-api);
  \`--allow-public-constructors\` converts it when you know every caller.

Residual risks (not visible in one file): other files enumerating instances or its prototype with for-in / _.extend; subclasses in other files using \`X.call(this)\` or
\`X.super_\`. With \`extends\`, the subclass also inherits static members (util.inherits did not), and a parent
constructor that returns an object replaces \`this\`. Methods get a \`name\` ("greet" instead of "").`,
  options: z.object({
    allowPublicConstructors: z
      .boolean()
      .default(false)
      .describe('also convert constructors exported from a published package (other packages may call them without new)'),
    target: targetOption(),
    looseAccessors: z
      .boolean()
      .default(false)
      .describe('also convert Object.defineProperty accessors that omit configurable (non-configurable), which class accessors are not'),
  }),
  prefilter: (source) => source.includes('prototype') || source.includes('inherits'),
});

type Options = z.infer<NonNullable<typeof meta.options>>;

type Container = NodePath<t.Program | t.BlockStatement>;
type Fn = t.FunctionExpression | t.ObjectMethod;

interface Member {
  kind: 'method' | 'get' | 'set';
  isStatic: boolean;
  name: string;
  keyText: string;
  fn: NodePath<Fn>;
  stmt: t.Statement;
  /** Start of the comments above the member's statement (first member of a statement only). */
  stmtComment?: number;
  /** Start of the comments above the member's property in an object literal or descriptor, and that property. */
  propComment?: number;
  propStart?: number;
  /** ObjectMethod in a prototype literal: copied as written. */
  verbatim?: boolean;
}

interface SuperCall {
  path: NodePath<t.CallExpression>;
  text: string;
}

interface Candidate {
  name: string;
  /** Published by module.exports / exports.x / export: callers may be in other files and packages. */
  exported?: boolean;
  fn: NodePath<t.FunctionDeclaration>;
  stmt: NodePath<t.Statement>;
  container: Container;
  index: number;
  binding: Binding;
  members: Member[];
  moved: Set<t.Statement>;
  removed: Set<t.Statement>;
  kept: Set<t.Statement>;
  /** References of the name that define the class (member targets, inheritance arguments). */
  definitionRefs: Set<t.Node>;
  /** `X.call(this, …)` / `X.apply(this, …)` calls found in the file. */
  callRefs: NodePath<t.CallExpression>[];
  superCall?: SuperCall;
  parent?: { text: string; root?: string; stmt: t.Statement; via: 'inherits' | 'create'; createHasDescriptor?: boolean };
  ctorFix?: t.Statement;
  literal?: t.Statement;
  failure?: { reason: string; message: string; node: { start?: number | null } };
}

class Refuse extends Error {
  constructor(
    readonly reason: string,
    message: string,
    readonly node?: { start?: number | null } | null,
  ) {
    super(message);
  }
}

async function prototypeToClassUntargeted(ctx: FileTransformContext<Options>): Promise<string | undefined> {
  const traverse = await loadTraverse();
  try {
    return new Converter(ctx, traverse).run();
  } finally {
    traverse.cache?.clear?.();
  }
}

const RESERVED_STATIC = new Set(['name', 'length', 'prototype', 'caller', 'arguments']);

class Converter {
  private readonly source: string;
  private ast!: t.File;
  private program!: NodePath<t.Program>;
  private strictFile = false;
  private moduleLike = false;
  private readonly typescript: boolean;
  private readonly candidates: Candidate[] = [];
  private readonly byBinding = new Map<Binding, Candidate>();
  /** Function nodes that only run as a candidate's constructor or method. */
  private readonly ownerOf = new Map<t.Node, Candidate>();
  private readonly forInRights: NodePath<t.ForInStatement>[] = [];
  private readonly memberReads: NodePath<t.MemberExpression>[] = [];
  private readonly eol: string;

  constructor(
    private readonly ctx: FileTransformContext<Options>,
    private readonly traverse: Traverse,
  ) {
    this.source = ctx.source;
    this.typescript = /\.[cm]?tsx?$/.test(ctx.path);
    this.eol = this.source.includes('\r\n') ? '\r\n' : '\n';
  }

  run(): string | undefined {
    if (/\.d\.[cm]?ts$/.test(this.ctx.path)) return undefined;
    this.ast = this.ctx.parse();
    const fns: NodePath<t.FunctionDeclaration>[] = [];
    this.traverse(this.ast, {
      Program: (p: NodePath<t.Program>) => {
        this.program = p;
      },
      FunctionDeclaration: (p: NodePath<t.FunctionDeclaration>) => {
        fns.push(p);
      },
      ForInStatement: (p: NodePath<t.ForInStatement>) => {
        this.forInRights.push(p);
      },
      MemberExpression: (p: NodePath<t.MemberExpression>) => {
        this.memberReads.push(p);
      },
    });
    const directives = this.ast.program.directives ?? [];
    this.strictFile = this.ast.program.sourceType === 'module' || directives.some((d) => d.value.value === 'use strict');
    this.moduleLike =
      this.ast.program.sourceType === 'module' ||
      /\.(mjs|cjs|mts|cts)$/.test(this.ctx.path) ||
      /\brequire\s*\(|\bmodule\.exports\b|\bexports\.[A-Za-z_$]|\bdefine\s*\(/.test(this.source);

    for (const fn of fns) {
      const c = this.candidate(fn);
      if (c) {
        this.candidates.push(c);
        this.byBinding.set(c.binding, c);
      }
    }
    this.reportNonDeclarations();
    if (!this.candidates.length) return undefined;
    if (COMPILED_OUTPUT.test(this.source)) {
      // Subclasses compiled the same way (in other files) call the constructor as `_super.call(this)`.
      for (const c of this.candidates) {
        c.failure = {
          reason: 'compiled-output',
          message: 'the file is compiled output (source map, __extends, __esModule): subclasses elsewhere call constructors as `_super.call(this)`, which throws for a class; convert the source instead',
          node: c.fn.node,
        };
      }
    }
    for (const c of this.candidates) if (!c.failure) this.guard(c, () => this.analyse(c));
    for (const c of this.candidates) if (!c.failure) this.guard(c, () => this.checkTiming(c));
    for (const c of this.candidates) if (!c.failure) this.guard(c, () => this.checkPublicApi(c));
    this.settleDependencies();

    const edits = this.ctx.edits();
    for (const c of this.candidates) {
      if (c.failure) {
        this.ctx.report(`${c.name} kept as a constructor function: ${c.failure.message}`, c.failure.node, c.failure.reason);
        continue;
      }
      this.emit(c, edits);
    }
    return edits.size ? edits.apply() : undefined;
  }

  /**
   * A class cannot be called without new, so an exported constructor is public API: refuse it when another file of
   * the package calls or applies it without new (see callers.ts), and when the package is published (no
   * "private": true) unless --allow-public-constructors, since callers may live in other packages.
   */
  private checkPublicApi(c: Candidate): void {
    if (!c.exported && !c.stmt.isExportNamedDeclaration() && !c.stmt.isExportDefaultDeclaration()) return;
    const abs = this.ctx.absPath ?? nodePath.resolve(this.ctx.path);
    const caller = findCallerWithoutNew(abs, c.name);
    if (caller) {
      const where = nodePath.relative(nodePath.dirname(abs), caller.file) || caller.file;
      throw new Refuse('called-without-new-elsewhere', `exported, and ${where}:${caller.line} calls it without new (\`${caller.text}\`), which throws for a class`, c.fn.node);
    }
    if (this.ctx.options.allowPublicConstructors) return;
    const { published, pkg } = isPublished(abs);
    if (published) {
      throw new Refuse(
        'published-api',
        `exported from the published package ${pkg!.json.name ?? nodePath.basename(pkg!.dir)} (package.json has no "private": true): code in other packages may call it without new (\`${c.name}.call(this)\`); --allow-public-constructors converts it`,
        c.fn.node,
      );
    }
  }

  /**
   * Prototypes built on something other than a function declaration (`var Cookie = module.exports = function
   * Cookie() {}; Cookie.prototype = {…}`): looked at, left alone, reported once per name.
   */
  private reportNonDeclarations(): void {
    const seen = new Set<string>(this.candidates.map((c) => c.name));
    for (const p of this.memberReads) {
      const node = p.node;
      if (propName(node) !== 'prototype' || node.object.type !== 'Identifier' || seen.has(node.object.name)) continue;
      let target: NodePath | null = p;
      if (p.parentPath?.isMemberExpression() && p.parentPath.node.object === node) target = p.parentPath;
      const assign = target?.parentPath;
      if (!assign?.isAssignmentExpression() || assign.node.left !== target!.node) continue;
      const name = node.object.name;
      const binding = p.scope.getBinding(name);
      if (!binding) continue; // a global (Array.prototype.x = …): not this file's constructor
      seen.add(name);
      const kind = binding.path.isFunctionDeclaration() ? 'a function declaration nested where a class cannot stand' : binding.path.isVariableDeclarator() ? 'a function expression or other value held in a variable' : `a ${binding.kind} binding`;
      this.ctx.report(`${name} kept: its prototype is built here, but ${name} is ${kind}; only top-level function declarations become classes`, assign.node, 'not-a-declaration');
    }
  }

  private guard(c: Candidate, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      if (!(err instanceof Refuse)) throw err;
      c.failure = { reason: err.reason, message: err.message, node: err.node ?? c.fn.node };
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Finding candidates

  /** A function declaration in a statement list whose prototype is built or which is given a parent. */
  private candidate(fn: NodePath<t.FunctionDeclaration>): Candidate | undefined {
    const node = fn.node;
    if (!node.id || node.async || node.generator || (node as any).declare || !node.body) return undefined;
    let stmt: NodePath<t.Statement> = fn;
    if (fn.parentPath.isExportNamedDeclaration() || fn.parentPath.isExportDefaultDeclaration()) stmt = fn.parentPath;
    const container = stmt.parentPath;
    if (!container) return undefined;
    if (!container.isProgram() && !(container.isBlockStatement() && container.parentPath.isFunction())) return undefined;
    const binding = stmt.parentPath!.scope.getBinding(node.id.name);
    if (!binding || binding.identifier !== node.id) return undefined;
    const isSignal = (ref: NodePath) => {
      const parent = ref.parentPath;
      if (parent?.isMemberExpression() && parent.node.object === ref.node && propName(parent.node) === 'prototype') return true;
      return Boolean(parent?.isCallExpression() && parent.node.arguments[0] === ref.node && this.isInheritsCall(parent as NodePath<t.CallExpression>));
    };
    if (!binding.referencePaths.some(isSignal)) return undefined;
    const body = (container.node as t.Program | t.BlockStatement).body;
    return {
      name: node.id.name,
      fn,
      stmt,
      container: container as Container,
      index: body.indexOf(stmt.node),
      binding,
      members: [],
      moved: new Set(),
      removed: new Set(),
      kept: new Set(),
      definitionRefs: new Set(),
      callRefs: [],
    };
  }

  /** `util.inherits(...)`, `require('util').inherits(...)`, `inherits(...)` bound to util's or the `inherits` package. */
  private isInheritsCall(call: NodePath<t.CallExpression>): boolean {
    const callee = call.node.callee;
    if (call.node.arguments.length !== 2) return false;
    if (callee.type === 'MemberExpression' && propName(callee) === 'inherits') {
      const obj = callee.object;
      if (isRequireOf(obj, UTIL)) return true;
      if (obj.type === 'Identifier') return this.boundTo(call, obj.name, 'module');
      return false;
    }
    if (callee.type === 'Identifier' && callee.name === 'inherits') return this.boundTo(call, 'inherits', 'inherits');
    return false;
  }

  /** Whether `name` is bound to the util module (`module`) or to an `inherits` function (`inherits`). */
  private boundTo(at: NodePath, name: string, what: 'module' | 'inherits'): boolean {
    const binding = at.scope.getBinding(name);
    if (!binding) return false;
    const p = binding.path;
    if (p.isVariableDeclarator()) {
      const init = p.node.init;
      if (!init || binding.constantViolations.length) return false;
      if (what === 'module') return isRequireOf(init, UTIL);
      if (p.node.id.type === 'Identifier') {
        return isRequireOf(init, ['inherits']) || (init.type === 'MemberExpression' && propName(init) === 'inherits' && isRequireOf(init.object, UTIL));
      }
      return p.node.id.type === 'ObjectPattern' && isRequireOf(init, UTIL);
    }
    if (p.isImportDefaultSpecifier() || p.isImportNamespaceSpecifier()) {
      const from = (p.parentPath!.node as t.ImportDeclaration).source.value;
      return what === 'module' ? UTIL.includes(from) : from === 'inherits';
    }
    if (p.isImportSpecifier()) {
      const from = (p.parentPath!.node as t.ImportDeclaration).source.value;
      const imported = p.node.imported.type === 'Identifier' ? p.node.imported.name : p.node.imported.value;
      return what === 'inherits' && imported === 'inherits' && UTIL.includes(from);
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Structure: which statements make the class, and whether each use is compatible with a class

  private topStatement(c: Candidate, p: NodePath): { stmt: t.Statement; index: number } | undefined {
    const stmt = p.parentPath;
    if (!stmt?.isExpressionStatement() || stmt.parentPath.node !== c.container.node) return undefined;
    const index = (c.container.node.body as t.Statement[]).indexOf(stmt.node);
    return { stmt: stmt.node, index };
  }

  /** The statement after the constructor that `assignOrCall` forms, or a refusal explaining why it cannot move. */
  private memberStatement(c: Candidate, assignOrCall: NodePath, what: string): t.Statement {
    const top = this.topStatement(c, assignOrCall);
    if (!top) throw new Refuse('conditional-member', `${what} is added conditionally, in a loop or from a function`, assignOrCall.node);
    if (top.index < c.index) throw new Refuse('used-before-definition', `${what} is set before the constructor function, where a class would not exist yet`, assignOrCall.node);
    return top.stmt;
  }

  private analyse(c: Candidate): void {
    const { binding, fn, name } = c;
    if (binding.kind !== 'hoisted' || binding.constantViolations.length) {
      throw new Refuse('constructor-reassigned', `\`${name}\` is reassigned or redeclared`, binding.constantViolations[0]?.node);
    }
    if (fn.node.typeParameters || fn.node.returnType || fn.node.params.some((p) => p.type === 'Identifier' && p.name === 'this')) {
      throw new Refuse('typescript-signature', 'type parameters, a return type or a `this` parameter have no class constructor equivalent');
    }
    if (c.container.isProgram() && !this.moduleLike) {
      throw new Refuse('global-script', 'at the top level of a script a function declaration is a global property, a class is not');
    }
    for (const ref of binding.referencePaths) {
      // `export function X` / `export default function X` list the export statement as a reference.
      if (ref.node === c.stmt.node) c.definitionRefs.add(ref.node);
      else this.classify(c, ref);
    }

    // Order: the parent link must exist before any prototype member, and constructor repair after Object.create.
    const body = c.container.node.body as t.Statement[];
    const pos = (s: t.Statement) => body.indexOf(s);
    const protoMembers = [...c.members.filter((m) => !m.isStatic).map((m) => m.stmt), ...[...c.kept].filter((s) => isPrototypeAssignment(s))];
    for (const head of [c.parent?.stmt, c.literal]) {
      if (head && protoMembers.some((s) => s !== head && pos(s) < pos(head))) {
        throw new Refuse('prototype-reassigned', 'the prototype is replaced after members were added to it', head);
      }
    }
    if (c.parent && c.literal) throw new Refuse('prototype-reassigned', 'the prototype is both inherited and replaced by an object', c.literal);
    if (c.parent?.via === 'create' && !c.parent.createHasDescriptor) {
      if (!c.ctorFix) throw new Refuse('constructor-not-restored', '`prototype.constructor` is not restored after Object.create, so instances report the parent as constructor', c.parent.stmt);
      if (pos(c.ctorFix) < pos(c.parent.stmt)) throw new Refuse('constructor-not-restored', '`prototype.constructor` is set before the prototype is replaced', c.ctorFix);
    }

    if (!c.members.length && !c.parent) {
      throw new Refuse('no-movable-members', 'no member can move into a class body (only data or existing functions are assigned); nothing to gain', c.fn.node);
    }
    this.checkConstructor(c);
    const seen = new Map<string, string>();
    for (const m of c.members) {
      const key = `${m.isStatic ? 'static ' : ''}${m.name}`;
      const before = seen.get(key);
      if (before && !(m.kind !== 'method' && before !== 'method' && before !== m.kind)) {
        throw new Refuse('duplicate-member', `\`${m.name}\` is defined more than once`, m.stmt);
      }
      seen.set(key, before && before !== m.kind ? 'pair' : m.kind);
      this.checkMemberFunction(c, m);
    }
    this.checkComments(c);
    this.checkEnumeration(c);
    if (this.typescript) this.checkTypeScriptFields(c);
    if (!this.strictFile && !this.inStrictFunction(c.container)) this.checkSloppy(c);
    this.ownerOf.set(fn.node, c);
    for (const m of c.members) this.ownerOf.set(m.fn.node, c);
  }

  private inStrictFunction(container: Container): boolean {
    for (let p: NodePath | null = container; p; p = p.parentPath) {
      if ((p.isBlockStatement() || p.isProgram()) && p.node.directives?.some((d) => d.value.value === 'use strict')) return true;
    }
    return false;
  }

  /** One reference to the constructor's name. */
  private classify(c: Candidate, ref: NodePath): void {
    const parent = ref.parentPath!;
    const node = ref.node;
    const name = c.name;
    if (parent.isNewExpression() && parent.node.callee === node) return;
    if (parent.isBinaryExpression() && parent.node.operator === 'instanceof' && parent.node.right === node) {
      if (parent.node.left.type === 'ThisExpression' && isInside(ref, c.fn.node)) {
        throw new Refuse('called-without-new', `the constructor checks \`this instanceof ${name}\`, a sign it is called without new`, parent.node);
      }
      return;
    }
    if (parent.isCallExpression() && parent.node.callee === node) {
      throw new Refuse('called-without-new', `\`${name}(…)\` is called without new, which throws for a class`, parent.node);
    }
    if (parent.isCallExpression() && parent.node.arguments.includes(node as t.Expression)) {
      const call = parent as NodePath<t.CallExpression>;
      const index = call.node.arguments.indexOf(node as t.Expression);
      if (this.isInheritsCall(call)) {
        if (index === 0) return this.inheritance(c, call, call.node.arguments[1], 'inherits', ref);
        return; // parent of another constructor
      }
      if (index === 0 && isObjectCall(call.node, 'defineProperty')) return this.accessorStatement(c, call, true, ref);
      // Error.captureStackTrace(err, X) only compares X with the frames on the stack.
      if (index === 1 && chainText(call.node.callee) === 'Error.captureStackTrace') return;
      throw new Refuse('escapes', `\`${name}\` is passed to a function that may call it without new or enumerate it`, call.node);
    }
    if (parent.isMemberExpression() && parent.node.object === node) {
      const prop = propName(parent.node);
      if (prop === 'prototype') return this.classifyPrototype(c, parent as NodePath<t.MemberExpression>, ref);
      if (prop === 'super_') return this.classifySuper(c, parent as NodePath<t.MemberExpression>);
      if (prop === 'call' || prop === 'apply') {
        const call = parent.parentPath;
        if (call?.isCallExpression() && call.node.callee === parent.node) {
          c.callRefs.push(call);
          return;
        }
        throw new Refuse('called-without-new', `\`${name}.${prop}\` is used as a value`, parent.node);
      }
      if (prop === 'bind') throw new Refuse('called-without-new', `\`${name}.bind\` makes a function that may be called without new`, parent.node);
      const assign = parent.parentPath;
      if (prop !== undefined && assign?.isAssignmentExpression() && assign.node.left === parent.node && assign.node.operator === '=') {
        return this.staticAssignment(c, assign, prop, ref);
      }
      return; // reading a static member
    }
    if (this.isConstructorValue(c, ref)) {
      c.definitionRefs.add(node);
      return;
    }
    if (isExportUse(ref)) {
      c.exported = true;
      return;
    }
    // `return X;` at the end of a wrapper function publishes it, as an export does.
    if (parent.isReturnStatement() && parent.parentPath.node === c.container.node) return;
    throw new Refuse('escapes', `\`${name}\` is stored or passed where it may be called without new`, node);
  }

  /**
   * `X` as the restored constructor: `X.prototype.constructor = X`, `constructor: X` in a prototype literal, or
   * `value: X` in the descriptor given to Object.create (checked where those statements are read).
   */
  private isConstructorValue(c: Candidate, ref: NodePath): boolean {
    const parent = ref.parentPath!;
    if (parent.isAssignmentExpression() && parent.node.right === ref.node) {
      const left = parent.node.left;
      return left.type === 'MemberExpression' && propName(left) === 'constructor' && chainText(left.object) === `${c.name}.prototype`;
    }
    if (!parent.isObjectProperty() || parent.node.value !== ref.node) return false;
    const key = keyName(parent.node.key);
    const obj = parent.parentPath!;
    if (key === 'constructor') {
      const assign = obj.parentPath;
      return Boolean(assign?.isAssignmentExpression() && assign.node.right === obj.node && chainText(assign.node.left) === `${c.name}.prototype`);
    }
    if (key === 'value') {
      const create = obj.parentPath?.parentPath?.parentPath;
      const assign = create?.parentPath;
      return Boolean(create?.isCallExpression() && isObjectCall(create.node, 'create') && assign?.isAssignmentExpression() && chainText(assign.node.left) === `${c.name}.prototype`);
    }
    return false;
  }

  private staticAssignment(c: Candidate, assign: NodePath<t.AssignmentExpression>, prop: string, ref: NodePath): void {
    const top = this.topStatement(c, assign);
    const value = assign.node.right;
    if (!top) return; // a runtime assignment to a static property works the same on a class
    if (top.index < c.index) throw new Refuse('used-before-definition', `\`${c.name}.${prop}\` is set before the constructor function`, assign.node);
    c.definitionRefs.add(ref.node);
    if (value.type === 'ArrowFunctionExpression') {
      throw new Refuse('arrow-method', `\`${c.name}.${prop}\` is an arrow function (its \`this\` is not the class)`, value);
    }
    if (value.type !== 'FunctionExpression' || (assign.node.left as t.MemberExpression).computed && (assign.node.left as t.MemberExpression).property.type !== 'StringLiteral') {
      c.kept.add(top.stmt);
      return;
    }
    if (RESERVED_STATIC.has(prop)) throw new Refuse('reserved-static', `static \`${prop}\` would redefine a built-in property of the class`, assign.node);
    this.addMember(c, {
      kind: 'method',
      isStatic: true,
      name: prop,
      keyText: keyText(assign.node.left as t.MemberExpression, this.source),
      fn: assign.get('right') as NodePath<t.FunctionExpression>,
      stmt: top.stmt,
    });
    c.moved.add(top.stmt);
  }

  private addMember(c: Candidate, m: Member): void {
    c.members.push(m);
  }

  private classifyPrototype(c: Candidate, proto: NodePath<t.MemberExpression>, ref: NodePath): void {
    const name = c.name;
    const outer = proto.parentPath!;
    // X.prototype.m
    if (outer.isMemberExpression() && outer.node.object === proto.node) {
      const prop = propName(outer.node);
      const assign = outer.parentPath;
      if (!assign?.isAssignmentExpression() || assign.node.left !== outer.node) return; // a read, or a mutation of a method
      if (assign.node.operator !== '=') return;
      if (prop === undefined) {
        const top = this.topStatement(c, assign);
        if (!top) throw new Refuse('conditional-member', 'a member with a computed name is added conditionally or from a function', assign.node);
        if (top.index < c.index) throw new Refuse('used-before-definition', 'a prototype member is set before the constructor function', assign.node);
        c.definitionRefs.add(ref.node);
        c.kept.add(top.stmt); // computed keys keep their assignment
        return;
      }
      const what = `\`${name}.prototype.${prop}\``;
      const stmt = this.memberStatement(c, assign, what);
      c.definitionRefs.add(ref.node);
      const value = assign.node.right;
      if (prop === 'constructor') {
        if (value.type === 'Identifier' && value.name === name) {
          c.ctorFix = stmt;
          c.removed.add(stmt);
          return;
        }
        throw new Refuse('prototype-reassigned', `${what} is set to something else than ${name}`, assign.node);
      }
      if (value.type === 'ArrowFunctionExpression') {
        throw new Refuse('arrow-method', `${what} is an arrow function: its \`this\` is not the instance`, value);
      }
      if (value.type !== 'FunctionExpression') {
        c.kept.add(stmt);
        return;
      }
      this.addMember(c, {
        kind: 'method',
        isStatic: false,
        name: prop,
        keyText: keyText(outer.node, this.source),
        fn: assign.get('right') as NodePath<t.FunctionExpression>,
        stmt,
      });
      c.moved.add(stmt);
      return;
    }
    // X.prototype = …
    if (outer.isAssignmentExpression() && outer.node.left === proto.node) {
      if (outer.node.operator !== '=') throw new Refuse('prototype-reassigned', `\`${name}.prototype\` is reassigned`, outer.node);
      const top = this.topStatement(c, outer);
      if (!top || top.index < c.index) throw new Refuse('prototype-reassigned', `\`${name}.prototype\` is reassigned at run time`, outer.node);
      const value = outer.node.right;
      c.definitionRefs.add(ref.node);
      if (value.type === 'CallExpression' && isObjectCall(value, 'create') && value.arguments.length >= 1) {
        const arg = value.arguments[0];
        if (arg.type === 'MemberExpression' && propName(arg) === 'prototype') {
          return this.inheritance(c, outer, arg.object, 'create', ref, value.arguments[1]);
        }
      }
      if (value.type === 'ObjectExpression') return this.prototypeLiteral(c, outer as NodePath<t.AssignmentExpression>, top.stmt);
      throw new Refuse('prototype-reassigned', `\`${name}.prototype\` is replaced by a value a class cannot express`, outer.node);
    }
    // Object.defineProperty(X.prototype, …) / Object.defineProperties(X.prototype, …)
    if (outer.isCallExpression() && outer.node.arguments[0] === proto.node && (isObjectCall(outer.node, 'defineProperty') || isObjectCall(outer.node, 'defineProperties'))) {
      return this.accessorStatement(c, outer as NodePath<t.CallExpression>, false, ref);
    }
    // Object.create(X.prototype) for a subclass
    if (outer.isCallExpression() && outer.node.arguments[0] === proto.node && isObjectCall(outer.node, 'create')) return;
    throw new Refuse('prototype-used-as-value', `\`${name}.prototype\` is used as a value (mixin, enumeration or copy), where class methods are not enumerable`, proto.node);
  }

  private classifySuper(c: Candidate, member: NodePath<t.MemberExpression>): void {
    const call = member.parentPath?.parentPath;
    const callee = member.parentPath;
    if (
      callee?.isMemberExpression() &&
      callee.node.object === member.node &&
      (propName(callee.node) === 'call' || propName(callee.node) === 'apply') &&
      call?.isCallExpression() &&
      call.node.callee === callee.node &&
      isInside(call, c.fn.node)
    ) {
      return; // checked as the constructor's parent call
    }
    throw new Refuse('uses-super_', `\`${c.name}.super_\` (set by util.inherits) is used; a class has no super_`, member.node);
  }

  private inheritance(c: Candidate, at: NodePath, parentExpr: t.Node, via: 'inherits' | 'create', ref: NodePath, descriptor?: t.Node): void {
    const stmt = this.memberStatement(c, at, 'the parent');
    c.definitionRefs.add(ref.node);
    if (c.parent) throw new Refuse('prototype-reassigned', 'the parent is set twice', at.node);
    const text = chainText(parentExpr);
    if (!text) throw new Refuse('complex-parent', 'the parent is not a plain name or property chain', parentExpr);
    if (text === c.name) throw new Refuse('complex-parent', 'the constructor inherits from itself', parentExpr);
    let createHasDescriptor = false;
    if (descriptor) {
      if (!isConstructorDescriptor(descriptor, c.name)) throw new Refuse('prototype-reassigned', 'Object.create is given property descriptors a class cannot express', descriptor);
      createHasDescriptor = true;
    }
    c.parent = { text, root: rootName(parentExpr), stmt, via, createHasDescriptor };
    c.removed.add(stmt);
  }

  /** `X.prototype = { constructor: X, m: function () {}, n() {} }`. */
  private prototypeLiteral(c: Candidate, assign: NodePath<t.AssignmentExpression>, stmt: t.Statement): void {
    if (c.literal) throw new Refuse('prototype-reassigned', 'the prototype is replaced twice', assign.node);
    const obj = assign.get('right') as NodePath<t.ObjectExpression>;
    let hasConstructor = false;
    let cursor = obj.node.start! + 1;
    for (const prop of obj.get('properties')) {
      const node = prop.node;
      const propComment = this.leadingCommentStart(cursor, node.start!);
      const propStart = node.start!;
      cursor = node.end!;
      if (prop.isSpreadElement()) throw new Refuse('prototype-reassigned', 'the prototype object spreads another object', node);
      const p = node as t.ObjectProperty | t.ObjectMethod;
      const name = p.computed ? (p.key.type === 'StringLiteral' ? p.key.value : undefined) : keyName(p.key);
      if (name === undefined) throw new Refuse('prototype-reassigned', 'the prototype object has a computed key', node);
      if (prop.isObjectProperty()) {
        const value = prop.node.value;
        if (name === 'constructor') {
          if (value.type !== 'Identifier' || value.name !== c.name) throw new Refuse('prototype-reassigned', '`constructor` in the prototype object is not the function', node);
          hasConstructor = true;
          continue;
        }
        if (value.type === 'ArrowFunctionExpression') throw new Refuse('arrow-method', `\`${name}\` is an arrow function: its \`this\` is not the instance`, value);
        if (value.type !== 'FunctionExpression') throw new Refuse('prototype-data-property', `\`${name}\` in the prototype object is not a function; a class body cannot hold a prototype data property`, node);
        if (prop.node.shorthand) throw new Refuse('prototype-data-property', `\`${name}\` is shorthand for a variable`, node);
        this.addMember(c, {
          kind: 'method',
          isStatic: false,
          name,
          keyText: p.computed ? `[${this.source.slice(p.key.start!, p.key.end!)}]` : this.source.slice(p.key.start!, p.key.end!),
          fn: prop.get('value') as NodePath<t.FunctionExpression>,
          stmt,
          propComment,
          propStart,
        });
      } else if (prop.isObjectMethod()) {
        if (name === 'constructor') throw new Refuse('prototype-reassigned', 'a `constructor` method in the prototype object', node);
        if (containsSuper(prop)) throw new Refuse('super-in-method', '`super` in an object literal method refers to Object.prototype, not the parent', node);
        this.addMember(c, {
          kind: prop.node.kind === 'get' ? 'get' : prop.node.kind === 'set' ? 'set' : 'method',
          isStatic: false,
          name,
          keyText: '',
          fn: prop as NodePath<t.ObjectMethod>,
          stmt,
          propComment,
          propStart,
          verbatim: true,
        });
      }
    }
    if (!hasConstructor) {
      throw new Refuse('prototype-reassigned', 'the prototype object has no `constructor: ' + c.name + '`, so instances report Object as constructor, unlike a class', assign.node);
    }
    const tail = this.commentsIn(cursor, obj.node.end!);
    if (tail.length) throw new Refuse('comment-would-be-lost', 'a comment after the last member of the prototype object', tail[0]);
    c.literal = stmt;
    c.moved.add(stmt);
  }

  /** `Object.defineProperty(X.prototype, 'p', { get, set, enumerable, configurable })` and defineProperties. */
  private accessorStatement(c: Candidate, call: NodePath<t.CallExpression>, isStatic: boolean, ref: NodePath): void {
    const stmt = this.memberStatement(c, call, isStatic ? `a static property of ${c.name}` : `a property of ${c.name}.prototype`);
    c.definitionRefs.add(ref.node);
    const args = call.get('arguments');
    const entries: Array<{ name: string; keyText: string; descriptor: NodePath }> = [];
    if (isObjectCall(call.node, 'defineProperty')) {
      const key = args[1]?.node;
      if (args.length !== 3 || key?.type !== 'StringLiteral') throw new Refuse('accessor-descriptor', 'defineProperty with a key that is not a string literal', call.node);
      entries.push({ name: key.value, keyText: isIdentifierName(key.value) ? key.value : this.source.slice(key.start!, key.end!), descriptor: args[2] });
    } else {
      if (args.length !== 2 || !args[1].isObjectExpression()) throw new Refuse('accessor-descriptor', 'defineProperties with descriptors that are not an object literal', call.node);
      for (const prop of (args[1] as NodePath<t.ObjectExpression>).get('properties')) {
        if (!prop.isObjectProperty() || prop.node.computed) throw new Refuse('accessor-descriptor', 'defineProperties with a computed or spread entry', prop.node);
        const name = keyName(prop.node.key);
        if (name === undefined) throw new Refuse('accessor-descriptor', 'defineProperties with an unusual key', prop.node);
        entries.push({ name, keyText: this.source.slice(prop.node.key.start!, prop.node.key.end!), descriptor: prop.get('value') as NodePath });
      }
    }
    for (const entry of entries) {
      for (const m of this.descriptorMembers(c, entry.name, entry.keyText, entry.descriptor, isStatic, stmt)) this.addMember(c, m);
    }
    c.moved.add(stmt);
  }

  private descriptorMembers(c: Candidate, name: string, key: string, descriptor: NodePath, isStatic: boolean, stmt: t.Statement): Member[] {
    const where = `\`${isStatic ? c.name : c.name + '.prototype'}.${name}\``;
    if (!descriptor.isObjectExpression()) throw new Refuse('accessor-descriptor', `the descriptor of ${where} is not an object literal`, descriptor.node);
    const out: Member[] = [];
    let enumerable: boolean | undefined;
    let configurable: boolean | undefined;
    let writable: boolean | undefined;
    let hasValue = false;
    let cursor = descriptor.node.start! + 1;
    for (const prop of descriptor.get('properties')) {
      const propComment = this.leadingCommentStart(cursor, prop.node.start!);
      const propStart = prop.node.start!;
      cursor = prop.node.end!;
      const pname = !prop.isSpreadElement() && !(prop.node as t.ObjectProperty).computed ? keyName((prop.node as t.ObjectProperty).key) : undefined;
      if (prop.isObjectProperty() && (pname === 'enumerable' || pname === 'configurable' || pname === 'writable')) {
        const v = prop.node.value;
        if (v.type !== 'BooleanLiteral') throw new Refuse('accessor-descriptor', `\`${pname}\` of ${where} is not a literal`, v);
        if (pname === 'enumerable') enumerable = v.value;
        else if (pname === 'configurable') configurable = v.value;
        else writable = v.value;
        continue;
      }
      if ((pname === 'get' || pname === 'set' || pname === 'value') && prop.isObjectProperty()) {
        const v = prop.node.value;
        if (v.type === 'ArrowFunctionExpression') throw new Refuse('arrow-method', `${where} is an arrow function: its \`this\` is not the instance`, v);
        if (v.type !== 'FunctionExpression') {
          throw new Refuse(pname === 'value' ? 'prototype-data-property' : 'accessor-descriptor', `${pname} of ${where} is not a function expression`, v);
        }
        if (pname === 'value') hasValue = true;
        out.push({ kind: pname === 'value' ? 'method' : pname, isStatic, name, keyText: key, fn: prop.get('value') as NodePath<t.FunctionExpression>, stmt, propComment, propStart });
        continue;
      }
      if ((pname === 'get' || pname === 'set') && prop.isObjectMethod() && prop.node.kind === 'method') {
        if (containsSuper(prop)) throw new Refuse('super-in-method', '`super` in a descriptor method', prop.node);
        out.push({ kind: pname, isStatic, name, keyText: key, fn: prop as NodePath<t.ObjectMethod>, stmt, propComment, propStart });
        continue;
      }
      throw new Refuse('accessor-descriptor', `the descriptor of ${where} has a part a class cannot express`, prop.node);
    }
    if (!out.length) throw new Refuse('accessor-descriptor', `the descriptor of ${where} defines neither a getter, a setter nor a method`, descriptor.node);
    if (hasValue && out.length > 1) throw new Refuse('accessor-descriptor', `the descriptor of ${where} mixes value and accessors`, descriptor.node);
    if (enumerable) throw new Refuse('accessor-descriptor', `${where} is enumerable, class members are not`, descriptor.node);
    const configurableOk = configurable === true || (this.ctx.options.looseAccessors === true && configurable === undefined);
    if (!configurableOk) throw new Refuse('accessor-descriptor', `${where} is not configurable, class members are`, descriptor.node);
    if (hasValue && writable !== true) throw new Refuse('accessor-descriptor', `${where} is not writable, class methods are`, descriptor.node);
    if (!hasValue && writable !== undefined) throw new Refuse('accessor-descriptor', `${where} mixes writable with accessors`, descriptor.node);
    for (const m of out) {
      const params = m.fn.node.params;
      if (m.fn.node.async || m.fn.node.generator) {
        if (m.kind !== 'method') throw new Refuse('accessor-descriptor', `the ${m.kind}ter of ${where} is async or a generator`, m.fn.node);
      }
      if (m.kind === 'get' && params.length) throw new Refuse('accessor-descriptor', `the getter of ${where} takes parameters`, m.fn.node);
      if (m.kind === 'set' && (params.length !== 1 || params[0].type === 'RestElement')) throw new Refuse('accessor-descriptor', `the setter of ${where} does not take exactly one parameter`, m.fn.node);
    }
    return out;
  }

  /** The derived constructor's parent call becomes `super(…)`; any constructor returning a value is refused. */
  private checkConstructor(c: Candidate): void {
    const fn = c.fn;
    fn.traverse({
      Function(p: NodePath<t.Function>) {
        p.skip();
      },
      ReturnStatement(p: NodePath<t.ReturnStatement>) {
        if (p.node.argument) throw new Refuse('constructor-returns-value', 'the constructor returns a value', p.node);
      },
    });
    const parentCalls = c.callRefs; // calls of this constructor elsewhere, checked later
    void parentCalls;
    if (!c.parent) return;
    const parentText = c.parent.text;
    const isParentCall = (n: t.Node): n is t.CallExpression => {
      if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression') return false;
      const method = propName(n.callee);
      if (method !== 'call' && method !== 'apply') return false;
      const target = n.callee.object;
      const text = chainText(target);
      return text === parentText || text === `${c.name}.super_`;
    };
    const statements = fn.get('body').get('body');
    let superCall: SuperCall | undefined;
    for (const s of statements) {
      const expr = s.isExpressionStatement() ? s.node.expression : undefined;
      if (expr && isParentCall(expr)) {
        const args = expr.arguments;
        if (args[0]?.type !== 'ThisExpression') throw new Refuse('no-parent-call', 'the parent is called with another receiver than `this`', expr);
        const rest = args.slice(1);
        const method = propName(expr.callee as t.MemberExpression);
        let text: string;
        if (method === 'call') {
          text = rest.length ? `super(${this.source.slice(rest[0].start!, rest[rest.length - 1].end!)})` : 'super()';
          if (rest.some((a) => containsThis(a))) throw new Refuse('this-before-super', 'the parent call passes `this` in its arguments', expr);
        } else if (rest.length === 0) {
          text = 'super()';
        } else if (rest.length === 1 && rest[0].type === 'Identifier' && rest[0].name === 'arguments') {
          text = 'super(...arguments)';
        } else {
          throw new Refuse('apply-arguments', '`apply` with an array-like other than `arguments` (spread needs an iterable)', expr);
        }
        superCall = { path: (s as NodePath<t.ExpressionStatement>).get('expression') as NodePath<t.CallExpression>, text };
        break;
      }
      if (containsThis(s.node) || containsNode(s.node, isParentCall)) {
        throw new Refuse('this-before-super', 'the constructor uses `this` (or calls the parent conditionally) before calling the parent; `super()` must come first', s.node);
      }
    }
    if (!superCall) throw new Refuse('no-parent-call', 'the constructor never calls the parent; a derived class constructor must call super()', fn.node);
    const others: t.Node[] = [];
    fn.traverse({
      CallExpression(p: NodePath<t.CallExpression>) {
        if (p.node !== superCall!.path.node && isParentCall(p.node)) others.push(p.node);
      },
    });
    if (others.length) throw new Refuse('no-parent-call', 'the parent constructor is called more than once', others[0]);
    c.superCall = superCall;
  }

  private checkMemberFunction(c: Candidate, m: Member): void {
    const fn = m.fn;
    if (fn.node.typeParameters && !m.verbatim) throw new Refuse('typescript-signature', `\`${m.name}\` has type parameters`, fn.node);
    if (fn.isFunctionExpression() && fn.node.id) {
      const own = fn.scope.getOwnBinding(fn.node.id.name);
      if (own && own.kind === 'local' && own.referencePaths.length) {
        throw new Refuse('named-function-expression', `\`${m.name}\` refers to its own name \`${fn.node.id.name}\`, which a method does not bind`, fn.node);
      }
    }
    if (!m.isStatic && m.name === 'constructor') throw new Refuse('prototype-reassigned', 'a prototype member named constructor', m.stmt);
    if (m.isStatic && RESERVED_STATIC.has(m.name)) throw new Refuse('reserved-static', `static \`${m.name}\` would redefine a built-in property of the class`, m.stmt);
    if (m.kind === 'method') {
      // `new obj.m()` works on a function expression, not on a method.
      for (const p of this.memberReads) {
        if (propName(p.node) === m.name && p.parentPath.isNewExpression() && p.parentPath.node.callee === p.node) {
          throw new Refuse('method-used-as-constructor', `\`${m.name}\` is called with new somewhere, which a method does not allow`, p.node);
        }
      }
    }
  }

  /** Comments inside moved statements must land somewhere: in a carried leading comment or inside a moved function. */
  private checkComments(c: Candidate): void {
    const carried: Array<[number, number]> = [];
    for (const m of c.members) {
      carried.push([this.functionTextStart(m), m.fn.node.end!]);
      if (m.propComment !== undefined) carried.push([m.propComment, m.propStart!]);
    }
    for (const stmt of c.moved) {
      for (const comment of this.commentsIn(stmt.start!, stmt.end!)) {
        if (!carried.some(([a, b]) => comment.start! >= a && comment.end! <= b)) {
          throw new Refuse('comment-would-be-lost', 'a comment inside a member statement has no place in the class', comment);
        }
      }
    }
  }

  private checkEnumeration(c: Candidate): void {
    for (const loop of this.forInRights) {
      const right = loop.node.right;
      if (right.type === 'ThisExpression') {
        throw new Refuse('enumerates-prototype', 'the file enumerates `this` with for-in, which sees prototype methods but not class methods', loop.node);
      }
      if (right.type === 'Identifier') {
        const b = loop.scope.getBinding(right.name);
        const init = b?.path.isVariableDeclarator() ? b.path.node.init : undefined;
        if (init?.type === 'NewExpression' && init.callee.type === 'Identifier' && init.callee.name === c.name) {
          throw new Refuse('enumerates-prototype', `the file enumerates an instance of ${c.name} with for-in, which sees prototype methods but not class methods`, loop.node);
        }
      }
    }
  }

  /** A TypeScript class needs field declarations for `this.x`; only convert when every `this.x` is a member. */
  private checkTypeScriptFields(c: Candidate): void {
    const members = new Set(c.members.filter((m) => !m.isStatic).map((m) => m.name));
    const check = (fn: NodePath<t.Function>) => {
      fn.traverse({
        Function(p: NodePath<t.Function>) {
          if (!p.isArrowFunctionExpression()) p.skip();
        },
        MemberExpression(p: NodePath<t.MemberExpression>) {
          if (p.node.object.type !== 'ThisExpression') return;
          const name = propName(p.node);
          if (name === undefined || !members.has(name)) {
            throw new Refuse('typescript-fields', `\`this.${name ?? '[…]'}\` would need a field declaration in a TypeScript class`, p.node);
          }
        },
      });
    };
    check(c.fn);
    for (const m of c.members) if (!m.isStatic) check(m.fn as NodePath<t.Function>);
  }

  private checkSloppy(c: Candidate): void {
    const fns: NodePath<t.Function>[] = [c.fn, ...c.members.map((m) => m.fn as NodePath<t.Function>)];
    for (const fn of fns) {
      const problem = findStrictProblem(fn);
      if (problem) throw new Refuse(problem.reason, problem.message, problem.node);
    }
    for (const m of c.members) {
      if (m.isStatic || m.kind !== 'method' || !usesOwnThis(m.fn as NodePath<t.Function>)) continue;
      for (const p of this.memberReads) {
        if (propName(p.node) !== m.name || isMemberTarget(p, c)) continue;
        if (isCalledOrBound(p)) continue;
        throw new Refuse('sloppy-detached-method', `\`.${m.name}\` is taken off an object; called bare, its \`this\` would be undefined in a class instead of the global object`, p.node);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Timing: a class exists only from its position on, and its members from the start

  private lastEnd(c: Candidate): number {
    let end = c.fn.node.end!;
    for (const s of [...c.moved, ...c.removed]) end = Math.max(end, s.end!);
    return end;
  }

  private checkTiming(c: Candidate): void {
    const start = c.stmt.node.start!;
    const last = this.lastEnd(c);
    for (const ref of c.binding.referencePaths) {
      if (c.definitionRefs.has(ref.node) || this.isOwnCode(ref, c) || ref.parentPath?.isExportSpecifier()) continue;
      const at = this.timeOf(ref, c.container);
      if (at < start) throw new Refuse('used-before-definition', `\`${c.name}\` is used before its definition; a class is not hoisted like a function`, ref.node);
      if (at < last) throw new Refuse('used-before-members', `\`${c.name}\` is used between the function and its last member; class members would exist earlier`, ref.node);
    }
    this.checkParentBinding(c);
  }

  private checkParentBinding(c: Candidate): void {
    const parent = c.parent;
    if (!parent?.root) return;
    const binding = c.fn.parentPath.scope.getBinding(parent.root);
    if (!binding) return;
    const start = c.stmt.node.start!;
    if (binding.kind === 'hoisted') {
      // A plain function parent: its prototype object must not be replaced between the class and the inherits call.
      for (const ref of binding.referencePaths) {
        const m = ref.parentPath;
        if (m?.isMemberExpression() && propName(m.node) === 'prototype' && m.parentPath.isAssignmentExpression() && m.parentPath.node.left === m.node) {
          const at = m.node.start!;
          if (at > start && at < parent.stmt.end!) {
            throw new Refuse('parent-prototype-replaced', `the prototype of ${parent.root} is replaced after the class would link to it`, m.parentPath.node);
          }
        }
      }
      return;
    }
    const declared = binding.path.node.start!;
    if (binding.kind !== 'param' && declared > start) {
      throw new Refuse('parent-defined-later', `\`${parent.root}\` is defined after the constructor; \`extends\` would read it too early`, binding.path.node);
    }
    for (const v of binding.constantViolations) {
      if (v.node.start! > start) throw new Refuse('parent-defined-later', `\`${parent.root}\` is assigned after the constructor; \`extends\` would read it too early`, v.node);
    }
  }

  private isOwnCode(ref: NodePath, c: Candidate): boolean {
    for (let p: NodePath | null = ref.parentPath; p; p = p.parentPath) {
      if (p.node === c.fn.node) return true;
      if (this.ownerOf.get(p.node) === c) return true;
    }
    return false;
  }

  private readonly earliest = new Map<t.Node, number>();

  /**
   * The earliest point (a source offset) at which code at `ref` can run. Code inside a hoisted function declaration
   * runs no earlier than that function's first mention; code inside a constructor or method of a constructor found
   * here runs no earlier than that constructor's first use; other functions are taken to run where they stand.
   */
  private timeOf(ref: NodePath, container: NodePath): number {
    let outer: NodePath | undefined;
    let top: NodePath = ref;
    for (let p: NodePath | null = ref.parentPath; p && p.node !== container.node; p = p.parentPath) {
      if (p.isFunction()) outer = p;
      top = p;
    }
    if (outer) {
      const owner = this.ownerOf.get(outer.node) ?? (outer.isFunctionDeclaration() ? this.byBinding.get(this.bindingOfDeclaration(outer)!) : undefined);
      if (owner) return this.earliestUse(owner);
      if (outer.isFunctionDeclaration()) return this.earliestRun(outer);
      return outer.node.start!;
    }
    for (const c of this.candidates) {
      if (c.removed.has(top.node as t.Statement)) return Math.min(ref.node.start!, c.stmt.node.start!);
    }
    return ref.node.start!;
  }

  private bindingOfDeclaration(fn: NodePath<t.FunctionDeclaration>): Binding | undefined {
    return fn.node.id ? fn.parentPath.scope.getBinding(fn.node.id.name) : undefined;
  }

  private earliestUse(c: Candidate): number {
    const cached = this.earliest.get(c.fn.node);
    if (cached !== undefined) return cached;
    this.earliest.set(c.fn.node, Infinity);
    let at = Infinity;
    for (const ref of c.binding.referencePaths) {
      if (c.definitionRefs.has(ref.node) || this.isOwnCode(ref, c)) continue;
      at = Math.min(at, this.timeOf(ref, c.container));
    }
    this.earliest.set(c.fn.node, at);
    return at;
  }

  private earliestRun(fn: NodePath<t.FunctionDeclaration>): number {
    const cached = this.earliest.get(fn.node);
    if (cached !== undefined) return cached;
    this.earliest.set(fn.node, Infinity);
    const binding = this.bindingOfDeclaration(fn);
    let at = Infinity;
    if (!binding || binding.constantViolations.length) at = -Infinity;
    else {
      const container = fn.parentPath.isExportDeclaration() ? fn.parentPath.parentPath! : fn.parentPath;
      for (const ref of binding.referencePaths) {
        if (ref.node === fn.parentPath.node) continue;
        if (isInside(ref, fn.node)) continue;
        at = Math.min(at, this.timeOf(ref, container));
      }
    }
    this.earliest.set(fn.node, at);
    return at;
  }

  /** A constructor whose `X.call(this)` appears outside the super call of a converted subclass must stay a function. */
  private settleDependencies(): void {
    let changed = true;
    while (changed) {
      changed = false;
      for (const c of this.candidates) {
        if (c.failure) continue;
        for (const call of c.callRefs) {
          const child = this.candidates.find((k) => k.superCall?.path.node === call.node);
          if (!child || child.failure) {
            c.failure = {
              reason: 'called-without-new',
              message: `\`${c.name}.${propName(call.node.callee as t.MemberExpression)}(…)\` calls it without new${child ? ` from ${child.name}, which stays a function` : ''}`,
              node: call.node,
            };
            changed = true;
            break;
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Writing the class

  private commentsIn(start: number, end: number): t.Comment[] {
    return (this.ast.comments ?? []).filter((cm) => cm.start! >= start && cm.end! <= end);
  }

  /** Start of the comments on their own lines between `from` and `to` (a statement's leading comments), if any. */
  private leadingCommentStart(from: number, to: number): number | undefined {
    const comments = this.commentsIn(from, to);
    const own = comments.filter((cm) => /^[ \t]*$/.test(this.source.slice(this.lineStart(cm.start!), cm.start!)) && this.source.slice(from, cm.start!).includes('\n'));
    return own.length ? own[0].start! : undefined;
  }

  private lineStart(pos: number): number {
    return this.source.lastIndexOf('\n', pos - 1) + 1;
  }

  private lineEnd(pos: number): number {
    const i = this.source.indexOf('\n', pos);
    return i === -1 ? this.source.length : i;
  }

  private indentAt(pos: number): string {
    const start = this.lineStart(pos);
    return /^[ \t]*/.exec(this.source.slice(start, pos + 1))![0];
  }

  private indentUnit(c: Candidate, base: string): string {
    const first = c.fn.node.body.body[0];
    if (first) {
      const ind = this.indentAt(first.start!);
      if (ind.startsWith(base) && ind.length > base.length && this.lineStart(first.start!) + ind.length === first.start) return ind.slice(base.length);
    }
    const m = /\n([ \t]+)\S/.exec(this.source);
    if (m) return m[1].startsWith('\t') ? '\t' : m[1].length >= 4 && m[1].length % 4 === 0 ? '    ' : '  ';
    return '  ';
  }

  /** Offsets inside template literals or strings that span lines: no indentation may be added or removed there. */
  private protectedRanges(): Array<[number, number]> {
    if (this.protectedCache) return this.protectedCache;
    const out: Array<[number, number]> = [];
    this.traverse(this.ast, {
      TemplateLiteral(p: NodePath<t.TemplateLiteral>) {
        out.push([p.node.start!, p.node.end!]);
      },
      StringLiteral(p: NodePath<t.StringLiteral>) {
        out.push([p.node.start!, p.node.end!]);
      },
      JSXText(p: NodePath<t.JSXText>) {
        out.push([p.node.start!, p.node.end!]);
      },
    });
    return (this.protectedCache = out);
  }
  private protectedCache?: Array<[number, number]>;

  /** Text of [start, end) (with `inner` edits applied) with every line after the first moved from `from` to `to`. */
  private reindent(start: number, end: number, from: string, to: string, inner?: TextEdits): string {
    const ranges = this.protectedRanges();
    let out = '';
    let pos = start;
    const text = (a: number, b: number) => (inner ? inner.slice(a, b) : this.source.slice(a, b));
    while (pos < end) {
      const nl = this.source.indexOf('\n', pos);
      if (nl === -1 || nl >= end) {
        out += text(pos, end);
        break;
      }
      out += text(pos, nl + 1);
      let next = nl + 1;
      if (next >= end) break;
      const inString = ranges.some(([a, b]) => next > a && next < b);
      if (!inString) {
        const lineEndPos = Math.min(this.lineEnd(next), end);
        const line = this.source.slice(next, lineEndPos).replace(/\r$/, '');
        if (line.trim() === '') {
          // blank line: keep it empty
          next = next + /^[ \t]*/.exec(line)![0].length;
        } else if (line.startsWith(from)) {
          out += to;
          next += from.length;
        } else if (to.startsWith(from) || from === '') {
          out += to.slice(from.length);
        }
      }
      pos = next;
    }
    return out;
  }

  private functionTextStart(m: Member): number {
    const fn = m.fn.node;
    if (m.verbatim || fn.type === 'ObjectMethod') return fn.start!;
    // After `function`, `*` and the name: the parameter list.
    return this.source.indexOf('(', fn.id ? fn.id.end! : fn.start! + 8);
  }

  private emit(c: Candidate, edits: TextEdits): void {
    const eol = this.eol;
    const fn = c.fn.node;
    const base = this.indentAt(c.stmt.node.start!);
    const unit = this.indentUnit(c, base);
    const inner = new TextEdits(this.source);
    if (c.superCall) inner.replace(c.superCall.path.node.start!, c.superCall.path.node.end!, c.superCall.text);

    const parts: string[] = [];
    const head = `class ${c.name}${c.parent ? ` extends ${c.parent.text}` : ''} {`;
    const paramsStart = this.source.indexOf('(', fn.id!.end!);
    const params = this.source.slice(paramsStart, fn.body.start!).trimEnd();
    const noComments = !this.commentsIn(fn.body.start!, fn.body.end!).length;
    const emptyBase = !c.parent && fn.params.length === 0 && fn.body.body.length === 0 && noComments;
    // `function S() { P.apply(this, arguments) }` is exactly a derived class's default constructor: leave it out.
    // (`constructor() { super() }` stays: without it the caller's arguments would reach the parent.)
    const forwardingOnly =
      Boolean(c.parent) && fn.params.length === 0 && fn.body.body.length === 1 && noComments &&
      c.superCall?.path.node === (fn.body.body[0] as t.ExpressionStatement).expression && /^super\(\.\.\.arguments\)$/.test(c.superCall.text.trim());
    if (!emptyBase && !forwardingOnly) {
      const body = this.reindent(fn.body.start!, fn.body.end!, base, base + unit, inner);
      parts.push(`${base}${unit}constructor${params} ${body}`);
    }
    // Members in source order, each with the blank-line spacing it had.
    const members = [...c.members].sort((a, b) => a.fn.node.start! - b.fn.node.start!);
    members.forEach((m, i) => {
      const prev = members[i - 1];
      const sameStmt = prev?.stmt === m.stmt;
      if (!sameStmt) m.stmtComment = this.leadingCommentStart(this.previousEnd(m.stmt), m.stmt.start!);
      const from = sameStmt ? prev.fn.node.end! : prev ? prev.stmt.end! : fn.end!;
      const to = sameStmt ? (m.propComment ?? m.propStart ?? m.fn.node.start!) : (m.stmtComment ?? m.stmt.start!);
      const blank = /\n[ \t]*\r?\n/.test(this.source.slice(from, to));
      const last = members[i + 1]?.stmt !== m.stmt;
      parts.push((parts.length && blank ? eol : '') + this.memberText(m, base + unit, last));
    });
    const classText = parts.length ? `${head}${eol}${parts.join(eol)}${eol}${base}}` : `${head}}`;
    edits.replace(fn.start!, fn.end!, classText);

    for (const stmt of [...c.moved, ...c.removed]) this.removeStatement(stmt, edits, c.moved.has(stmt));
  }

  private memberText(m: Member, indent: string, lastOfStatement: boolean): string {
    const fn = m.fn.node;
    const comment = (start: number | undefined, end: number | undefined) =>
      start === undefined || end === undefined ? '' : indent + this.reindent(start, end, this.indentAt(start), indent).trimEnd() + this.eol;
    const lead = comment(m.stmtComment, m.stmt.start!) + comment(m.propComment, m.propStart);
    const from = this.indentAt(fn.start!);
    let text: string;
    if (m.verbatim) {
      text = this.reindent(fn.start!, fn.end!, from, indent);
    } else {
      const prefix = `${m.isStatic ? 'static ' : ''}${m.kind === 'get' ? 'get ' : m.kind === 'set' ? 'set ' : ''}${fn.async ? 'async ' : ''}${fn.generator ? '*' : ''}`;
      const paramsStart = this.functionTextStart(m);
      const params = this.source.slice(paramsStart, fn.body.start!).trimEnd();
      text = `${prefix}${m.keyText}${params} ${this.reindent(fn.body.start!, fn.body.end!, from, indent)}`;
    }
    return `${lead}${indent}${text}${lastOfStatement ? this.trailingComment(m.stmt) : ''}`;
  }

  /** A comment after a moved statement on the same line travels with the statement's last member. */
  private trailingComment(stmt: t.Statement): string {
    const rest = this.source.slice(stmt.end!, this.lineEnd(stmt.end!)).replace(/\r$/, '');
    return TRAILING_COMMENT.test(rest) ? rest.trimEnd() : '';
  }

  /** Removes a statement with its lines (and the blank lines before it); carried comments go along. */
  private removeStatement(stmt: t.Statement, edits: TextEdits, carried: boolean): void {
    const src = this.source;
    const lead = carried ? this.leadingCommentStart(this.previousEnd(stmt), stmt.start!) : undefined;
    let start = lead ?? stmt.start!;
    const endLine = this.lineEnd(stmt.end!);
    const rest = src.slice(stmt.end!, endLine).replace(/\r$/, '');
    const ownLineStart = /^[ \t]*$/.test(src.slice(this.lineStart(start), start));
    const restIsComment = rest.trim() === '' || (carried && TRAILING_COMMENT.test(rest));
    if (!ownLineStart || !restIsComment) {
      edits.remove(stmt.start!, stmt.end!);
      return;
    }
    start = this.lineStart(start);
    // Take the blank lines before it too (up to the previous non-blank line).
    while (start > 0) {
      const prevLineStart = this.lineStart(start - 1);
      if (src.slice(prevLineStart, start).trim() !== '') break;
      start = prevLineStart;
    }
    if (!carried && lead === undefined && this.leadingCommentStart(this.previousEnd(stmt), stmt.start!) !== undefined) {
      start = this.lineStart(stmt.start!);
    }
    let end = endLine < src.length ? endLine + 1 : endLine;
    if (start === 0 && end < src.length) {
      // at the top of the file: drop the following blank lines instead
      while (end < src.length && src.slice(end, this.lineEnd(end) + 1).trim() === '' && this.lineEnd(end) < src.length) end = this.lineEnd(end) + 1;
    }
    edits.remove(start, end);
  }

  private previousEnd(stmt: t.Statement): number {
    const parent = this.findContainer(stmt);
    const body = parent.body as t.Statement[];
    const i = body.indexOf(stmt);
    if (i > 0) return body[i - 1].end!;
    return parent.type === 'Program' ? 0 : parent.start! + 1;
  }

  private findContainer(stmt: t.Statement): t.Program | t.BlockStatement {
    for (const c of this.candidates) if ((c.container.node.body as t.Statement[]).includes(stmt)) return c.container.node;
    return this.ast.program;
  }
}

// -----------------------------------------------------------------------------------------------------------------
// Small AST helpers

const UTIL = ['util', 'node:util', 'sys'];
/** Marks of compiled (down-levelled) output, whose classes are extended elsewhere by `_super.call(this)`. */
const COMPILED_OUTPUT = /\/\/# sourceMappingURL=|\b__esModule\b|\b__extends\b|\b_classCallCheck\b|\b_inherits\(|\b_createClass\(/;
/** The rest of a line that is only a comment (`// …` or one `/* … *\/`). */
const TRAILING_COMMENT = /^[ \t]*(\/\/.*|\/\*((?!\*\/).)*\*\/[ \t]*)$/;

function isRequireOf(node: t.Node, modules: string[]): boolean {
  return (
    node.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    node.arguments[0].type === 'StringLiteral' &&
    modules.includes(node.arguments[0].value)
  );
}

function propName(m: t.MemberExpression | t.OptionalMemberExpression): string | undefined {
  if (!m.computed && m.property.type === 'Identifier') return m.property.name;
  if (m.computed && m.property.type === 'StringLiteral') return m.property.value;
  return undefined;
}

function keyName(key: t.Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  if (key.type === 'NumericLiteral') return String(key.value);
  return undefined;
}

function isIdentifierName(s: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(s);
}

/** How the member key is written in a class body. */
function keyText(m: t.MemberExpression, source: string): string {
  if (!m.computed) return source.slice(m.property.start!, m.property.end!);
  const p = m.property as t.StringLiteral;
  return isIdentifierName(p.value) ? p.value : source.slice(p.start!, p.end!);
}

function isObjectCall(call: t.CallExpression, method: string): boolean {
  const callee = call.callee;
  return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'Object' && propName(callee) === method;
}

/** `a`, `a.b.c` as text; undefined for anything else. */
function chainText(node: t.Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    const obj = chainText(node.object);
    return obj === undefined ? undefined : `${obj}.${node.property.name}`;
  }
  return undefined;
}

function rootName(node: t.Node): string | undefined {
  while (node.type === 'MemberExpression') node = node.object;
  return node.type === 'Identifier' ? node.name : undefined;
}

/** `{ constructor: { value: X, enumerable: false, writable: true, configurable: true } }` as util.inherits makes it. */
function isConstructorDescriptor(node: t.Node, name: string): boolean {
  if (node.type !== 'ObjectExpression' || node.properties.length !== 1) return false;
  const p = node.properties[0];
  if (p.type !== 'ObjectProperty' || keyName(p.key) !== 'constructor' || p.value.type !== 'ObjectExpression') return false;
  const want: Record<string, unknown> = { enumerable: false, writable: true, configurable: true };
  let value = false;
  for (const q of p.value.properties) {
    if (q.type !== 'ObjectProperty') return false;
    const k = keyName(q.key);
    if (k === 'value') {
      if (q.value.type !== 'Identifier' || q.value.name !== name) return false;
      value = true;
    } else if (k && k in want) {
      if (q.value.type !== 'BooleanLiteral' || q.value.value !== want[k]) return false;
      delete want[k];
    } else return false;
  }
  // enumerable defaults to false; writable and configurable must be given
  delete want.enumerable;
  return value && Object.keys(want).length === 0;
}

function isInside(p: NodePath, node: t.Node): boolean {
  for (let q: NodePath | null = p.parentPath; q; q = q.parentPath) if (q.node === node) return true;
  return false;
}

function containsNode(root: t.Node, test: (n: t.Node) => boolean): boolean {
  let found = false;
  const visit = (n: any) => {
    if (found || !n || typeof n.type !== 'string') return;
    if (test(n)) {
      found = true;
      return;
    }
    for (const k of Object.keys(n)) {
      if (k === 'leadingComments' || k === 'trailingComments' || k === 'innerComments' || k === 'loc' || k === 'extra') continue;
      const v = n[k];
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object') visit(v);
    }
  };
  visit(root);
  return found;
}

/** `this` (or `super`) in a node, not counting nested non-arrow functions, which have their own. */
function containsThis(root: t.Node): boolean {
  let found = false;
  const visit = (n: any, top: boolean) => {
    if (found || !n || typeof n.type !== 'string') return;
    if (n.type === 'ThisExpression' || n.type === 'Super') {
      found = true;
      return;
    }
    if (!top && (n.type === 'FunctionExpression' || n.type === 'FunctionDeclaration' || n.type === 'ObjectMethod' || n.type === 'ClassMethod')) return;
    for (const k of Object.keys(n)) {
      if (k === 'leadingComments' || k === 'trailingComments' || k === 'innerComments' || k === 'loc' || k === 'extra') continue;
      const v = n[k];
      if (Array.isArray(v)) v.forEach((x) => visit(x, false));
      else if (v && typeof v === 'object') visit(v, false);
    }
  };
  visit(root, true);
  return found;
}

function containsSuper(p: NodePath): boolean {
  return containsNode(p.node, (n) => n.type === 'Super');
}

function usesOwnThis(fn: NodePath<t.Function>): boolean {
  return containsThis(fn.node.body);
}

/** `module.exports = X`, `exports.X = X`, `module.exports = { X }`, `export default X`, `export { X }`. */
function isExportUse(ref: NodePath): boolean {
  const parent = ref.parentPath!;
  if (parent.isExportSpecifier() || parent.isExportDefaultDeclaration()) return true;
  let value: NodePath = ref;
  if (parent.isObjectProperty() && parent.node.value === ref.node) {
    value = parent.parentPath!;
    if (!value.isObjectExpression()) return false;
  }
  const assign = value.parentPath;
  if (!assign?.isAssignmentExpression() || assign.node.right !== value.node || assign.node.operator !== '=') return false;
  const target = chainText(assign.node.left);
  if (target && (target === 'module.exports' || /^(module\.)?exports\.[\w$]+$/.test(target))) return true;
  // `root.Point = Point`, `window.Point = Point`: published on an object, as an export is.
  return Boolean(target && target.includes('.') && !/\bprototype\b/.test(target) && assign.parentPath.isExpressionStatement());
}

function isPrototypeAssignment(stmt: t.Statement): boolean {
  if (stmt.type !== 'ExpressionStatement' || stmt.expression.type !== 'AssignmentExpression') return false;
  const left = stmt.expression.left;
  return left.type === 'MemberExpression' && left.object.type === 'MemberExpression' && propName(left.object) === 'prototype';
}

/** Whether a member read is the target of one of the candidate's member statements. */
function isMemberTarget(p: NodePath<t.MemberExpression>, c: Candidate): boolean {
  const assign = p.parentPath;
  return Boolean(assign?.isAssignmentExpression() && assign.node.left === p.node && c.moved.has(assign.parentPath!.node as t.Statement));
}

/** `x.m(…)`, `x.m.call/apply/bind(…)`, `typeof x.m`, `x.m = …`: uses that do not detach the method. */
function isCalledOrBound(p: NodePath<t.MemberExpression>): boolean {
  const parent = p.parentPath;
  if ((parent.isCallExpression() || parent.isOptionalCallExpression()) && parent.node.callee === p.node) return true;
  if (parent.isMemberExpression() && parent.node.object === p.node) return true;
  if (parent.isUnaryExpression() && parent.node.operator === 'typeof') return true;
  if (parent.isAssignmentExpression() && parent.node.left === p.node) return true;
  if (parent.isUnaryExpression() && parent.node.operator === 'delete') return true;
  if (parent.isIfStatement() || (parent.isConditionalExpression() && parent.node.test === p.node)) return true;
  if (parent.isUnaryExpression() && parent.node.operator === '!') return true;
  return false;
}

/** The target (--target, else engines.node) must run class: else the file stays as it is, reason `target`. */
export default withTarget('class', prototypeToClassUntargeted);
