/**
 * Where static evaluation applies: a registration whose method, path or handler comes from a parameter or a loop
 * variable is evaluated as part of its *unit* — the function it is in (evaluated once per call site elsewhere in the
 * project, with the real arguments), or, at module level, the top-level statement holding the loop. Callbacks passed
 * to calls (`arr.forEach(function (x) {...})`) belong to the unit around them.
 */
import path from 'node:path';
import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import { Evaluator, type ChainArg, type EvalHost, type EvaluatedMount, type EvaluatedRegistration } from './evaluate.js';
import { declarationsOf, isFunctionLike, resolveFunction, stringValue, symbolOf, unwrap, type FnNode } from './resolve.js';
import type { Loc } from './types.js';
import { locOf } from './resolve.js';

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options']);

export type Unit = { kind: 'fn'; fn: FnNode } | { kind: 'stmt'; st: Node };

export interface UnitOutcome<R> {
  /** Registrations found, with the call site (or statement) they were evaluated from. */
  regs: Array<EvaluatedRegistration<R> & { from: Loc; scanned: string[] }>;
  /** Mounts (`use(prefix, router)`) found the same way. */
  mounts: Array<EvaluatedMount<R> & { from: Loc; scanned: string[] }>;
  /** Why some evaluation stopped (empty when every call site evaluated). */
  failures: string[];
  /** Every call site of the unit evaluated completely (and there was at least one). */
  complete: boolean;
}

export type { ChainArg };

/** `recv.verb(...)` or `recv[x](...)`: a call the builder would look at as a registration. */
export function isRegistrationLike(call: CallExpression): boolean {
  const c = call.getExpression();
  if (Node.isElementAccessExpression(c)) return true;
  return Node.isPropertyAccessExpression(c) && VERBS.has(c.getName()) && call.getArguments().length >= 2;
}

/** A function passed as an argument (a callback) is part of the code around it. */
function isCallback(fn: Node): boolean {
  const p = fn.getParent();
  return !!p && (Node.isCallExpression(p) || Node.isNewExpression(p)) && (p.getArguments() as Node[]).includes(fn);
}

export function unitOf(call: CallExpression): Unit | undefined {
  let fn: Node | undefined = call.getFirstAncestor((a) => isFunctionLike(a));
  while (fn && isCallback(fn)) fn = fn.getFirstAncestor((a) => isFunctionLike(a));
  if (fn) return { kind: 'fn', fn: fn as FnNode };
  let st: Node = call;
  while (st.getParent() && !Node.isSourceFile(st.getParent()!)) st = st.getParent()!;
  if (Node.isExpressionStatement(st) && unwrap(st.getExpression()) === call) return undefined;
  const inLoop = !!call.getFirstAncestor((a) => Node.isForInStatement(a) || Node.isForOfStatement(a) || (isFunctionLike(a) && isCallback(a)));
  return inLoop ? { kind: 'stmt', st } : undefined;
}

/** Whether a name is a parameter or loop variable (of the unit's code), so its value is decided by the caller/loop. */
function isVariable(id: Node): boolean {
  const decl = declarationsOf(id)[0];
  if (!decl) return false;
  if (Node.isParameterDeclaration(decl) || Node.isBindingElement(decl)) return true;
  if (Node.isVariableDeclaration(decl)) {
    const list = decl.getParent();
    const holder = list?.getParent();
    if (holder && (Node.isForInStatement(holder) || Node.isForOfStatement(holder))) return true;
    // `var handler; ... handler = obj[key]` inside a function: assigned in the code being evaluated.
    return !decl.getInitializer() || !!decl.getFirstAncestor((a) => isFunctionLike(a));
  }
  return false;
}

function rootOf(e: Node): Node {
  let r = unwrap(e);
  while (Node.isPropertyAccessExpression(r) || Node.isElementAccessExpression(r)) r = unwrap(r.getExpression());
  return r;
}

/** A registration whose method, path or a handler is decided by a parameter or a loop variable. */
export function needsEvaluation(call: CallExpression): boolean {
  const callee = call.getExpression();
  if (Node.isElementAccessExpression(callee) && stringValue(callee.getArgumentExpression()) === undefined) return true;
  const [p, ...rest] = call.getArguments();
  if (!p) return false;
  const pu = unwrap(p);
  const refs = (n: Node) => [n, ...n.getDescendantsOfKind(SyntaxKind.Identifier)].filter((x) => Node.isIdentifier(x));
  if (stringValue(pu) === undefined && !Node.isRegularExpressionLiteral(pu) && refs(pu).some(isVariable)) return true;
  return rest.some((a) => {
    const r = rootOf(a);
    return (Node.isIdentifier(r) && isVariable(r)) || (Node.isElementAccessExpression(unwrap(a)) && refs(unwrap(a)).some(isVariable));
  });
}

/**
 * `app.use('/ftp', localMiddleware, serveIndex('ftp'))`: a literal prefix followed by functions only (the project's
 * or a package's, none a router) is path-scoped middleware whatever the code around it decides: nothing to evaluate.
 */
export function onlyMiddlewareMount(call: CallExpression, isRouter: (n: Node) => boolean): boolean {
  const [prefix, ...targets] = call.getArguments();
  if (!prefix || stringValue(unwrap(prefix)) === undefined || !targets.length) return false;
  return targets.every((t) => {
    if (isRouter(t)) return false;
    const r = resolveFunction(t);
    return !!r.node || r.unresolved?.reason === 'external-handler';
  });
}

/** The name a call's callee ends with: `f` of `f()` and of `x.f()` (undefined for other callees). */
function lastNameOf(callee: Node): string | undefined {
  return Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
}

interface CallIndex {
  order: Map<CallExpression, number>;
  byLast: Map<string, CallExpression[]>;
  callCallee: CallExpression[];
}

export class Units<R> {
  private readonly outcomes = new Map<Node, UnitOutcome<R>>();
  private calls: CallExpression[] | undefined;
  private helpers: Map<string, Array<{ router: R; fn: FnNode; target: Node }>> | undefined;

  constructor(
    private readonly files: SourceFile[],
    private readonly routerOf: (n: Node) => R | undefined,
  ) {}

  private allCalls(): CallExpression[] {
    this.calls ??= this.files.flatMap((sf) => sf.getDescendantsOfKind(SyntaxKind.CallExpression));
    return this.calls;
  }

  /**
   * The calls of the selected files indexed once for `callSites`: by the last name of the callee (`f` of `f()` and
   * `x.f()`), those whose callee is itself a call (`f()()`), and, on first need, those whose callee is a name bound
   * to a `require()` (`const boot = require('./boot'); boot(app)`). With the position of each in `allCalls`, so
   * the sites of a function come out in the same order as a walk over every call would give them.
   */
  private index(): CallIndex {
    if (!this.callIndex) {
      const order = new Map<CallExpression, number>();
      const byLast = new Map<string, CallExpression[]>();
      const callCallee: CallExpression[] = [];
      this.allCalls().forEach((c, i) => {
        order.set(c, i);
        const callee = unwrap(c.getExpression());
        const last = lastNameOf(callee);
        if (last !== undefined) {
          const list = byLast.get(last);
          if (list) list.push(c);
          else byLast.set(last, [c]);
        } else if (Node.isCallExpression(callee)) callCallee.push(c);
      });
      this.callIndex = { order, byLast, callCallee };
    }
    return this.callIndex;
  }

  private callIndex: CallIndex | undefined;
  private requireBoundCalls: CallExpression[] | undefined;

  /** Calls of a name whose declaration is a variable initialized with `require(...)` (renamed module bindings). */
  private requireBound(): CallExpression[] {
    this.requireBoundCalls ??= this.allCalls().filter((c) => {
      const callee = unwrap(c.getExpression());
      if (!Node.isIdentifier(callee)) return false;
      const d = symbolOf(callee)?.getDeclarations()[0];
      const init = d && Node.isVariableDeclaration(d) ? d.getInitializer() : undefined;
      return !!init && /^require\(/.test(unwrap(init).getText());
    });
    return this.requireBoundCalls;
  }

  /** `X.name = function () {}` where X is a router: helpers such as `app.resource` and `app.map`. */
  helperOf(router: R, name: string): FnNode | undefined {
    if (!this.helpers) {
      this.helpers = new Map();
      for (const sf of this.files) {
        for (const bin of sf.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
          if (bin.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
          const left = bin.getLeft();
          let right = unwrap(bin.getRight());
          while (Node.isBinaryExpression(right) && right.getOperatorToken().getKind() === SyntaxKind.EqualsToken) right = unwrap(right.getRight());
          if (!Node.isPropertyAccessExpression(left) || !isFunctionLike(right)) continue;
          const r = this.routerOf(left.getExpression());
          if (!r) continue;
          const list = this.helpers.get(left.getName()) ?? [];
          list.push({ router: r, fn: right, target: left.getExpression() });
          this.helpers.set(left.getName(), list);
        }
      }
    }
    return this.helpers.get(name)?.find((h) => h.router === router)?.fn;
  }

  private host(): EvalHost<R> {
    return { routerOf: this.routerOf, isRegistrationSite: isRegistrationLike, helperOf: (r, n) => this.helperOf(r, n) };
  }

  /** Calls of `fn` from outside it. */
  private callSites(fn: FnNode): CallExpression[] {
    const parent = fn.getParent();
    let helperName: string | undefined;
    let helperRouter: R | undefined;
    if (parent && Node.isBinaryExpression(parent) && Node.isPropertyAccessExpression(parent.getLeft())) {
      const left = parent.getLeft() as import('ts-morph').PropertyAccessExpression;
      helperRouter = this.routerOf(left.getExpression());
      if (helperRouter) helperName = left.getName();
    }
    const names = new Set<string>();
    const holder = Node.isVariableDeclaration(parent) ? parent : Node.isFunctionDeclaration(fn) ? fn : undefined;
    const own = holder && (holder as { getName?: () => string | undefined }).getName?.();
    if (own) names.add(own);
    if (Node.isFunctionExpression(fn) && fn.getName()) names.add(fn.getName()!);
    if (parent && Node.isBinaryExpression(parent) && Node.isPropertyAccessExpression(parent.getLeft())) names.add((parent.getLeft() as import('ts-morph').PropertyAccessExpression).getName());
    // Only calls that can pass the tests below: named like the function or the helper, a call of a call, or a call
    // of a name bound to a require (renamed bindings); in the order of the files.
    const index = this.index();
    const candidates = new Set<CallExpression>(index.callCallee);
    for (const name of helperName ? [...names, helperName] : names) for (const c of index.byLast.get(name) ?? []) candidates.add(c);
    for (const c of this.requireBound()) candidates.add(c);
    const ordered = [...candidates].sort((a, b) => index.order.get(a)! - index.order.get(b)!);
    const fnFile = fn.getSourceFile();
    const { pos, end } = fn.compilerNode;
    const out: CallExpression[] = [];
    for (const c of ordered) {
      // Inside the function itself (a call node within its range is one of its descendants).
      if (c.getSourceFile() === fnFile && c.compilerNode.pos >= pos && c.compilerNode.end <= end) continue;
      const callee = unwrap(c.getExpression());
      const last = lastNameOf(callee);
      if (helperName && last === helperName && Node.isPropertyAccessExpression(callee) && this.routerOf(callee.getExpression()) === helperRouter) {
        out.push(c);
        continue;
      }
      const plausible = (last !== undefined && names.has(last)) || Node.isCallExpression(callee) || Node.isIdentifier(callee) || Node.isPropertyAccessExpression(callee);
      if (!plausible) continue;
      if (last !== undefined && !names.has(last) && !Node.isCallExpression(callee)) {
        // Renamed bindings (`const boot = require('./boot')`) are checked by resolution, but only for names bound to a require.
        const d = Node.isIdentifier(callee) ? symbolOf(callee)?.getDeclarations()[0] : undefined;
        const init = d && Node.isVariableDeclaration(d) ? d.getInitializer() : undefined;
        if (!init || !/^require\(/.test(unwrap(init).getText())) continue;
      }
      if (resolveFunction(callee).node === fn) out.push(c);
    }
    return out;
  }

  outcome(unit: Unit): UnitOutcome<R> {
    const key = unit.kind === 'fn' ? unit.fn : unit.st;
    const known = this.outcomes.get(key);
    if (known) return known;
    const outcome: UnitOutcome<R> = { regs: [], mounts: [], failures: [], complete: false };
    this.outcomes.set(key, outcome);
    const evaluator = new Evaluator<R>(this.host());
    if (unit.kind === 'stmt') {
      const r = evaluator.evaluateStatement(unit.st);
      if (r.ok) {
        for (const reg of r.regs) outcome.regs.push({ ...reg, from: locOf(unit.st), scanned: r.scanned });
        for (const m of r.mounts) outcome.mounts.push({ ...m, from: locOf(unit.st), scanned: r.scanned });
      } else outcome.failures.push(r.why);
    } else {
      const sites = this.callSites(unit.fn);
      if (!sites.length) outcome.failures.push('the function holding it is not called anywhere the builder can see');
      for (const site of sites) {
        const r = evaluator.evaluateCall(site, unit.fn);
        if (r.ok) {
          for (const reg of r.regs) outcome.regs.push({ ...reg, from: locOf(site), scanned: r.scanned });
          for (const m of r.mounts) outcome.mounts.push({ ...m, from: locOf(site), scanned: r.scanned });
        } else outcome.failures.push(r.why);
      }
    }
    outcome.complete = outcome.failures.length === 0;
    return outcome;
  }
}

/** A short description of the folders read at analysis time, relative to the root. */
export function scannedText(scanned: string[], root: string): string {
  return [...new Set(scanned)].map((d) => path.relative(root, d).split(path.sep).join('/') || '.').join(', ');
}
