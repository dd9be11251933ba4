/**
 * Static evaluation of registration code whose routes are decided by literal data: a loop over a const object
 * literal (`for…in`, `Object.keys(o).forEach`, `for…of Object.entries(o)`), a helper called with literal arguments
 * (`app.resource('/users', User)`), recursion over a nested literal map with a literal prefix (`app.map({...})`), and
 * a loop over `fs.readdirSync(<literal dir>)` that requires each controller and registers its exports (read against
 * the real directory at analysis time; the routes say so in `discovered`).
 *
 * The evaluator is a small interpreter over literal values. It gives up (with a reason) on anything it cannot decide:
 * a condition or switch value that is not known and guards code with effects, a loop over an unknown collection, a
 * call it cannot follow that receives a callback containing a registration or an object it tracks, a `throw`, or a
 * budget of steps / depth / iterations being exceeded. A unit that gives up is left to the ordinary scan (its sites
 * keep their reasons), so nothing is guessed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import { declarationsOf, isExternal, isFunctionLike, moduleOf, wrappedParamIndex, resolveModuleFile, unwrap, type FnNode } from './resolve.js';
import type { ChainShape } from './types.js';
import { asString, GiveUp, inert, keysOf, reassigned, same, scopeNames, Signal, truthy, typeOf, UNDEF, unknown, type Scope, type V } from './evaluate-values.js';

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options']);
const MAX_STEPS = 20000;
const MAX_DEPTH = 24;
const MAX_ITERATIONS = 1000;

/** Router values are opaque to the evaluator: the host says what a node denotes. */
export interface EvalHost<R> {
  /** The router/app an expression denotes by the ordinary static rules, if any. */
  routerOf(expr: Node): R | undefined;
  /** Whether a call node is one the scan would treat as a registration (used to refuse skipping code that has one). */
  isRegistrationSite(call: CallExpression): boolean;
  /** `app.resource = function (...) {...}`: a helper function assigned on a router, by name. */
  helperOf(router: R, name: string): FnNode | undefined;
}

export interface ChainArg {
  node: Node;
  label?: string;
  shape?: ChainShape;
}

export interface EvaluatedRegistration<R> {
  call: CallExpression;
  method: string;
  path: string;
  chain: ChainArg[];
  router: R | undefined;
}

/** `parent.use(prefix, child)` evaluated with literal values: a mount the ordinary scan could not follow. */
export interface EvaluatedMount<R> {
  call: CallExpression;
  parent: R;
  prefix: string;
  child: R;
}

export type UnitResult<R> =
  | { ok: true; regs: EvaluatedRegistration<R>[]; mounts: EvaluatedMount<R>[]; scanned: string[] }
  | { ok: false; why: string };

export class Evaluator<R> {
  private steps = 0;
  private depth = 0;
  private regs: EvaluatedRegistration<R>[] = [];
  private mounts: EvaluatedMount<R>[] = [];
  private scanned: string[] = [];
  private readonly staticCache = new Map<Node, V>();
  private readonly evaluatingDecls = new Set<Node>();

  constructor(private readonly host: EvalHost<R>) {}

  /** Evaluates a call of `fn` (the entry of a unit) at `site` with its real arguments. */
  evaluateCall(site: CallExpression, fn: FnNode): UnitResult<R> {
    return this.run(() => {
      const callee = unwrap(site.getExpression());
      const self = Node.isPropertyAccessExpression(callee) ? this.expr(callee.getExpression(), undefined) : undefined;
      const args = site.getArguments().map((a) => this.expr(a, undefined));
      this.invoke({ k: 'fn', node: fn }, args, self);
    });
  }

  /** Evaluates one top-level statement (a loop over literal data at module level). */
  evaluateStatement(st: Node): UnitResult<R> {
    return this.run(() => {
      const scope: Scope = { vars: new Map() };
      this.stmt(st, scope);
    });
  }

  private run(body: () => void): UnitResult<R> {
    this.steps = 0;
    this.depth = 0;
    this.regs = [];
    this.mounts = [];
    this.scanned = [];
    try {
      body();
    } catch (e) {
      if (e instanceof GiveUp) return { ok: false, why: e.message };
      if (e instanceof Signal) return { ok: true, regs: this.regs, mounts: this.mounts, scanned: this.scanned };
      throw e;
    }
    return { ok: true, regs: this.regs, mounts: this.mounts, scanned: this.scanned };
  }

  private giveUp(why: string, at: Node): never {
    const sf = at.getSourceFile();
    const { line } = sf.getLineAndColumnAtPos(at.getStart());
    throw new GiveUp(`${why} (${path.basename(sf.getFilePath())}:${line})`);
  }

  private tick(at: Node): void {
    if (++this.steps > MAX_STEPS) this.giveUp('evaluation budget exceeded', at);
  }

  // ---------- statements ----------

  private block(statements: Node[], scope: Scope): void {
    // `var` and function declarations are hoisted.
    for (const st of statements) {
      if (Node.isFunctionDeclaration(st) && st.getName()) scope.vars.set(st.getName()!, { k: 'fn', node: st, closure: scope });
    }
    for (const st of statements) this.stmt(st, scope);
  }

  private stmt(st: Node, scope: Scope): void {
    this.tick(st);
    if (Node.isBlock(st)) return this.block(st.getStatements(), scope);
    if (Node.isEmptyStatement(st) || Node.isFunctionDeclaration(st) || Node.isInterfaceDeclaration(st) || Node.isTypeAliasDeclaration(st)) return;
    if (Node.isVariableStatement(st)) {
      for (const d of st.getDeclarations()) this.declare(d.getNameNode(), d.getInitializer() ? this.expr(d.getInitializer()!, scope, d) : UNDEF, scope, d);
      return;
    }
    if (Node.isExpressionStatement(st)) {
      this.effect(st.getExpression(), scope);
      return;
    }
    if (Node.isIfStatement(st)) {
      const c = truthy(this.expr(st.getExpression(), scope));
      if (c === undefined) {
        if (inert(st.getThenStatement()) && (!st.getElseStatement() || inert(st.getElseStatement()!))) return;
        this.giveUp(`the condition \`${st.getExpression().getText().slice(0, 50)}\` is not statically known`, st);
      }
      if (c) this.stmt(st.getThenStatement(), scope);
      else if (st.getElseStatement()) this.stmt(st.getElseStatement()!, scope);
      return;
    }
    if (Node.isSwitchStatement(st)) {
      const v = this.expr(st.getExpression(), scope);
      if (v.k === 'unknown') this.giveUp(`the switch value \`${st.getExpression().getText().slice(0, 50)}\` is not statically known`, st);
      const clauses = st.getCaseBlock().getClauses();
      let start = -1;
      for (let i = 0; i < clauses.length && start < 0; i++) {
        const c = clauses[i];
        if (Node.isCaseClause(c)) {
          const eq = same(v, this.expr(c.getExpression(), scope));
          if (eq === undefined) this.giveUp('a case value is not statically known', c);
          if (eq) start = i;
        }
      }
      if (start < 0) start = clauses.findIndex((c) => Node.isDefaultClause(c));
      if (start < 0) return;
      try {
        for (let i = start; i < clauses.length; i++) this.block(clauses[i].getStatements(), scope);
      } catch (e) {
        if (e instanceof Signal && e.kind === 'break') return;
        throw e;
      }
      return;
    }
    if (Node.isForInStatement(st)) {
      const target = this.expr(st.getExpression(), scope);
      if (target.k !== 'obj' || target.open) this.giveUp(`\`for…in\` over \`${st.getExpression().getText().slice(0, 50)}\`, which is not a literal object`, st);
      return this.loop(keysOf(target.props).map((k) => ({ k: 'str', v: k }) as V), st.getInitializer(), st.getStatement(), scope, st);
    }
    if (Node.isForOfStatement(st)) {
      const target = this.expr(st.getExpression(), scope);
      if (target.k !== 'arr') this.giveUp(`\`for…of\` over \`${st.getExpression().getText().slice(0, 50)}\`, which is not a literal array`, st);
      return this.loop(target.items, st.getInitializer(), st.getStatement(), scope, st);
    }
    if (Node.isReturnStatement(st)) throw new Signal('return', st.getExpression() ? this.expr(st.getExpression()!, scope) : UNDEF);
    if (Node.isBreakStatement(st) && !st.getLabel()) throw new Signal('break');
    if (Node.isContinueStatement(st) && !st.getLabel()) throw new Signal('continue');
    if (Node.isThrowStatement(st)) this.giveUp('a `throw` is reached', st);
    if (inert(st)) return;
    this.giveUp(`a \`${st.getKindName()}\` statement is not evaluated`, st);
  }

  private loop(items: V[], init: Node, body: Node, scope: Scope, at: Node): void {
    if (items.length > MAX_ITERATIONS) this.giveUp('too many iterations', at);
    for (const item of items) {
      const binding = Node.isVariableDeclarationList(init) ? init.getDeclarations()[0]?.getNameNode() : init;
      if (!binding) this.giveUp('a loop without a variable', at);
      this.declare(binding, item, scope);
      try {
        this.stmt(body, scope);
      } catch (e) {
        if (e instanceof Signal && e.kind === 'continue') continue;
        if (e instanceof Signal && e.kind === 'break') break;
        throw e;
      }
    }
  }

  /** Binds a name or a destructuring pattern. */
  private declare(name: Node, value: V, scope: Scope, decl?: Node): void {
    if (Node.isIdentifier(name)) {
      // A router created here is the one the ordinary scan knows by its declaration (its mounts hang there).
      if (value.k === 'router' && decl) {
        const info = this.host.routerOf(name);
        if (info) value = { ...value, info };
      }
      this.assignVar(name.getText(), value, scope);
      return;
    }
    if (Node.isArrayBindingPattern(name)) {
      name.getElements().forEach((el, i) => {
        if (Node.isOmittedExpression(el)) return;
        if (el.getDotDotDotToken()) this.giveUp('a rest element', el);
        this.declare(el.getNameNode(), value.k === 'arr' ? (value.items[i] ?? UNDEF) : value.k === 'unknown' ? value : UNDEF, scope);
      });
      return;
    }
    if (Node.isObjectBindingPattern(name)) {
      for (const el of name.getElements()) {
        if (el.getDotDotDotToken()) this.giveUp('a rest element', el);
        const key = el.getPropertyNameNode()?.getText() ?? el.getName();
        this.declare(el.getNameNode(), this.member(value, key, el), scope);
      }
      return;
    }
    this.giveUp('an assignment target that is not a name', name);
  }

  private assignVar(name: string, value: V, scope: Scope): void {
    // Assign to the nearest scope that has it (closures), else the current one.
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      if (s.vars.has(name)) {
        s.vars.set(name, value);
        return;
      }
    }
    scope.vars.set(name, value);
  }

  /** An expression evaluated for its effects (its value is not used). */
  private effect(e0: Node, scope: Scope): void {
    const e = unwrap(e0);
    // `verbose && console.log(...)`
    if (Node.isBinaryExpression(e) && ['&&', '||'].includes(e.getOperatorToken().getText())) {
      const l = truthy(this.expr(e.getLeft(), scope));
      if (l === undefined) {
        if (inert(e.getRight())) return;
        this.giveUp(`\`${e.getLeft().getText().slice(0, 40)}\` is not statically known`, e);
      }
      if (l === (e.getOperatorToken().getText() === '&&')) this.effect(e.getRight(), scope);
      return;
    }
    this.expr(e, scope);
  }

  // ---------- expressions ----------

  private expr(e0: Node, scope: Scope | undefined, decl?: Node): V {
    const e = unwrap(e0);
    this.tick(e);
    if (Node.isStringLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e)) return { k: 'str', v: e.getLiteralValue() };
    if (Node.isNumericLiteral(e)) return { k: 'num', v: e.getLiteralValue() };
    if (e.getKind() === SyntaxKind.TrueKeyword) return { k: 'bool', v: true };
    if (e.getKind() === SyntaxKind.FalseKeyword) return { k: 'bool', v: false };
    if (e.getKind() === SyntaxKind.NullKeyword) return { k: 'null' };
    if (e.getKind() === SyntaxKind.ThisKeyword) {
      for (let s = scope; s; s = s.parent) if (s.self) return s.self;
      const r = this.host.routerOf(e);
      return r ? { k: 'router', info: r, expr: e } : unknown('this');
    }
    if (Node.isTemplateExpression(e)) {
      let out = e.getHead().getLiteralText();
      for (const span of e.getTemplateSpans()) {
        const s = asString(this.expr(span.getExpression(), scope));
        if (s === undefined) return unknown('template');
        out += s + span.getLiteral().getLiteralText();
      }
      return { k: 'str', v: out };
    }
    if (Node.isIdentifier(e)) return this.identifier(e, scope);
    if (isFunctionLike(e)) return { k: 'fn', node: e, closure: scope };
    if (Node.isObjectLiteralExpression(e)) {
      const props = new Map<string, V>();
      for (const p of e.getProperties()) {
        if (Node.isPropertyAssignment(p)) {
          const nameNode = p.getNameNode();
          let key: string | undefined;
          if (Node.isComputedPropertyName(nameNode)) key = asString(this.expr(nameNode.getExpression(), scope));
          else if (Node.isStringLiteral(nameNode) || Node.isNumericLiteral(nameNode)) key = String(nameNode.getLiteralValue());
          else key = nameNode.getText();
          if (key === undefined) return { k: 'obj', props, open: true };
          props.set(key, this.valueWithRef(p.getInitializer()!, scope));
        } else if (Node.isShorthandPropertyAssignment(p)) props.set(p.getName(), this.valueWithRef(p.getNameNode(), scope));
        else if (Node.isMethodDeclaration(p)) props.set(p.getName(), { k: 'fn', node: p, ref: p, closure: scope });
        else return { k: 'obj', props, open: true };
      }
      return { k: 'obj', props };
    }
    if (Node.isArrayLiteralExpression(e)) {
      const items: V[] = [];
      for (const el of e.getElements()) {
        if (Node.isSpreadElement(el)) {
          const inner = this.expr(el.getExpression(), scope);
          if (inner.k !== 'arr') return unknown('spread');
          items.push(...inner.items);
        } else items.push(this.valueWithRef(el, scope));
      }
      return { k: 'arr', items };
    }
    if (Node.isPropertyAccessExpression(e)) {
      const obj = this.expr(e.getExpression(), scope);
      const v = this.member(obj, e.getName(), e);
      return v;
    }
    if (Node.isElementAccessExpression(e)) {
      const obj = this.expr(e.getExpression(), scope);
      const key = asString(this.expr(e.getArgumentExpressionOrThrow(), scope));
      if (key === undefined) return unknown('computed key');
      return this.member(obj, key, e);
    }
    if (Node.isPrefixUnaryExpression(e)) {
      const v = this.expr(e.getOperand(), scope);
      switch (e.getOperatorToken()) {
        case SyntaxKind.ExclamationToken: {
          const t = truthy(v);
          return t === undefined ? unknown('!') : { k: 'bool', v: !t };
        }
        case SyntaxKind.TildeToken:
          return v.k === 'num' ? { k: 'num', v: ~v.v } : unknown('~');
        case SyntaxKind.MinusToken:
          return v.k === 'num' ? { k: 'num', v: -v.v } : unknown('-');
        default:
          return unknown('unary');
      }
    }
    if (Node.isTypeOfExpression(e)) {
      const t = typeOf(this.expr(e.getExpression(), scope));
      return t ? { k: 'str', v: t } : unknown('typeof');
    }
    if (Node.isConditionalExpression(e)) {
      const c = truthy(this.expr(e.getCondition(), scope));
      if (c === undefined) return unknown('condition');
      return this.expr(c ? e.getWhenTrue() : e.getWhenFalse(), scope);
    }
    if (Node.isBinaryExpression(e)) return this.binary(e, scope);
    if (Node.isCallExpression(e)) return this.call(e, scope, decl);
    if (Node.isNewExpression(e)) {
      const r = this.host.routerOf(e);
      return r ? { k: 'router', info: r, expr: e } : unknown('new');
    }
    return unknown(e.getKindName());
  }

  /** A value that keeps the expression naming it, so a handler is labelled as written (`users.list`). */
  private valueWithRef(e: Node, scope: Scope | undefined): V {
    const v = this.expr(e, scope);
    const u = unwrap(e);
    if (v.k === 'fn' && !v.ref && (Node.isIdentifier(u) || Node.isPropertyAccessExpression(u)) && !v.closure) return { ...v, ref: u };
    if (v.k === 'fn' && !v.ref && (Node.isIdentifier(u) || Node.isPropertyAccessExpression(u))) return { ...v, ref: u };
    return v;
  }

  private binary(e: import('ts-morph').BinaryExpression, scope: Scope | undefined): V {
    const op = e.getOperatorToken().getText();
    if (op === '=' || op === '+=') {
      const left = unwrap(e.getLeft());
      let value = this.expr(e.getRight(), scope);
      if (op === '+=') {
        const l = asString(this.expr(left, scope));
        const r = asString(value);
        value = l !== undefined && r !== undefined ? { k: 'str', v: l + r } : unknown('+=');
      }
      if (Node.isIdentifier(left) && scope) {
        this.assignVar(left.getText(), value, scope);
        return value;
      }
      if (Node.isPropertyAccessExpression(left) || Node.isElementAccessExpression(left)) {
        const target = this.expr(left.getExpression(), scope);
        if (target.k === 'obj') {
          const key = Node.isPropertyAccessExpression(left) ? left.getName() : asString(this.expr(left.getArgumentExpressionOrThrow(), scope));
          if (key === undefined) target.open = true;
          else target.props.set(key, value);
          return value;
        }
        if (target.k === 'arr') this.giveUp('an array it evaluates is changed', e);
        // Setting a field on a router or an unknown object does not change the routes evaluated here.
        return value;
      }
      this.giveUp('an assignment it cannot follow', e);
    }
    if (op === '&&' || op === '||' || op === '??') {
      const l = this.expr(e.getLeft(), scope);
      if (op === '??') return l.k === 'undef' || l.k === 'null' ? this.expr(e.getRight(), scope) : l.k === 'unknown' ? l : l;
      const t = truthy(l);
      if (t === undefined) return unknown(op);
      return t === (op === '&&') ? this.expr(e.getRight(), scope) : l;
    }
    const l = this.expr(e.getLeft(), scope);
    const r = this.expr(e.getRight(), scope);
    switch (op) {
      case '+': {
        if (l.k === 'num' && r.k === 'num') return { k: 'num', v: l.v + r.v };
        const a = asString(l);
        const b = asString(r);
        return a !== undefined && b !== undefined && (l.k === 'str' || r.k === 'str') ? { k: 'str', v: a + b } : unknown('+');
      }
      case '===':
      case '!==':
      case '==':
      case '!=': {
        const eq = same(l, r);
        if (eq === undefined) return unknown(op);
        return { k: 'bool', v: op.startsWith('!') ? !eq : eq };
      }
      default:
        return unknown(op);
    }
  }

  private member(obj: V, key: string, at: Node): V {
    if (obj.k === 'obj') {
      if (obj.props.has(key)) {
        const v = obj.props.get(key)!;
        return v.k === 'fn' && !v.ref && !v.label && obj.label ? { ...v, label: /^[A-Za-z_$][\w$]*$/.test(key) ? `${obj.label}.${key}` : `${obj.label}[${JSON.stringify(key)}]`, shape: 'member' } : v;
      }
      return obj.open ? unknown(`property ${key}`) : UNDEF;
    }
    if (obj.k === 'arr') {
      if (key === 'length') return { k: 'num', v: obj.items.length };
      if (/^\d+$/.test(key)) return obj.items[Number(key)] ?? UNDEF;
      return { k: 'builtin', name: `array.${key}` };
    }
    if (obj.k === 'str' && key === 'length') return { k: 'num', v: obj.v.length };
    if (obj.k === 'builtin') return { k: 'builtin', name: `${obj.name}.${key}` };
    if (obj.k === 'undef' || obj.k === 'null') this.giveUp(`reads \`${key}\` of ${obj.k === 'undef' ? 'undefined' : 'null'}`, at);
    return unknown(`property ${key}`);
  }

  private identifier(id: Node, scope: Scope | undefined): V {
    const name = id.getText();
    for (let s = scope; s; s = s.parent) if (s.vars.has(name)) return s.vars.get(name)!;
    if (name === 'undefined') return UNDEF;
    if (name === '__dirname') return { k: 'str', v: path.dirname(id.getSourceFile().getFilePath()) };
    if (name === '__filename') return { k: 'str', v: id.getSourceFile().getFilePath() };
    if (name === 'require') return { k: 'builtin', name: 'require' };
    if (name === 'Object' || name === 'console') return { k: 'builtin', name };
    const spec = moduleOf(id);
    if (spec === 'fs' || spec === 'node:fs' || spec === 'path' || spec === 'node:path') return { k: 'builtin', name: spec.replace(/^node:/, '') };
    return this.staticValue(id);
  }

  /** The value of a name declared outside the evaluated code: a const (or never reassigned) literal, a function, a router. */
  private staticValue(id: Node): V {
    const decl = declarationsOf(id)[0];
    if (!decl || isExternal(decl)) {
      const r = this.host.routerOf(id);
      return r ? { k: 'router', info: r, expr: id } : unknown(id.getText());
    }
    const cached = this.staticCache.get(decl);
    if (cached) return cached;
    if (Node.isSourceFile(decl)) return this.moduleExports(decl);
    let v: V = unknown(id.getText());
    if (Node.isFunctionDeclaration(decl) && decl.getBody()) v = { k: 'fn', node: decl, ref: id };
    else if (Node.isVariableDeclaration(decl) && decl.getInitializer() && Node.isIdentifier(decl.getNameNode()) && !this.evaluatingDecls.has(decl)) {
      const r = this.host.routerOf(id);
      if (r) v = { k: 'router', info: r, expr: id };
      else if (!reassigned(decl)) {
        this.evaluatingDecls.add(decl);
        try {
          v = this.expr(decl.getInitializer()!, undefined, decl);
          if (v.k === 'fn') v = { ...v, ref: id };
          if (v.k === 'obj' && !v.label) v = Object.assign(v, { label: id.getText() });
        } finally {
          this.evaluatingDecls.delete(decl);
        }
      }
    } else {
      const r = this.host.routerOf(id);
      if (r) v = { k: 'router', info: r, expr: id };
    }
    this.staticCache.set(decl, v);
    return v;
  }

  private call(e: CallExpression, scope: Scope | undefined, decl?: Node): V {
    const calleeNode = unwrap(e.getExpression());
    // Registrations: `recv.verb(path, ...fns)`, `recv[method](...)`.
    let method: string | undefined;
    let recvNode: Node | undefined;
    if (Node.isPropertyAccessExpression(calleeNode)) {
      method = calleeNode.getName();
      recvNode = calleeNode.getExpression();
    } else if (Node.isElementAccessExpression(calleeNode)) {
      recvNode = calleeNode.getExpression();
      method = asString(this.expr(calleeNode.getArgumentExpressionOrThrow(), scope));
    }
    const recv = recvNode ? this.expr(recvNode, scope) : undefined;
    // fs.statSync(p).isDirectory() / .isFile()
    if (recv?.k === 'obj' && (method === 'isDirectory' || method === 'isFile') && recv.props.has(`__${method}`)) return recv.props.get(`__${method}`)!;
    if (recv?.k === 'router') {
      if (method === undefined) this.giveUp(`the method of \`${calleeNode.getText().slice(0, 40)}\` is not statically known`, e);
      if (VERBS.has(method) && e.getArguments().length >= 2) return this.register(e, method, recv, scope);
      if (method === 'route') this.giveUp('`route()` chains are not evaluated', e);
      if (method === 'use') return this.mount(e, recv, scope);
      // Other router methods (set, use, engine, listen) or a helper defined on the app.
      const helper = this.host.helperOf(recv.info as R, method);
      const prop = helper ? ({ k: 'fn', node: helper } as const) : Node.isPropertyAccessExpression(calleeNode) ? this.staticMember(calleeNode) : undefined;
      if (prop?.k === 'fn') return this.invoke(prop, e.getArguments().map((a) => this.expr(a, scope)), recv, e);
      // `app[m](path, fn)` with `m` known but not a route method (`'GET'`): not a registration the scan can make either.
      if (Node.isElementAccessExpression(calleeNode) && e.getArguments().length >= 2) this.giveUp(`the computed method \`${method}\` of \`${calleeNode.getText().slice(0, 40)}\` is not a route method`, e);
      this.noEffects(e, scope);
      return unknown('router call');
    }
    const callee = this.expr(calleeNode, scope);
    if (callee.k === 'builtin') return this.builtin(callee.name, e, scope, recv);
    if (callee.k === 'fn') {
      const args = e.getArguments().map((a) => this.expr(a, scope));
      return this.invoke(callee, args, recv, e);
    }
    if (recv?.k === 'builtin' || (recv?.k === 'str' && method)) return this.builtin(`${recv.k === 'str' ? 'string' : recv.name}.${method}`, e, scope, recv);
    // express() / Router() and friends.
    const r = this.host.routerOf(e);
    if (r) return { k: 'router', info: r, expr: decl ?? e };
    this.noEffects(e, scope);
    return unknown(`\`${calleeNode.getText().slice(0, 40)}(...)\``);
  }

  /** `app.resource = function (...) {}` / a method on an object: the function a member names statically. */
  private staticMember(pa: import('ts-morph').PropertyAccessExpression): V | undefined {
    for (const d of declarationsOf(pa)) {
      if (isExternal(d)) return undefined;
      const parent = d.getParent();
      const right = Node.isPropertyAccessExpression(d) && parent && Node.isBinaryExpression(parent) ? parent.getRight() : Node.isBinaryExpression(d) ? d.getRight() : undefined;
      const fn = right && unwrap(right);
      if (fn && isFunctionLike(fn)) return { k: 'fn', node: fn };
    }
    return undefined;
  }

  /** A call the evaluator does not follow: fine unless it could register routes or change what is tracked. */
  private noEffects(e: CallExpression, scope: Scope | undefined): void {
    for (const a of e.getArguments()) {
      const u = unwrap(a);
      if (isFunctionLike(u) && u.getDescendantsOfKind(SyntaxKind.CallExpression).some((c) => this.host.isRegistrationSite(c))) {
        this.giveUp(`\`${e.getExpression().getText().slice(0, 40)}(...)\` takes a callback with registrations and is not evaluated`, e);
      }
      if (Node.isIdentifier(u) && scope) {
        const v = this.identifier(u, scope);
        if (v.k === 'obj' || v.k === 'arr') this.giveUp(`\`${u.getText()}\` is passed to \`${e.getExpression().getText().slice(0, 40)}(...)\`, which could change it`, e);
      }
    }
  }

  private invoke(fn: V & { k: 'fn' }, args: V[], self: V | undefined, at?: Node): V {
    if (++this.depth > MAX_DEPTH) this.giveUp('recursion too deep', at ?? fn.node);
    try {
      const scope: Scope = { vars: new Map(), parent: fn.closure, ...(self && !Node.isArrowFunction(fn.node) ? { self } : {}) };
      fn.node.getParameters().forEach((p, i) => {
        let v = args[i] ?? UNDEF;
        if (v.k === 'undef' && p.getInitializer()) v = this.expr(p.getInitializer()!, scope);
        if (p.getDotDotDotToken()) v = { k: 'arr', items: args.slice(i) };
        this.declare(p.getNameNode(), v, scope);
      });
      const body = fn.node.getBody()!;
      if (!Node.isBlock(body)) return this.expr(body, scope);
      try {
        this.block(body.getStatements(), scope);
      } catch (e) {
        if (e instanceof Signal && e.kind === 'return') return e.value ?? UNDEF;
        if (e instanceof Signal) this.giveUp('`break`/`continue` outside a loop', body);
        throw e;
      }
      return UNDEF;
    } finally {
      this.depth--;
    }
  }

  private builtin(name: string, e: CallExpression, scope: Scope | undefined, recv: V | undefined): V {
    const args = () => e.getArguments().map((a) => this.expr(a, scope));
    const strs = (vs: V[]) => vs.map(asString);
    switch (name) {
      case 'Object.keys':
      case 'Object.values':
      case 'Object.entries': {
        const [o] = args();
        if (o?.k !== 'obj' || o.open) this.giveUp(`\`${name}\` of something that is not a literal object`, e);
        const keys = keysOf(o.props);
        if (name === 'Object.keys') return { k: 'arr', items: keys.map((k) => ({ k: 'str', v: k })) };
        if (name === 'Object.values') return { k: 'arr', items: keys.map((k) => o.props.get(k)!) };
        return { k: 'arr', items: keys.map((k) => ({ k: 'arr', items: [{ k: 'str', v: k }, o.props.get(k)!] })) };
      }
      case 'array.forEach': {
        if (recv?.k !== 'arr') this.giveUp('forEach over an unknown array', e);
        const [cb] = args();
        if (cb?.k !== 'fn') this.giveUp('forEach with a callback that is not a function', e);
        if (recv.items.length > MAX_ITERATIONS) this.giveUp('too many iterations', e);
        recv.items.forEach((item, i) => this.invoke(cb, [item, { k: 'num', v: i }, recv], undefined, e));
        return UNDEF;
      }
      case 'array.indexOf': {
        if (recv?.k !== 'arr') return unknown('indexOf');
        const [x] = args();
        const found = recv.items.map((it) => same(it, x));
        if (found.some((f) => f === undefined)) return unknown('indexOf');
        return { k: 'num', v: found.indexOf(true) };
      }
      case 'array.includes': {
        if (recv?.k !== 'arr') return unknown('includes');
        const [x] = args();
        const found = recv.items.map((it) => same(it, x));
        if (found.some((f) => f === undefined)) return unknown('includes');
        return { k: 'bool', v: found.includes(true) };
      }
      case 'path.join':
      case 'path.resolve': {
        const parts = strs(args());
        if (parts.some((p) => p === undefined)) return unknown(name);
        return { k: 'str', v: name === 'path.join' ? path.join(...(parts as string[])) : path.resolve(...(parts as string[])) };
      }
      case 'fs.readdirSync': {
        const [dir] = strs(args());
        if (dir === undefined || e.getArguments().length !== 1) this.giveUp('`fs.readdirSync` of a folder that is not statically known', e);
        let names: string[];
        try {
          names = fs.readdirSync(dir).sort();
        } catch {
          this.giveUp(`\`fs.readdirSync\`: ${dir} cannot be read at analysis time`, e);
        }
        this.scanned.push(dir);
        return { k: 'arr', items: names.map((n) => ({ k: 'str', v: n })) };
      }
      case 'fs.statSync': {
        const [file] = strs(args());
        if (file === undefined) this.giveUp('`fs.statSync` of a path that is not statically known', e);
        let st: fs.Stats;
        try {
          st = fs.statSync(file);
        } catch {
          this.giveUp(`\`fs.statSync\`: ${file} does not exist at analysis time`, e);
        }
        return { k: 'obj', props: new Map<string, V>([['__isDirectory', { k: 'bool', v: st.isDirectory() }], ['__isFile', { k: 'bool', v: st.isFile() }]]) };
      }
      case 'fs.existsSync': {
        const [file] = strs(args());
        if (file === undefined) this.giveUp('`fs.existsSync` of a path that is not statically known', e);
        return { k: 'bool', v: fs.existsSync(file) };
      }
      case 'require':
        return this.requireValue(e, scope);
      default:
        if (name.startsWith('console.')) return UNDEF;
        if (name.startsWith('string.')) return unknown(name);
        this.noEffects(e, scope);
        return unknown(name);
    }
  }

  /** `require(x)` with a known path: the module's exports as an object (closed when every export is written literally). */
  private requireValue(e: CallExpression, scope: Scope | undefined): V {
    const [spec] = e.getArguments().map((a) => asString(this.expr(a, scope)));
    if (spec === undefined) this.giveUp('`require` of a path that is not statically known', e);
    const from = e.getSourceFile();
    const rel = path.isAbsolute(spec) ? './' + path.relative(path.dirname(from.getFilePath()), spec).split(path.sep).join('/') : spec;
    if (!rel.startsWith('.')) return spec === 'fs' || spec === 'path' ? { k: 'builtin', name: spec } : unknown(`require('${spec}')`);
    const target = resolveModuleFile(from, rel.startsWith('./..') ? rel.slice(2) : rel);
    if (!target) this.giveUp(`\`require('${spec}')\` is not a project file`, e);
    return this.moduleExports(target);
  }

  private readonly modules = new Map<SourceFile, V>();

  private moduleExports(sf: SourceFile): V {
    const cached = this.modules.get(sf);
    if (cached) return cached;
    const props = new Map<string, V>();
    const mod: V & { k: 'obj' } = { k: 'obj', props };
    this.modules.set(sf, mod);
    let recognised = 0;
    for (const st of sf.getStatements()) {
      if (!Node.isExpressionStatement(st)) continue;
      const ex = st.getExpression();
      if (!Node.isBinaryExpression(ex) || ex.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
      const left = ex.getLeft();
      if (Node.isPropertyAccessExpression(left) && /^(module\.)?exports$/.test(left.getExpression().getText())) {
        recognised++;
        const v = this.expr(ex.getRight(), undefined);
        props.set(left.getName(), v.k === 'fn' ? { ...v, label: `exports.${left.getName()}`, shape: 'commonjs-export' } : v);
      } else if (left.getText() === 'module.exports' && Node.isObjectLiteralExpression(unwrap(ex.getRight()))) {
        recognised++;
        const v = this.expr(ex.getRight(), undefined);
        if (v.k === 'obj') for (const [k, pv] of v.props) props.set(k, pv.k === 'fn' ? { ...pv, label: `exports.${k}`, shape: 'commonjs-export' } : pv);
        if (v.k === 'obj' && v.open) mod.open = true;
      }
    }
    // ES modules: the exported declarations (a namespace import is closed).
    if (!recognised && sf.getImportDeclarations().length + sf.getExportDeclarations().length + sf.getExportAssignments().length + sf.getStatements().filter((st) => Node.isExportable(st) && st.isExported()).length > 0) {
      for (const [name, decls] of sf.getExportedDeclarations()) {
        const d = decls[0];
        if (!d || isExternal(d)) continue;
        if (Node.isFunctionDeclaration(d) && d.getBody()) props.set(name, { k: 'fn', node: d, label: `${path.basename(sf.getFilePath()).replace(/\.[cm]?[jt]sx?$/, '')}.${name}`, shape: 'namespace-import' });
        else if (Node.isVariableDeclaration(d) && d.getInitializer()) props.set(name, this.expr(d.getInitializer()!, undefined, d));
        else props.set(name, unknown(name));
      }
      return mod;
    }
    // Any other use of `exports` could add or remove keys: the object is then not closed.
    const uses = (sf.getFullText().match(/\b(module\.)?exports\b/g) ?? []).length;
    if (uses !== recognised) mod.open = true;
    return mod;
  }

  /**
   * `parent.use([prefix], ...targets)`: routers among the targets are mounts; functions are middleware. A prefix or
   * target that is not known stops evaluation only when it is decided by the evaluated code (a parameter or loop
   * variable); anything else (`express.json()`) is middleware the ordinary scan looks at.
   */
  private mount(e: CallExpression, recv: V & { k: 'router' }, scope: Scope | undefined): V {
    const args = e.getArguments();
    const values = args.map((a) => this.expr(a, scope));
    const local = (n: Node) => !!scope && [n, ...n.getDescendantsOfKind(SyntaxKind.Identifier)].some((id) => Node.isIdentifier(id) && [...scopeNames(scope)].includes(id.getText()));
    let prefix = '';
    let first = 0;
    if (values[0]?.k === 'str') {
      prefix = values[0].v;
      first = 1;
    } else if (values[0]?.k === 'unknown' && args.length > 1 && local(args[0])) {
      this.giveUp(`the mount prefix \`${args[0].getText().slice(0, 40)}\` is not statically known`, e);
    }
    for (let i = first; i < values.length; i++) {
      const t = values[i];
      if (t.k === 'router') this.mounts.push({ call: e, parent: recv.info as R, prefix, child: t.info as R });
      else if (t.k === 'unknown' && local(args[i])) this.giveUp(`the mounted value \`${args[i].getText().slice(0, 40)}\` is not statically known`, e);
    }
    return recv;
  }

  /** The handler a wrapper factory's call forwards to (`makeHandlerAwareOfAsyncErrors(routeController.getAll)`), evaluated. */
  private wrappedValue(call: CallExpression, result: V & { k: 'fn' }, scope: Scope | undefined): (V & { k: 'fn' }) | undefined {
    const factory = this.expr(unwrap(call.getExpression()), scope);
    if (factory.k !== 'fn' || !isFunctionLike(result.node) || !result.node.getFirstAncestor((a) => a === factory.node)) return undefined;
    const index = wrappedParamIndex(factory.node, result.node);
    const arg = index >= 0 ? call.getArguments()[index] : undefined;
    const v = arg ? this.expr(unwrap(arg), scope) : undefined;
    return v?.k === 'fn' && isFunctionLike(v.node) ? v : undefined;
  }

  private register(e: CallExpression, method: string, recv: V & { k: 'router' }, scope: Scope | undefined): V {
    const [pathArg, ...rest] = e.getArguments();
    const p = asString(this.expr(pathArg, scope));
    if (p === undefined) this.giveUp(`the path \`${pathArg.getText().slice(0, 40)}\` is not statically known`, e);
    const chain: ChainArg[] = [];
    for (const a of rest) {
      const u = unwrap(a);
      const v = this.expr(u, scope);
      const written = (f: V & { k: 'fn' }) => !!f.ref && (Node.isIdentifier(f.ref) || Node.isPropertyAccessExpression(f.ref));
      // `wrap(handler)` whose result calls `handler(req, res, next)`: the handler is the argument's value (per loop
      // iteration), reached through the wrapper, as the resolver finds it for a written call
      const inner = v.k === 'fn' && Node.isCallExpression(u) ? this.wrappedValue(u, v, scope) : undefined;
      if (inner && Node.isCallExpression(u)) chain.push({ node: inner.node, label: `${unwrap(u.getExpression()).getText()}(${u.getArguments().map((x) => x.getText().replace(/\s+/g, ' ').slice(0, 40)).join(', ')})`, shape: 'wrapped' });
      else if (v.k === 'fn') chain.push(written(v) ? { node: v.ref! } : { node: v.ref ?? v.node, ...(v.label ? { label: v.label } : {}), ...(v.shape ? { shape: v.shape } : {}) });
      else if (v.k === 'arr' && v.items.every((it) => it.k === 'fn')) for (const it of v.items as Array<V & { k: 'fn' }>) chain.push(it.ref ? { node: it.ref } : { node: it.node });
      else if (Node.isIdentifier(u) || Node.isPropertyAccessExpression(u) || Node.isCallExpression(u)) {
        // Not a literal function value: left to the resolver, which says why when it cannot follow it.
        const paramLike = Node.isIdentifier(u) && scope && [...scopeNames(scope)].includes(u.getText());
        if (paramLike) this.giveUp(`the handler \`${u.getText()}\` is not statically known`, e);
        chain.push({ node: u });
      } else this.giveUp(`the handler \`${u.getText().slice(0, 40)}\` is not statically known`, e);
    }
    this.regs.push({ call: e, method: method === 'del' ? 'delete' : method, path: p, chain, router: recv.info as R });
    return recv;
  }
}
