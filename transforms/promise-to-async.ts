import type { NodePath, TraverseOptions } from '@babel/traverse';
import type * as t from '@babel/types';
import { z } from 'zod';
import { loadTraverse, type Traverse } from '../src/ast.js';
import { defineMeta, type FileTransformContext } from '../src/types.js';
import { targetOption, withTarget } from '../src/target.js';

export const meta = defineMeta({
  name: 'promise-to-async',
  description: 'returned .then/.catch/.finally chains → async function with await and try/catch/finally, only where behaviour is kept',
  engine: 'file',
  reasons: {
    'callback-reference': 'a callback passed by name is not a function declared in this file or imported',
    'cannot-be-async': 'a constructor cannot be async',
    comments: 'a comment in the chain could not be placed in the converted code',
    'early-return': 'a callback returns before its end, and its value flows into a later step',
    'floating-promise': 'promise chain not returned or awaited: converting it would make the caller wait for it',
    'mixed-returns': 'the function also returns elsewhere; as an async function that path would return a promise',
    'multiline-template': 're-indenting would change a multi-line string or template literal',
    'name-clash': 'two callbacks declare the same name, which would share one scope',
    'non-standard-promise': 'the file uses a promise library (or its own Promise); an async function would return a native Promise instead',
    'return-type': 'the declared return type is not Promise<…>, which an async function must return',
    'sync-head': 'the call at the head of the chain may throw synchronously, and the converted function would reject instead (--assume-rejecting-heads to convert)',
    'sync-throw': 'code before the returned chain may throw, and in an async function the throw would become a rejection',
    'this-binding': 'a callback uses this/arguments, which would mean the enclosing function\'s',
    'two-arg-then': '`.then(onFulfilled, onRejected)`: onRejected does not handle errors thrown by onFulfilled',
    'unsupported-callback': 'the callback has a form that cannot be inlined (await used as a name, for example)',
  },
  version: '1',
  docs: `
A function whose body ends in \`return <promise chain>\` (or an arrow whose expression body is a chain) becomes
\`async\`, and the chain becomes statements: \`.then(u => ...)\` → \`const u = await <previous>;\` followed by the
callback's body, \`.catch(err => ...)\` → \`try { <the steps before it> } catch (err) { ... }\`, \`.finally(cb)\` →
\`try { ... } finally { <cb's body, its result awaited> }\`. A catch in the middle of a chain hands its value on
through a \`let\` declared before the \`try\`. Inside a \`try\`, returned values are \`return await\`ed so that a
rejection is still caught where the chain caught it. A chain returned by a callback is flattened the same way.
\`.then(fn)\` with a function declared in the file (or imported) becomes \`fn(await <previous>)\`.
Only the returned statement and the function head are edited; callback bodies move as they are, re-indented.

Left alone, with the reason reported:
- chains that are not returned (\`floating-promise\`): awaiting them would make the caller wait;
- \`.then(onFulfilled, onRejected)\` (\`two-arg-then\`): the second callback does not see errors of the first;
- library promises (\`non-standard-promise\`): files that load bluebird, q, when or rsvp or bind their own
  \`Promise\`, chains using \`.spread\`, \`.tap\`, \`.done\`, \`.fail\`, filtered \`.catch(Type, fn)\` or \`.then\` with a
  third argument. An async function always returns a native Promise, without those methods;
- function-expression callbacks that use \`this\`, \`arguments\` or \`new.target\` (\`this-binding\`): inlined, they
  would see the enclosing function's; method references such as \`.then(obj.method)\` (called without \`this\`);
- callbacks passed as other expressions (\`callback-reference\`): a parameter, a reassigned variable, a call result
  may not be a function, or may change before the step runs;
- names declared by inlined callbacks that collide with each other or with names used in the function
  (\`name-clash\`), callbacks with default, rest or several parameters (\`unsupported-callback\`), \`return\`
  before the end of a callback whose value flows into a later step (\`early-return\`);
- functions that cannot be async (\`cannot-be-async\`: generators, getters, setters, constructors, functions
  used with \`new\` or their \`prototype\`), TypeScript functions whose declared return type is not \`Promise<…>\`
  (\`return-type\`);
- callbacks with a directive prologue (\`"use strict"\`), or whose early \`return\` sits in their own \`try\` while
  the step is inside a generated \`try\` (awaiting it would change what their catch/finally sees);
- a function that is not yet async and also returns elsewhere (\`mixed-returns\`: that path would now return a
  promise), or runs statements before the returned chain that could throw, or has destructured or defaulted
  parameters (\`sync-throw\`: a synchronous throw would become a rejection). Only declarations initialised with
  literals, functions or already-declared names may precede the chain. An already-async function has no such
  limit, and neither has a callback passed to \`.then/.catch/.finally\` (the promise adopts whatever it returns and
  turns its throws into rejections), so such a callback converts even inside a chain that is itself kept;
- comments that could not be placed, multi-line template literals that re-indenting would alter.

Assumptions (documented, not checked): the value at the head of a chain is a promise or thenable (otherwise the
original throws a TypeError at \`.then\`, while \`await\` accepts any value). By default only chains whose head
cannot throw synchronously are converted (a name, \`Promise.resolve/all/...\` of names and literals,
\`new Promise(fn)\`; \`sync-head\` otherwise): a call such as \`fetchUser(id)\` that throws instead of rejecting
would make the converted function reject instead of throw, and a \`.catch\` of the chain would now handle it.
\`--assume-rejecting-heads\` accepts that assumption for calls too, which converts far more code (most promise
APIs never throw synchronously); review those diffs with it in mind. Microtask timing (how many ticks pass
before a step runs) may differ, so the interleaving with other, independent promise chains can shift; within the
function the order of steps, values and errors is kept. Names declared by two callbacks of one chain are not
renamed: such chains are reported (\`name-clash\`).`,
  options: z.object({
    target: targetOption(),
    assumeRejectingHeads: z
      .boolean()
      .default(false)
      .describe('also convert chains whose head is a call, assuming it reports failure by rejecting rather than throwing synchronously'),
  }),
  prefilter: (source) => /\.\s*(?:then|catch|finally)\b/.test(source),
});

type Options = z.infer<NonNullable<typeof meta.options>>;

const STEP_METHODS = new Set(['then', 'catch', 'finally']);
/** Methods only promise libraries have (bluebird, Q, jQuery deferreds). */
const LIBRARY_METHODS = new Set([
  'spread', 'tap', 'tapCatch', 'asCallback', 'nodeify', 'done', 'fail', 'fin', 'always', 'progress', 'thenReturn',
  'thenThrow', 'catchReturn', 'catchThrow', 'reflect', 'caught', 'lastly', 'return', 'throw', 'delay', 'timeout',
  'isFulfilled', 'isRejected', 'isPending', 'suppressUnhandledRejections',
]);
/** Collection helpers that are library-specific only when called on a promise step's result. */
const LIBRARY_ON_PROMISE = new Set(['map', 'mapSeries', 'filter', 'reduce', 'each', 'props', 'all', 'any', 'some', 'race', 'get', 'call', 'bind']);
const PROMISE_LIBRARIES = /^(bluebird|q|when|rsvp|kew|promise|es6-promise|native-or-bluebird|pinkie-promise|lie|vow)(\/.*)?$/;

class Bail {
  constructor(
    readonly reason: string,
    readonly message: string,
    readonly at: t.Node,
  ) {}
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

type Sink =
  | { kind: 'return'; await: boolean }
  | { kind: 'declare'; text: string; name?: string; mutable: boolean }
  | { kind: 'assign'; name: string }
  | { kind: 'discard' };

interface Line {
  level: number;
  text: string;
  /** Printed exactly as is (lines inside a multi-line template literal). */
  raw?: boolean;
}

interface Chain {
  head: t.Expression;
  steps: t.CallExpression[];
}

type FnPath = NodePath<t.Function>;

interface Candidate {
  fn: FnPath;
  /** The replaced range: the return statement, or an arrow's expression body (with its parentheses). */
  start: number;
  end: number;
  chain: t.CallExpression;
  ret?: t.ReturnStatement;
}

interface Outcome {
  edits: Edit[];
  inlined: Set<t.Node>;
  notes: Bail[];
}

async function promiseToAsyncUntargeted(ctx: FileTransformContext<Options>): Promise<string | undefined> {
  const traverse = await loadTraverse();
  try {
    return convert(ctx, traverse);
  } finally {
    // Babel keeps paths and scopes of every traversed AST in module-level caches; drop them between files.
    traverse.cache?.clear?.();
  }
}

const isStepCall = (n: t.Node | null | undefined): boolean =>
  !!n &&
  n.type === 'CallExpression' &&
  n.callee.type === 'MemberExpression' &&
  !n.callee.computed &&
  n.callee.property.type === 'Identifier' &&
  STEP_METHODS.has(n.callee.property.name);

const methodName = (call: t.CallExpression): string => ((call.callee as t.MemberExpression).property as t.Identifier).name;

function chainOf(call: t.CallExpression): Chain {
  const steps: t.CallExpression[] = [];
  let cur: t.Expression = call;
  while (isStepCall(cur)) {
    steps.unshift(cur as t.CallExpression);
    cur = ((cur as t.CallExpression).callee as t.MemberExpression).object as t.Expression;
  }
  return { head: cur, steps };
}

/** A library-only method anywhere along the callee spine of an expression (`p.then(a).spread(b)`). */
function libraryMethodIn(expr: t.Node): t.Node | undefined {
  let cur: t.Node = expr;
  while (cur.type === 'CallExpression' || cur.type === 'MemberExpression') {
    if (cur.type === 'CallExpression') {
      const callee = cur.callee;
      if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
        const name = callee.property.name;
        const obj: t.Node = callee.object;
        if (LIBRARY_METHODS.has(name) && obj.type === 'CallExpression') return cur;
        if (LIBRARY_ON_PROMISE.has(name) && isStepCall(obj)) return cur;
      }
      cur = callee;
    } else cur = cur.object;
  }
  return undefined;
}

/** Returns whether a returned expression looks like a promise chain (`x.then(...)`) or a library chain around one. */
function returnedChain(expr: t.Node | null | undefined): t.CallExpression | undefined {
  if (!expr || expr.type !== 'CallExpression') return undefined;
  if (isStepCall(expr)) return expr;
  // `p.then(a).spread(b)`: not a standard chain at the top, but one is inside
  let cur: t.Node = expr;
  while (cur.type === 'CallExpression' && cur.callee.type === 'MemberExpression') {
    const next: t.Node = cur.callee.object;
    if (isStepCall(next)) return libraryMethodIn(expr) ? expr : undefined;
    cur = next;
  }
  return undefined;
}

function convert(ctx: FileTransformContext<Options>, traverse: Traverse): string | undefined {
  if (/\.d\.[cm]?ts$/.test(ctx.path)) return undefined;
  const source = ctx.source;
  const ast = ctx.parse();
  const candidates: Candidate[] = [];
  let libraryAt: t.Node | undefined;

  traverse(ast, {
    Function(path: FnPath) {
      const node = path.node;
      if (node.body.type === 'BlockStatement') {
        const last = node.body.body[node.body.body.length - 1];
        if (last?.type === 'ReturnStatement') {
          const chain = returnedChain(last.argument);
          if (chain) candidates.push({ fn: path, start: last.start!, end: last.end!, chain, ret: last });
        }
      } else {
        const chain = returnedChain(node.body);
        if (chain) {
          const range = parenRange(source, node.body);
          let start = range[0];
          const end = range[1];
          // `=>` then the body on the next line: the block opens right after the arrow
          const before = source.slice(0, start);
          const arrow = /=>\s*$/.exec(before);
          if (arrow && /\n/.test(arrow[0])) start = arrow.index + 2;
          candidates.push({ fn: path, start, end, chain });
        }
      }
    },
    ExpressionStatement(path: NodePath<t.ExpressionStatement>) {
      if (returnedChain(path.node.expression)) {
        ctx.report('promise chain not returned or awaited: converting it would make the caller wait for it', path.node, 'floating-promise');
      }
    },
    CallExpression(path: NodePath<t.CallExpression>) {
      const { callee, arguments: args } = path.node;
      if (
        callee.type === 'Identifier' &&
        callee.name === 'require' &&
        args[0]?.type === 'StringLiteral' &&
        PROMISE_LIBRARIES.test(args[0].value)
      ) {
        libraryAt ??= path.node;
      }
    },
    ImportDeclaration(path: NodePath<t.ImportDeclaration>) {
      if (PROMISE_LIBRARIES.test(path.node.source.value)) libraryAt ??= path.node;
    },
    // a `Promise` of the file's own (`var Promise = require('bluebird')`, a polyfill)
    Scopable(path: NodePath) {
      const own = path.scope.getOwnBinding('Promise');
      if (own) libraryAt ??= own.identifier;
    },
  } as TraverseOptions);
  if (!candidates.length) return undefined;

  const file = new FileInfo(ctx, ast);
  // Outer functions first: a callback inlined by a converted function is not converted on its own.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const results = new Map<Candidate, Outcome | Bail>();
  for (const c of candidates) {
    if (libraryAt) {
      results.set(c, new Bail('non-standard-promise', 'kept: the file uses a promise library (or its own Promise); an async function would return a native Promise instead', c.chain));
      continue;
    }
    try {
      results.set(c, new Converter(file, c, [], ctx.options).run());
    } catch (e) {
      if (e instanceof Bail) results.set(c, e);
      else throw e;
    }
  }
  const absorbed = new Set<t.Node>();
  const active: Candidate[] = [];
  for (const c of candidates) {
    if (absorbed.has(c.fn.node)) continue;
    const r = results.get(c)!;
    if (r instanceof Bail) {
      ctx.report(r.message, r.at, r.reason);
      continue;
    }
    for (const n of r.inlined) absorbed.add(n);
    for (const note of r.notes) ctx.report(note.message, note.at, note.reason);
    active.push(c);
  }
  if (!active.length) return undefined;

  // Inner functions first, so that an outer conversion copies their converted text.
  const committed: Edit[] = [];
  const ordered = [...active].sort((a, b) => a.end - a.start - (b.end - b.start));
  for (const c of ordered) {
    try {
      committed.push(...new Converter(file, c, committed, ctx.options).run().edits);
    } catch (e) {
      if (!(e instanceof Bail)) throw e;
      ctx.report(e.message, e.at, e.reason);
    }
  }
  const outer = committed.filter((e) => !committed.some((o) => o !== e && o.end > o.start && o.start <= e.start && e.end <= o.end && (o.start < e.start || e.end < o.end || e.start === e.end)));
  if (!outer.length) return undefined;
  const edits = ctx.edits();
  for (const e of outer) edits.replace(e.start, e.end, e.text);
  return edits.apply();
}

function parenRange(source: string, node: t.Node): [number, number] {
  const extra = node.extra as { parenthesized?: boolean; parenStart?: number } | undefined;
  if (!extra?.parenthesized || extra.parenStart === undefined) return [node.start!, node.end!];
  let i = node.end!;
  while (i < source.length && /\s/.test(source[i])) i++;
  if (source[i] !== ')') return [node.start!, node.end!];
  return [extra.parenStart, i + 1];
}

/** File-wide facts shared by every conversion. */
class FileInfo {
  readonly source: string;
  readonly comments: Array<{ start: number; end: number }>;
  readonly eol: string;
  readonly unit: string;
  /** ';' when the file ends its statements with semicolons, else ''. */
  readonly semi: string;
  /** Ranges of template literals and strings that span lines (their text must not be re-indented). */
  readonly multiline: Array<[number, number]> = [];

  constructor(ctx: FileTransformContext<Options>, ast: t.File) {
    this.source = ctx.source;
    this.comments = (ast.comments ?? []).map((c) => ({ start: c.start!, end: c.end! }));
    this.eol = this.source.includes('\r\n') ? '\r\n' : '\n';
    this.unit = detectUnit(this.source);
    let withSemi = 0;
    let without = 0;
    const visit = (n: any) => {
      if (!n || typeof n.type !== 'string') return;
      if ((n.type === 'TemplateLiteral' || n.type === 'StringLiteral') && /\n/.test(this.source.slice(n.start, n.end))) {
        this.multiline.push([n.start, n.end]);
      }
      if (n.type === 'ExpressionStatement' || n.type === 'ReturnStatement' || n.type === 'ThrowStatement' || n.type === 'VariableDeclaration') {
        if (this.source[n.end - 1] === ';') withSemi++;
        else if (n.type !== 'VariableDeclaration' || this.source[n.end] !== ';') without++;
      }
      for (const k in n) {
        if (k === 'loc' || k === 'extra' || k.endsWith('Comments')) continue;
        const v = n[k];
        if (Array.isArray(v)) v.forEach(visit);
        else if (v && typeof v === 'object' && typeof v.type === 'string') visit(v);
      }
    };
    visit(ast.program);
    this.semi = withSemi >= without ? ';' : '';
  }

  lineIndent(offset: number): string {
    const lineStart = this.source.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(this.source.slice(lineStart, offset))![0];
  }

  hasMultiline(start: number, end: number): boolean {
    return this.multiline.some(([a, b]) => a < end && start < b);
  }
}

function detectUnit(source: string): string {
  let best: string | undefined;
  const lines = source.split('\n', 400);
  for (const line of lines) {
    const m = /^([ \t]+)\S/.exec(line);
    if (!m) continue;
    if (m[1][0] === '\t') return '\t';
    if (m[1].length >= 2 && (!best || m[1].length < best.length)) best = m[1];
  }
  return best && best.length <= 8 ? best : '  ';
}

const LITERALS = new Set(['StringLiteral', 'NumericLiteral', 'BooleanLiteral', 'NullLiteral', 'BigIntLiteral', 'RegExpLiteral']);
const AWAIT_SAFE = new Set([
  'Identifier', 'MemberExpression', 'OptionalMemberExpression', 'CallExpression', 'OptionalCallExpression', 'NewExpression',
  'ArrayExpression', 'ObjectExpression', 'TemplateLiteral', 'TaggedTemplateExpression', 'ThisExpression', 'AwaitExpression',
  'UnaryExpression', 'TSNonNullExpression', 'Import', 'MetaProperty', 'Super', ...LITERALS,
]);

const isPlainValue = (n: t.Node) =>
  LITERALS.has(n.type) || (n.type === 'Identifier' && n.name === 'undefined') || (n.type === 'TemplateLiteral' && n.expressions.length === 0);

/** Converts one function; throws Bail when the conversion would not keep behaviour. */
class Converter {
  private readonly source: string;
  private readonly fn: FnPath;
  /** Edits local to this conversion (`return await` inserted inside callbacks). */
  private readonly local: Edit[] = [];
  private readonly inlined = new Set<t.Node>();
  private readonly inlinedPaths: FnPath[] = [];
  /** Names the output declares in the function body: callback parameters and their declarations. */
  private readonly declared: Array<{ name: string; owner: t.Node | null; at: t.Node }> = [];
  private readonly notes: Bail[] = [];
  private readonly used = new Set<string>();
  private readonly placedComments = new Set<number>();

  constructor(
    private readonly file: FileInfo,
    private readonly cand: Candidate,
    private readonly committed: Edit[],
    private readonly options: Options,
  ) {
    this.source = file.source;
    this.fn = cand.fn;
  }

  run(): Outcome {
    const fnNode = this.fn.node;
    this.checkFunction();
    const targetIndent = this.cand.ret ? this.file.lineIndent(this.cand.start) : this.file.lineIndent(fnNode.start!) + this.file.unit;
    this.baseIndent = targetIndent;
    const lines: Line[] = [];
    // comments between `return` and the chain, and after it
    const chainNode = this.cand.chain;
    lines.push(...this.commentLines(this.cand.start, chainNode.start!, 0));
    lines.push(...this.emitExpr(chainNode, { kind: 'return', await: false }, 0, true));
    lines.push(...this.commentLines(chainNode.end!, this.cand.end, 0));
    this.checkNames();

    const rendered = this.render(lines, targetIndent);
    let text: string;
    if (this.cand.ret) {
      text = rendered.replace(/^[ \t]*/, '');
    } else {
      const closeIndent = this.file.lineIndent(fnNode.start!);
      const lead = /\s/.test(this.source[this.cand.start - 1] ?? '') ? '' : ' ';
      text = `${lead}{${this.file.eol}${rendered}${this.file.eol}${closeIndent}}`;
    }
    this.checkComments(text);
    const edits: Edit[] = [{ start: this.cand.start, end: this.cand.end, text }];
    if (!fnNode.async) edits.push({ start: this.asyncAt(), end: this.asyncAt(), text: 'async ' });
    return { edits, inlined: this.inlined, notes: this.notes };
  }

  private baseIndent = '';

  // ---- checks on the enclosing function ----

  private checkFunction(): void {
    const node = this.fn.node as t.Function & { kind?: string; returnType?: any };
    if (node.generator) throw new Bail('cannot-be-async', 'kept: a generator cannot be made async', node);
    if (node.kind === 'get' || node.kind === 'set' || node.kind === 'constructor') {
      throw new Bail('cannot-be-async', `kept: a ${node.kind === 'constructor' ? 'constructor' : `${node.kind}ter`} cannot be async`, node);
    }
    const rt = node.returnType?.typeAnnotation;
    if (rt) {
      const ok = rt.type === 'TSTypeReference' && rt.typeName.type === 'Identifier' && rt.typeName.name === 'Promise';
      const okFlow = rt.type === 'GenericTypeAnnotation' && rt.id.type === 'Identifier' && rt.id.name === 'Promise';
      if (!ok && !okFlow) throw new Bail('return-type', 'kept: the declared return type is not Promise<…>, which an async function must return', node);
    }
    let awaitIdentifier: t.Node | undefined;
    this.fn.traverse({
      Identifier(p: NodePath<t.Identifier>) {
        if (p.node.name === 'await') awaitIdentifier ??= p.node;
      },
    });
    if (awaitIdentifier) throw new Bail('unsupported-callback', 'kept: `await` is used as a name in this function', awaitIdentifier);
    if (node.async) return;
    this.checkNotConstructed();
    // A callback of a promise step: its result is adopted and its throws are rejections either way.
    if (this.isStepCallback()) return;

    if (this.cand.ret) {
      const body = (node.body as t.BlockStatement).body;
      const otherReturn = this.returnsIn(this.fn).find((r) => r.node !== this.cand.ret);
      if (otherReturn) {
        throw new Bail('mixed-returns', 'kept: the function also returns elsewhere; as an async function that path would return a promise', otherReturn.node);
      }
      for (const stmt of body.slice(0, -1)) {
        if (!this.statementCannotThrow(stmt)) {
          throw new Bail('sync-throw', 'kept: code before the returned chain may throw, and in an async function the throw would become a rejection', stmt);
        }
      }
    }
    for (const param of node.params) {
      const ok =
        param.type === 'Identifier' ||
        (param.type === 'RestElement' && param.argument.type === 'Identifier') ||
        (param.type === 'AssignmentPattern' && param.left.type === 'Identifier' && this.cannotThrow(param.right)) ||
        (param.type === 'TSParameterProperty' && param.parameter.type === 'Identifier');
      if (!ok) {
        throw new Bail('sync-throw', 'kept: a destructured or defaulted parameter may throw, and in an async function the throw would become a rejection', param);
      }
    }
    if (!this.options.assumeRejectingHeads) {
      const { head } = chainOf(this.cand.chain);
      if (!this.headCannotThrow(head)) {
        throw new Bail('sync-head', 'kept: the call at the head of the chain may throw synchronously, and the converted function would reject instead (--assume-rejecting-heads to convert)', head);
      }
    }
  }

  /** `new f()` works on a plain function, not on an async one. */
  private checkNotConstructed(): void {
    const node = this.fn.node;
    if (node.type !== 'FunctionDeclaration' && node.type !== 'FunctionExpression') return;
    if (!node.id) return;
    const scope = node.type === 'FunctionDeclaration' ? this.fn.parentPath!.scope : this.fn.scope;
    const binding = scope.getBinding(node.id.name);
    for (const ref of binding?.referencePaths ?? []) {
      const parent = ref.parent;
      if ((parent.type === 'NewExpression' && ref.key === 'callee') || (parent.type === 'MemberExpression' && ref.key === 'object' && !parent.computed && parent.property.type === 'Identifier' && parent.property.name === 'prototype')) {
        throw new Bail('cannot-be-async', `kept: \`${node.id.name}\` is used with new or its prototype, which an async function does not have`, ref.node);
      }
    }
  }

  private isStepCallback(): boolean {
    const parent = this.fn.parent;
    return isStepCall(parent) && (parent as t.CallExpression).arguments.includes(this.fn.node as any);
  }

  /** Return statements of a function, not of functions nested in it. */
  private returnsIn(fn: NodePath): NodePath<t.ReturnStatement>[] {
    const out: NodePath<t.ReturnStatement>[] = [];
    fn.traverse({
      Function(p: NodePath) {
        p.skip();
      },
      ReturnStatement(p: NodePath<t.ReturnStatement>) {
        out.push(p);
      },
    });
    return out;
  }

  private statementCannotThrow(stmt: t.Statement): boolean {
    if (stmt.type === 'FunctionDeclaration' || stmt.type === 'EmptyStatement') return true;
    if (stmt.type === 'VariableDeclaration' && !(stmt as any).declare) {
      return stmt.declarations.every((d) => d.id.type === 'Identifier' && (!d.init || this.cannotThrow(d.init)));
    }
    return stmt.type.startsWith('TS') && stmt.type !== 'TSEnumDeclaration' && stmt.type !== 'TSModuleDeclaration' && stmt.type !== 'TSImportEqualsDeclaration';
  }

  /** Conservative: expressions whose evaluation cannot throw. */
  private cannotThrow(e: t.Node): boolean {
    switch (e.type) {
      case 'StringLiteral':
      case 'NumericLiteral':
      case 'BooleanLiteral':
      case 'NullLiteral':
      case 'BigIntLiteral':
      case 'RegExpLiteral':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'ThisExpression':
        return true;
      case 'TemplateLiteral':
        return e.expressions.length === 0;
      case 'Identifier': {
        if (e.name === 'undefined') return true;
        const b = this.fn.scope.getBinding(e.name);
        // a binding declared before this point in an enclosing scope (not a global that may be missing)
        return !!b && b.path.node.start! < this.cand.start && (b.kind !== 'let' && b.kind !== 'const' ? true : b.path.node.end! < this.cand.start);
      }
      case 'ArrayExpression':
        return e.elements.every((el) => el !== null && el.type !== 'SpreadElement' && this.cannotThrow(el));
      case 'ObjectExpression':
        return e.properties.every(
          (p) => p.type === 'ObjectProperty' && !p.computed && this.cannotThrow(p.value) || (p.type === 'ObjectMethod' && !p.computed && p.kind === 'method'),
        );
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TypeCastExpression':
        return this.cannotThrow(e.expression);
      default:
        return false;
    }
  }

  private headCannotThrow(head: t.Expression): boolean {
    if (this.cannotThrow(head)) return true;
    const promiseIsGlobal = !this.fn.scope.getBinding('Promise');
    if (head.type === 'NewExpression' && head.callee.type === 'Identifier' && head.callee.name === 'Promise' && promiseIsGlobal) {
      return head.arguments.length === 1 && (head.arguments[0].type === 'FunctionExpression' || head.arguments[0].type === 'ArrowFunctionExpression');
    }
    if (
      head.type === 'CallExpression' &&
      head.callee.type === 'MemberExpression' &&
      head.callee.object.type === 'Identifier' &&
      head.callee.object.name === 'Promise' &&
      promiseIsGlobal &&
      !head.callee.computed &&
      head.callee.property.type === 'Identifier' &&
      ['resolve', 'reject', 'all', 'allSettled', 'race', 'any'].includes(head.callee.property.name)
    ) {
      return head.arguments.every((a) => a.type !== 'SpreadElement' && this.cannotThrow(a));
    }
    return false;
  }

  // ---- emitting ----

  /** Source text of [start, end) with inner conversions and local edits applied. */
  private text(start: number, end: number): string {
    const inner = [...this.committed, ...this.local]
      .filter((e) => e.start >= start && e.end <= end && !(e.start === e.end && (e.start === end)))
      .sort((a, b) => a.start - b.start || a.end - b.end);
    // drop edits nested in other edits (an outer conversion already contains them)
    const flat: Edit[] = [];
    for (const e of inner) {
      const container = inner.find((o) => o !== e && o.end > o.start && o.start <= e.start && e.end <= o.end && (o.start < e.start || e.end < o.end || e.start === e.end));
      if (!container) flat.push(e);
    }
    let out = '';
    let pos = start;
    for (const e of flat) {
      if (e.start < pos) continue;
      out += this.source.slice(pos, e.start) + e.text;
      pos = e.end;
    }
    return out + this.source.slice(pos, end);
  }

  /** Comments in [start, end) not inside any of the `skip` ranges, as lines. */
  private commentLines(start: number, end: number, level: number, skip: Array<[number, number]> = []): Line[] {
    const out: Line[] = [];
    for (const c of this.file.comments) {
      if (c.start >= start && c.end <= end && !skip.some(([a, b]) => c.start >= a && c.end <= b)) {
        out.push({ level, text: this.source.slice(c.start, c.end) });
      }
    }
    return out;
  }

  /** Delivers the value of expression `expr` to `sink`; chains are flattened. */
  private emitExpr(expr: t.Node, sink: Sink, level: number, top = false): Line[] {
    const chainCall = returnedChain(expr);
    if (chainCall) {
      const lib = libraryMethodIn(chainCall);
      if (lib || !isStepCall(chainCall)) {
        const b = new Bail('non-standard-promise', 'kept: the chain uses a promise-library method; an async function would return a native Promise', lib ?? chainCall);
        if (top) throw b;
        this.notes.push(b);
      } else if (top) {
        return this.emitChain(chainOf(chainCall), sink, level);
      } else {
        // A chain returned by an inlined callback: flatten it, or keep it as an awaited value when it cannot be.
        const snapshot = this.snapshot();
        try {
          return this.emitChain(chainOf(chainCall), sink, level);
        } catch (e) {
          if (!(e instanceof Bail)) throw e;
          this.restore(snapshot);
          this.notes.push(new Bail(e.reason, `${e.message} (the chain is kept as an awaited value)`, e.at));
        }
      }
    }
    return this.deliver(this.exprText(expr, level), expr, sink, level);
  }

  private snapshot() {
    return { local: this.local.length, inlined: [...this.inlined], paths: this.inlinedPaths.length, declared: this.declared.length, notes: this.notes.length };
  }

  private restore(s: ReturnType<Converter['snapshot']>): void {
    this.local.length = s.local;
    this.inlined.clear();
    s.inlined.forEach((n) => this.inlined.add(n));
    this.inlinedPaths.length = s.paths;
    this.declared.length = s.declared;
    this.notes.length = s.notes;
  }

  /** Text of an expression, its continuation lines re-indented for `level`. */
  private exprText(expr: t.Node, level: number): string {
    const raw = this.text(expr.start!, expr.end!);
    if (!raw.includes('\n')) return raw;
    const from = this.file.lineIndent(expr.start!);
    const to = this.indentAt(level);
    if (from === to) return raw;
    if (this.file.hasMultiline(expr.start!, expr.end!)) {
      throw new Bail('multiline-template', 'kept: re-indenting would change a multi-line string or template literal', expr);
    }
    return raw
      .split(/\r?\n/)
      .map((l, i) => (i === 0 ? l : reindentLine(l, from, to)))
      .join(this.file.eol);
  }

  private indentAt(level: number): string {
    return this.baseIndent + this.file.unit.repeat(level);
  }

  /** `await X`, parenthesised when needed; plain values are not awaited. */
  private awaited(textOf: string, node: t.Node | null): string {
    if (node && isPlainValue(node)) return textOf;
    if (node && !AWAIT_SAFE.has(node.type)) return `await (${textOf})`;
    return `await ${textOf}`;
  }

  private deliver(valueText: string | null, node: t.Node | null, sink: Sink, level: number): Line[] {
    const value = valueText ?? 'undefined';
    switch (sink.kind) {
      case 'return':
        if (valueText === null) return [];
        return [{ level, text: `return ${sink.await ? this.awaited(value, node) : value}${this.file.semi}` }];
      case 'declare': {
        const kw = sink.mutable ? 'let' : 'const';
        return [{ level, text: `${kw} ${sink.text} = ${valueText === null ? 'undefined' : this.awaited(value, node)}${this.file.semi}` }];
      }
      case 'assign':
        if (valueText === null) return [];
        return [{ level, text: `${sink.name} = ${this.awaited(value, node)}${this.file.semi}` }];
      case 'discard':
        if (valueText === null || (node && isPlainValue(node))) return [];
        return [{ level, text: `${this.awaited(value, node)}${this.file.semi}` }];
    }
  }

  /** The sink for code inside a `try`: returns are awaited, declarations become a `let` before the `try`. */
  private sinkInTry(sink: Sink, level: number, at: t.Node): { inner: Sink; before: Line[] } {
    if (sink.kind === 'return') return { inner: { kind: 'return', await: true }, before: [] };
    if (sink.kind === 'declare') {
      if (!sink.name) {
        throw new Bail('unsupported-callback', 'kept: a destructured value would have to cross a try block', at);
      }
      return { inner: { kind: 'assign', name: sink.name }, before: [{ level, text: `let ${sink.text}${this.file.semi}` }] };
    }
    return { inner: sink, before: [] };
  }

  private emitChain(chain: Chain, sink: Sink, level: number): Line[] {
    if (!chain.steps.length) {
      return this.emitHead(chain.head, sink, level);
    }
    const step = chain.steps[chain.steps.length - 1];
    const rest: Chain = { head: chain.head, steps: chain.steps.slice(0, -1) };
    const kind = methodName(step);
    const args = step.arguments;
    const prev = (step.callee as t.MemberExpression).object;
    const cbNode = args[0];
    // comments around this step that are not inside its callback
    const covered: Array<[number, number]> = [];
    const cbFn = cbNode && (cbNode.type === 'ArrowFunctionExpression' || cbNode.type === 'FunctionExpression') ? cbNode : undefined;
    if (cbFn) covered.push(cbFn.body.type === 'BlockStatement' ? [cbFn.body.start!, cbFn.body.end!] : [cbFn.body.start!, cbFn.body.end!]);
    const stepComments = (lvl: number) => this.commentLines(prev.end!, step.end!, lvl, covered);

    if ((step as any).typeParameters || (step as any).typeArguments) {
      throw new Bail('unsupported-callback', `kept: \`.${kind}<…>\` has explicit type arguments`, step);
    }
    if (args.some((a) => a.type === 'SpreadElement' || a.type === 'ArgumentPlaceholder')) {
      throw new Bail('unsupported-callback', `kept: \`.${kind}(...)\` with spread arguments`, step);
    }
    if (kind === 'then') {
      if (args.length > 2) throw new Bail('non-standard-promise', 'kept: `.then` with a third argument is a library (progress) callback', step);
      const second = args[1];
      if (second && !this.isNothing(second)) {
        if (this.isNothing(args[0]) ) {
          // .then(null, onRejected) is .catch(onRejected)
          return this.emitCatch(rest, second as t.Expression, sink, level, stepComments, step);
        }
        throw new Bail('two-arg-then', 'kept: `.then(onFulfilled, onRejected)`: onRejected does not handle errors thrown by onFulfilled', step);
      }
      if (!cbNode || this.isNothing(cbNode)) return [...this.emitChain(rest, sink, level), ...stepComments(level)];
      return this.emitThen(rest, cbNode as t.Expression, sink, level, stepComments, step);
    }
    if (args.length > 1) throw new Bail('non-standard-promise', `kept: \`.${kind}\` with several arguments is a library method (filtered catch)`, step);
    if (kind === 'catch') {
      if (!cbNode || this.isNothing(cbNode)) return [...this.emitChain(rest, sink, level), ...stepComments(level)];
      return this.emitCatch(rest, cbNode as t.Expression, sink, level, stepComments, step);
    }
    // finally
    if (!cbNode || this.isNothing(cbNode)) return [...this.emitChain(rest, sink, level), ...stepComments(level)];
    const { inner, before } = this.sinkInTry(sink, level, step);
    const out: Line[] = [...before, { level, text: 'try {' }, ...this.emitChain(rest, inner, level + 1), { level, text: '} finally {' }];
    out.push(...stepComments(level + 1));
    const cb = this.callback(cbNode as t.Expression, 'finally');
    if (cb.kind === 'ref') out.push({ level: level + 1, text: `await ${cb.name}()${this.file.semi}` });
    else {
      if (cb.fn.params.length) throw new Bail('unsupported-callback', 'kept: a `.finally` callback with parameters', cb.fn);
      out.push(...this.emitBody(cb, { kind: 'discard' }, level + 1));
    }
    out.push({ level, text: '}' });
    return out;
  }

  private isNothing(n: t.Node): boolean {
    return n.type === 'NullLiteral' || (n.type === 'Identifier' && n.name === 'undefined' && !this.fn.scope.getBinding('undefined'));
  }

  private emitHead(head: t.Expression, sink: Sink, level: number): Line[] {
    return this.deliver(this.exprText(head, level), head, sink, level);
  }

  private emitThen(rest: Chain, cbNode: t.Expression, sink: Sink, level: number, stepComments: (l: number) => Line[], step: t.CallExpression): Line[] {
    const cb = this.callback(cbNode, 'then');
    if (cb.kind === 'ref') {
      // fn(await previous)
      let valueText: string;
      const out: Line[] = [];
      if (!rest.steps.length) {
        valueText = this.awaited(this.exprText(rest.head, level), rest.head);
      } else {
        const tmp = this.freshName('value', step);
        out.push(...this.emitChain(rest, { kind: 'declare', text: tmp, name: tmp, mutable: false }, level));
        valueText = tmp;
      }
      out.push(...stepComments(level));
      const call = `${cb.name}(${valueText})`;
      out.push(...this.deliver(call, { type: 'CallExpression' } as t.Node, sink, level));
      return out;
    }
    const fn = cb.fn;
    if (fn.params.length > 1) throw new Bail('unsupported-callback', 'kept: a `.then` callback with several parameters', fn);
    const param = fn.params[0];
    const out: Line[] = [];
    if (param && cb.paramUsed) {
      if (param.type === 'AssignmentPattern' || param.type === 'RestElement' || (param.type === 'Identifier' && param.optional)) {
        throw new Bail('unsupported-callback', 'kept: a callback parameter with a default value or rest', param);
      }
      const names = this.declareParam(cb.path, param);
      const mutable = names.some((n) => (cb.path.scope.getOwnBinding(n)?.constantViolations.length ?? 0) > 0);
      const name = param.type === 'Identifier' ? param.name : undefined;
      out.push(...this.emitChain(rest, { kind: 'declare', text: this.text(param.start!, param.end!), name, mutable }, level));
    } else {
      if (param && param.type !== 'Identifier') {
        // an unused destructuring still runs (and may throw on null)
        this.declareParam(cb.path, param);
        out.push(...this.emitChain(rest, { kind: 'declare', text: this.text(param.start!, param.end!), mutable: false }, level));
      } else out.push(...this.emitChain(rest, { kind: 'discard' }, level));
    }
    out.push(...stepComments(level));
    out.push(...this.emitBody(cb, sink, level));
    return out;
  }

  private emitCatch(rest: Chain, cbNode: t.Expression, sink: Sink, level: number, stepComments: (l: number) => Line[], step: t.CallExpression): Line[] {
    const cb = this.callback(cbNode, 'catch');
    const { inner, before } = this.sinkInTry(sink, level, step);
    const after: Sink = inner.kind === 'return' ? { kind: 'return', await: sink.kind === 'return' && sink.await } : inner;
    const out: Line[] = [...before, { level, text: 'try {' }, ...this.emitChain(rest, inner, level + 1)];
    if (cb.kind === 'ref') {
      const name = this.freshName('err', step);
      out.push({ level, text: `} catch (${name}) {` }, ...stepComments(level + 1));
      out.push(...this.deliver(`${cb.name}(${name})`, { type: 'CallExpression' } as t.Node, after, level + 1));
    } else {
      const fn = cb.fn;
      if (fn.params.length > 1) throw new Bail('unsupported-callback', 'kept: a `.catch` callback with several parameters', fn);
      const param = fn.params[0];
      if (param && (param.type === 'AssignmentPattern' || param.type === 'RestElement' || (param.type === 'Identifier' && param.optional))) {
        throw new Bail('unsupported-callback', 'kept: a catch callback parameter with a default value or rest', param);
      }
      const ann = param && (param as any).typeAnnotation?.typeAnnotation;
      if (ann && !['TSAnyKeyword', 'TSUnknownKeyword', 'AnyTypeAnnotation', 'MixedTypeAnnotation'].includes(ann.type)) {
        throw new Bail('unsupported-callback', 'kept: a catch clause variable can only be typed any or unknown', param);
      }
      if (param) this.declareParam(cb.path, param);
      out.push({ level, text: param ? `} catch (${this.text(param.start!, param.end!)}) {` : '} catch {' });
      out.push(...stepComments(level + 1));
      out.push(...this.emitBody(cb, after, level + 1));
    }
    out.push({ level, text: '}' });
    return out;
  }

  private declareParam(path: FnPath, param: t.Node): string[] {
    const names = Object.keys((path.get('params')[0] as NodePath).getBindingIdentifiers());
    for (const name of names) this.declared.push({ name, owner: path.node, at: param });
    return names;
  }

  private freshName(base: string, at: t.Node): string {
    this.collectUsed();
    for (let i = 0; ; i++) {
      const name = i ? `${base}${i + 1}` : base;
      if (!this.used.has(name) && !this.declared.some((d) => d.name === name)) {
        this.declared.push({ name, owner: null, at });
        return name;
      }
    }
  }

  private collectUsed(): void {
    if (this.used.size) return;
    this.fn.traverse({
      Identifier: (p: NodePath<t.Identifier>) => {
        this.used.add(p.node.name);
      },
    });
    for (const name of Object.keys(this.fn.scope.bindings)) this.used.add(name);
    this.used.add('arguments');
  }

  private callback(node: t.Expression, kind: string):
    | { kind: 'ref'; name: string }
    | { kind: 'inline'; fn: t.ArrowFunctionExpression | t.FunctionExpression; path: FnPath; paramUsed: boolean } {
    if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') {
      const path = this.pathOf(node);
      if (node.generator) throw new Bail('unsupported-callback', `kept: a generator passed to \`.${kind}\``, node);
      if (node.type === 'FunctionExpression') {
        const usesThis = this.findThisOrArguments(path);
        if (usesThis) throw new Bail('this-binding', `kept: the \`.${kind}\` callback uses \`${usesThis.name}\`, which would mean the enclosing function's once inlined`, usesThis.node);
        if (node.id && path.scope.getBinding(node.id.name)?.referencePaths.length) {
          throw new Bail('unsupported-callback', 'kept: the callback refers to itself by name', node.id);
        }
      }
      this.inlined.add(node);
      this.inlinedPaths.push(path);
      for (const [name, binding] of Object.entries(path.scope.bindings)) {
        if ((binding as any).kind === 'param' || (binding as any).kind === 'local') continue;
        this.declared.push({ name, owner: node, at: (binding as any).identifier });
      }
      const param = node.params[0];
      let paramUsed = false;
      if (param) {
        const names = Object.keys((path.get('params')[0] as NodePath).getBindingIdentifiers());
        paramUsed = param.type !== 'Identifier' || names.some((n) => {
          const b = path.scope.getOwnBinding(n);
          return !b || b.referenced || b.constantViolations.length > 0;
        });
      }
      return { kind: 'inline', fn: node, path, paramUsed };
    }
    if (node.type === 'Identifier') {
      const binding = this.fn.scope.getBinding(node.name);
      const init = binding?.path.node.type === 'VariableDeclarator' ? (binding.path.node as t.VariableDeclarator).init : undefined;
      const isFunction =
        binding &&
        binding.constant &&
        (binding.kind === 'hoisted' ||
          binding.kind === 'module' ||
          (init && (init.type === 'FunctionExpression' || init.type === 'ArrowFunctionExpression')));
      if (!isFunction) {
        throw new Bail('callback-reference', `kept: \`${node.name}\` passed to \`.${kind}\` is not a function declared in this file or imported (it may not be a function, or may change before the step runs)`, node);
      }
      return { kind: 'ref', name: node.name };
    }
    if (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') {
      throw new Bail('this-binding', `kept: a method passed to \`.${kind}\` is called without \`this\`; a direct call would pass one`, node);
    }
    throw new Bail('callback-reference', `kept: the \`.${kind}\` callback is an expression evaluated when the chain is built`, node);
  }

  private pathOf(node: t.Node): FnPath {
    let found: FnPath | undefined;
    this.fn.traverse({
      Function(p: FnPath) {
        if (p.node === node) {
          found = p;
          p.stop();
        }
      },
    });
    if (!found) throw new Bail('unsupported-callback', 'kept: callback not found', node);
    return found;
  }

  /** `this`, `arguments`, `new.target` used by a function-expression callback (arrows inside it included). */
  private findThisOrArguments(path: FnPath): { name: string; node: t.Node } | undefined {
    let hit: { name: string; node: t.Node } | undefined;
    path.traverse({
      FunctionDeclaration(p: NodePath) {
        p.skip();
      },
      FunctionExpression(p: NodePath) {
        p.skip();
      },
      ObjectMethod(p: NodePath) {
        p.skip();
      },
      ClassMethod(p: NodePath) {
        p.skip();
      },
      ThisExpression(p: NodePath) {
        hit ??= { name: 'this', node: p.node };
      },
      Identifier(p: NodePath<t.Identifier>) {
        if (p.node.name === 'arguments' && p.isReferencedIdentifier() && !path.scope.getBinding('arguments')) hit ??= { name: 'arguments', node: p.node };
      },
      MetaProperty(p: NodePath<t.MetaProperty>) {
        if (p.node.meta.name === 'new') hit ??= { name: 'new.target', node: p.node };
      },
    } as TraverseOptions);
    return hit;
  }

  /** The body of an inlined callback, its result delivered to `sink`. */
  private emitBody(cb: { fn: t.ArrowFunctionExpression | t.FunctionExpression; path: FnPath }, sink: Sink, level: number): Line[] {
    const { fn } = cb;
    if (fn.body.type !== 'BlockStatement') return this.emitExpr(fn.body, sink, level);
    const block = fn.body;
    if (block.directives.length) {
      throw new Bail('unsupported-callback', 'kept: the callback has a directive prologue (such as "use strict") that would not apply once inlined', block.directives[0]);
    }
    const stmts = block.body;
    const last = stmts[stmts.length - 1];
    const finalReturn = last?.type === 'ReturnStatement' ? last : undefined;
    const returns = this.returnsIn(cb.path);
    const early = returns.filter((r) => r.node !== finalReturn);
    if (early.length) {
      if (sink.kind !== 'return') {
        throw new Bail('early-return', 'kept: a callback returns before its end, and its value flows into a later step', early[0].node);
      }
      if (sink.await) {
        const inTry = returns.find((r) => r.findParent((q) => q.node === cb.path.node || q.isTryStatement())?.node !== cb.path.node);
        if (inTry) {
          throw new Bail('early-return', "kept: a return inside the callback's own try would have to be awaited, which changes what its catch/finally sees", inTry.node);
        }
        for (const r of returns) {
          const arg = r.node.argument;
          if (arg && !isPlainValue(arg) && arg.type !== 'AwaitExpression') {
            if (AWAIT_SAFE.has(arg.type)) this.local.push({ start: arg.start!, end: arg.start!, text: 'await ' });
            else {
              this.local.push({ start: arg.start!, end: arg.start!, text: 'await (' });
              this.local.push({ start: arg.end!, end: arg.end!, text: ')' });
            }
          }
        }
      }
      return this.bodyLines(block.start! + 1, block.end! - 1, level, block);
    }
    const prefixEnd = finalReturn ? finalReturn.start! : block.end! - 1;
    const out = this.bodyLines(block.start! + 1, prefixEnd, level, block);
    if (finalReturn) {
      const arg = finalReturn.argument;
      if (arg) {
        out.push(...this.commentLines(finalReturn.start!, arg.start!, level));
        out.push(...this.emitExpr(arg, sink, level));
        out.push(...this.commentLines(arg.end!, finalReturn.end!, level));
      } else {
        out.push(...this.commentLines(finalReturn.start!, finalReturn.end!, level));
        out.push(...this.deliver(null, null, sink, level));
      }
      out.push(...this.bodyLines(finalReturn.end!, block.end! - 1, level, block));
    } else if (sink.kind === 'declare') {
      out.push(...this.deliver(null, null, sink, level));
    }
    return out;
  }

  /** Lines of a slice of a block body, re-indented to `level`. */
  private bodyLines(start: number, end: number, level: number, block: t.BlockStatement): Line[] {
    const raw = this.text(start, end);
    if (!raw.trim()) return [];
    const lines = raw.split(/\r?\n/);
    const firstStmt = block.body[0];
    const from = firstStmt ? this.file.lineIndent(firstStmt.start!) : this.file.lineIndent(start);
    const to = this.indentAt(level);
    const multiline = this.file.hasMultiline(start, end);
    if (multiline && from !== to) {
      throw new Bail('multiline-template', 'kept: re-indenting the callback would change a multi-line string or template literal', block);
    }
    const out: Line[] = [];
    lines.forEach((line, i) => {
      if (i === 0) {
        if (line.trim()) out.push({ level, text: line.trim() });
        return;
      }
      if (i === lines.length - 1 && !line.trim()) return;
      if (multiline) out.push({ level, text: line, raw: true });
      else if (!line.trim()) out.push({ level, text: '' , raw: true });
      else out.push({ level: 0, text: reindentLine(line, from, to), raw: true });
    });
    // trim blank lines at both ends
    while (out.length && !out[0].text.trim()) out.shift();
    while (out.length && !out[out.length - 1].text.trim()) out.pop();
    return out;
  }

  private render(lines: Line[], base: string): string {
    return lines
      .map((l) => {
        if (l.raw) return l.text.replace(/[ \t]+$/, '') === '' ? '' : l.text;
        const text = l.text.split(/\r?\n/).join(this.file.eol);
        return base + this.file.unit.repeat(l.level) + text;
      })
      .join(this.file.eol);
  }

  // ---- final checks ----

  /** Names declared by inlined callbacks must not meet each other or any other use of the name in the function. */
  private checkNames(): void {
    const fnScope = this.fn.scope;
    const seen = new Map<string, t.Node | null>();
    for (const d of this.declared) {
      if (seen.has(d.name) && seen.get(d.name) !== d.owner) {
        throw new Bail('name-clash', `kept: \`${d.name}\` is declared by two callbacks that would share one scope`, d.at);
      }
      seen.set(d.name, d.owner);
      if (d.owner && fnScope.hasOwnBinding(d.name)) {
        throw new Bail('name-clash', `kept: \`${d.name}\` of a callback would clash with the function's own \`${d.name}\``, d.at);
      }
    }
    const ranges = this.inlinedPaths.map((p) => [p.node.start!, p.node.end!, p.node] as const);
    let clash: t.Node | undefined;
    let clashName = '';
    this.fn.traverse({
      Identifier: (p: NodePath<t.Identifier>) => {
        if (clash) return;
        const name = p.node.name;
        if (!seen.has(name)) return;
        const parent = p.parent;
        if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && p.key === 'property' && !parent.computed) return;
        if ((parent.type === 'ObjectProperty' || parent.type === 'ClassProperty' || parent.type === 'ObjectMethod' || parent.type === 'ClassMethod') && p.key === 'key' && !(parent as any).computed && !(parent as any).shorthand) return;
        if (parent.type === 'LabeledStatement' || parent.type === 'BreakStatement' || parent.type === 'ContinueStatement') return;
        const owner = seen.get(name);
        const pos = p.node.start!;
        const inOwner = owner && ranges.some(([a, b, n]) => n === owner && pos >= a && pos < b);
        if (owner && inOwner) return;
        if (!owner) {
          clash = p.node;
          clashName = name;
          return;
        }
        clash = p.node;
        clashName = name;
      },
    });
    if (clash) {
      throw new Bail('name-clash', `kept: \`${clashName}\` declared by an inlined callback is also used elsewhere in the function`, clash);
    }
  }

  private checkComments(text: string): void {
    const counts = new Map<string, number>();
    for (const c of this.file.comments) {
      if (c.start >= this.cand.start && c.end <= this.cand.end) {
        const s = this.source.slice(c.start, c.end);
        counts.set(s, (counts.get(s) ?? 0) + 1);
      }
    }
    for (const [s, n] of counts) {
      if (text.split(s).length - 1 < n) throw new Bail('comments', 'kept: a comment in the chain could not be placed in the converted code', this.cand.chain);
    }
  }

  private asyncAt(): number {
    const node = this.fn.node as any;
    if (node.type === 'ObjectMethod' || node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod') {
      const key = node.key;
      if (node.computed) return this.source.lastIndexOf('[', key.start);
      return key.start;
    }
    return node.start;
  }
}

function reindentLine(line: string, from: string, to: string): string {
  let i = 0;
  while (i < from.length && i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return to + line.slice(i);
}

/** The target (--target, else engines.node) must run async-await: else the file stays as it is, reason `target`. */
export default withTarget('async-await', promiseToAsyncUntargeted);
