import type { NodePath, TraverseOptions } from '@babel/traverse';
import type * as t from '@babel/types';
import { Bail, type Candidate, type Chain, type Edit, type FnPath, type Line, type Outcome, type Sink } from './types.js';
import { FileInfo } from './file-info.js';
import type { Options } from './index.js';
import { chainOf, isStepCall, libraryMethodIn, methodName, returnedChain } from './chains.js';
import { cannotThrow, cannotThrowStatement } from '../_inert.js';
import { reindentLine } from '../../src/text/lines.js';

const LITERALS = new Set(['StringLiteral', 'NumericLiteral', 'BooleanLiteral', 'NullLiteral', 'BigIntLiteral', 'RegExpLiteral']);

const AWAIT_SAFE = new Set([
  'Identifier', 'MemberExpression', 'OptionalMemberExpression', 'CallExpression', 'OptionalCallExpression', 'NewExpression',
  'ArrayExpression', 'ObjectExpression', 'TemplateLiteral', 'TaggedTemplateExpression', 'ThisExpression', 'AwaitExpression',
  'UnaryExpression', 'TSNonNullExpression', 'Import', 'MetaProperty', 'Super', ...LITERALS,
]);

const isPlainValue = (n: t.Node) =>
  LITERALS.has(n.type) || (n.type === 'Identifier' && n.name === 'undefined') || (n.type === 'TemplateLiteral' && n.expressions.length === 0);

/** A statement starting at `at` with a token that continues the line before it when no semicolon ends that line. */
export function startsWithAsiHazard(source: string, at: number): boolean {
  const ch = source[at];
  if (ch === '/') return source[at + 1] !== '/' && source[at + 1] !== '*';
  return ch === '(' || ch === '[' || ch === '`' || ch === '+' || ch === '-' || ch === '<';
}

/** Converts one function; throws Bail when the conversion would not keep behaviour. */
export class Converter {
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
      // A library method in the chain keeps it whatever its head (and is the reason to give).
      const lib = libraryMethodIn(this.cand.chain);
      if (lib || !isStepCall(this.cand.chain)) {
        throw new Bail('non-standard-promise', 'kept: the chain uses a promise-library method; an async function would return a native Promise', lib ?? this.cand.chain);
      }
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

  /** Statements and expressions that cannot throw (transforms/_inert.ts): names are looked up in the function. */
  private statementCannotThrow(stmt: t.Statement): boolean {
    return cannotThrowStatement(stmt, { scope: this.fn.scope });
  }

  private cannotThrow(e: t.Node): boolean {
    return cannotThrow(e, { scope: this.fn.scope });
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
      .map((l, i) => (i === 0 ? l : reindentLine(l, from.length, to)))
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
    // The inlined callback (`.then(null, onRejected)` inlines the second): its body and parameters are emitted with
    // their comments. A parameter that is not emitted (unused) loses them, which checkComments then refuses.
    const inlined = kind === 'then' && (!cbNode || this.isNothing(cbNode)) ? args[1] : cbNode;
    const cbFn = inlined && (inlined.type === 'ArrowFunctionExpression' || inlined.type === 'FunctionExpression') ? inlined : undefined;
    if (cbFn) {
      covered.push([cbFn.body.start!, cbFn.body.end!]);
      for (const p of cbFn.params) covered.push([p.start!, p.end!]);
    }
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
    // The first statement moved here follows a line of other code now (`const res = await get(p)`): in a file without
    // semicolons, one starting with `(`, `[`, a template, `+`, `-`, `/` or `<` would continue that line (automatic
    // semicolon insertion does not separate them). It gets the leading `;` that style writes: `;(res.items || [])…`.
    const first = block.body.find((s) => s.start! >= start && s.end! <= end);
    if (first && this.file.semi === '' && startsWithAsiHazard(this.source, first.start!) && !this.local.some((e) => e.start === first.start && e.text === ';')) {
      this.local.push({ start: first.start!, end: first.start!, text: ';' });
    }
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
      else out.push({ level: 0, text: reindentLine(line, from.length, to), raw: true });
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
