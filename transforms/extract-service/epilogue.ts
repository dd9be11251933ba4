/**
 * extract-service, issue 14: the epilogue of an error-first callback chain. The statements that end the last
 * callback and answer the request (`req.logout(); req.flash(…); res.redirect('/')`, `res.render('index', { users:
 * users.filter(ferrets) })`) stay in the controller, word for word, and run once the service answered; the service
 * returns the values of the logic they read (`return { count, users }`).
 *
 * Why a throw there keeps its behaviour: inside the library's callback such a throw escaped into the library (a local
 * API deferring with `process.nextTick`, mongoose 5's `utils.tick` that rethrows on `process.nextTick`): an uncaught
 * exception. The controller runs the epilogue as the success reaction of `.then(ok, onError)`, so the service's own
 * failure still takes the error path (`next(err)`, domain errors answered) and nothing the epilogue throws reaches
 * `next`: the promise `.then` returns rejects. An unhandled rejection is raised as an uncaught exception by Node 15
 * and later (default `--unhandled-rejections=throw`), but only warns on Node 14 and before, where the request would
 * hang instead of the process crashing; so unless the package declares `engines.node` of 15 or later, the chain
 * ends with `.catch((err) => process.nextTick(() => { throw err; }))`, the very rethrow mongoose does (where the
 * program does not declare `process`, no @types/node, `queueMicrotask`, whose callback's throw Node reports as an
 * uncaught exception too; neither declared: refused, `callback-may-throw`). The chain is
 * never returned to the router, so Express 5's handling of rejected handler promises does not see it either.
 */
import semver from 'semver';
import { Node, SyntaxKind, ts, type SourceFile, type Statement, type Symbol as MorphSymbol } from 'ts-morph';
import { nearestPackage } from '../../src/target.js';
import { indentAt, lineStart } from '../../src/text/lines.js';
import type { RouteSite } from './routes.js';
import { Unsafe, type Walk, isFunctionLike, isReference, referenced, responseChain, roleOf } from './handler-model.js';
import { type ErrorFirstTail, successStatements } from './exit-rewrite.js';
import { movedCodeMayThrow, requestCall } from './callbacks.js';
import { styleOf } from './style.js';

export interface Epilogue {
  /** The parameter of the controller's success reaction: '' (nothing returned), `users`, `{ count, users }`. */
  param: string;
  /** End the chain with a rethrow outside the promise (the runtime may only warn on an unhandled rejection). */
  rethrow?: 'process.nextTick' | 'queueMicrotask';
}

const bySite = new WeakMap<RouteSite, Epilogue>();

export function setEpilogue(site: RouteSite, e: Epilogue): void {
  bySite.set(site, e);
}

export function clearEpilogue(site: RouteSite): void {
  bySite.delete(site);
}

/** The epilogue the analysis of this handler kept in the controller, if any (read by controllerText). */
export function epilogueOf(site: RouteSite): Epilogue | undefined {
  return bySite.get(site);
}

/** Whether the package of a file declares a runtime that raises unhandled rejections as uncaught exceptions. */
export function rejectionsCrash(file: SourceFile): boolean {
  const range = nearestPackage(file.getFilePath())?.json.engines?.node;
  if (typeof range !== 'string') return false;
  try {
    const min = semver.minVersion(range);
    return !!min && semver.gte(min, '15.0.0');
  } catch {
    return false;
  }
}

/**
 * The controller's success reaction and its chain end, in the host's function style: one element per line, indented
 * relative to the service call (the ok lines may hold line breaks of a kept multi-line statement, already indented).
 */
export function epilogueChain(e: Epilogue, ok: { head: string; lines: string[] }, onError: { head: string; lines: string[] } | string, o: { u: string; semi: string; arrow: boolean; errName: string }): string[] {
  const { u, semi, arrow, errName } = o;
  const out = [`${u}.then(${ok.head}`, ...ok.lines.map((l) => `${u}${u}${l}`)];
  const end = e.rethrow ? '' : semi;
  if (typeof onError === 'string') out.push(`${u}}, ${onError})${end}`);
  else out.push(`${u}}, ${onError.head}`, ...onError.lines.map((l) => `${u}${u}${l}`), `${u}})${end}`);
  if (e.rethrow) {
    // (`{ throw err }` needs no semicolon: a semicolon-free file gets none)
    const s = semi;
    const f = e.rethrow;
    out.push(arrow ? `${u}.catch((${errName}) => ${f}(() => { throw ${errName}${s} }))${semi}` : `${u}.catch(function (${errName}) { ${f}(function () { throw ${errName}${s} })${s} })${semi}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// What stays: the tail of the last callback, and early answers on the way

/** Early answers met so far in a walk's chain (guards of outer callbacks come first), and whether a tail was kept. */
const early = new WeakMap<Walk, { guards: Statement[]; values: MorphSymbol[]; kept: boolean }>();

/**
 * Default mode: the statements that end the callback and answer the request stay in the controller word for word,
 * run after the service answered and outside its error path: calls on the request (`req.logIn(user, cb)` may end
 * it, its callback kept as written), choices of answer that call the request (`if (!user) { req.flash(…); return
 * res.redirect('/forgot'); }`) and the response, or a lone response that may throw (`res.render('index', { users:
 * users.filter(ferrets) })`; one that cannot keeps the ordinary way, its body returned by the service). Early
 * answers before the rest of the logic (`if (existingUser) { req.flash(…); return res.redirect('/signup'); }` ahead
 * of `user.save(…)`) stay too: the service returns there with the values the controller's copy of the check reads.
 * The values of the logic read by what stays are the service's result. No statements: the callback does not end so.
 */
export function epilogueTail(w: Walk, t: ErrorFirstTail): { stmts: Statement[]; values: MorphSymbol[]; stay: Statement[] } {
  const stmts = successStatements(t);
  const last = stmts[stmts.length - 1];
  const isResponse = (s: Statement) => {
    const expr = Node.isExpressionStatement(s) ? s.getExpression() : Node.isReturnStatement(s) ? s.getExpression() : undefined;
    return !!expr && !!responseChain(expr, w.roles, w.site.framework);
  };
  let kept: Statement[] = [];
  if (last && (isResponse(last) || requestCall(last, w))) {
    kept = [last];
    for (let i = stmts.length - 2; i >= 0 && (requestCall(stmts[i], w) || answerGuard(stmts[i], w)); i--) kept.unshift(stmts[i]);
    if (kept.length === 1 && isResponse(last) && !movedCodeMayThrow(w, t, new Set(), last)) kept = [];
  }
  const state = early.get(w) ?? { guards: [], values: [], kept: false };
  early.set(w, state);
  const guards = stmts.slice(0, stmts.length - kept.length).filter((s) => earlyAnswer(s, w));
  state.guards.push(...guards);
  for (const g of guards) w.skipNodes.add(g);
  if (!kept.length) {
    for (const g of guards) for (const id of g.getDescendantsOfKind(SyntaxKind.Identifier)) w.handled.add(id);
    return { stmts: [], values: [], stay: guards };
  }
  const file = t.cb.getSourceFile();
  const stay = [...state.guards, ...kept];
  const values = new Map<MorphSymbol, string>();
  for (const s of stay) {
    for (const id of s.getDescendantsOfKind(SyntaxKind.Identifier)) {
      w.handled.add(id);
      if (!isReference(id)) continue;
      const sym = referenced(id);
      if (!sym || roleOf(sym, w.roles)) continue;
      const decl = sym.getDeclarations()[0];
      // module-level and global names are there in the controller as they are now; names kept code declares too
      if (!decl || decl.getSourceFile() !== file || !decl.getFirstAncestor((a) => a === w.site.fn) || stay.some((k) => decl.getStart() >= k.getStart() && decl.getEnd() <= k.getEnd())) continue;
      if (isWrite(id)) throw new Unsafe('success-response-uses-changed-input', `the code kept in the controller changes \`${id.getText()}\``, id);
      if (decl.getStart() >= w.regionStart) {
        values.set(sym, sym.getName());
        continue;
      }
      // a handler variable: the controller reads it after the service ran, so the logic must not change it
      const written = w.site.fn.getDescendantsOfKind(SyntaxKind.Identifier).find((i) => i.getStart() >= w.regionStart && i.getSymbol() === sym && isWrite(i));
      if (written) throw new Unsafe('success-response-uses-changed-input', `the success response uses \`${id.getText()}\`, which the logic changes`, written);
    }
  }
  const text = file.getFullText();
  const style = styleOf(file);
  const ind = indentAt(text, w.regionStart) + style.unit + style.unit;
  // each statement as written (its own semicolon or none), the last one's left to the controller
  const template = stay.map((s, i) => (i === stay.length - 1 ? s.getText().replace(/;\s*$/, '') : s.getText()).split(/\r?\n/).map((l, n) => (n ? l.replace(new RegExp(`^${indentAt(text, s.getStart())}`), ind) : l)).join('\n')).join(`\n${ind}`);
  for (const s of kept) w.skipNodes.add(s);
  // a request call ending it (`req.logIn(user, cb)`) answers through its own callback, kept as written
  if (!isResponse(last)) w.converted.add(last);
  w.successes.push({ key: `kept:${template}`, custom: { args: [], template, literal: template, at: last } });
  const names = [...values.values()];
  const rethrow = rethrowOutside(w, last);
  setEpilogue(w.site, { param: names.length > 1 ? `{ ${names.join(', ')} }` : (names[0] ?? ''), rethrow });
  state.values = [...values.keys()];
  state.kept = true;
  return { stmts: kept, values: state.values, stay: guards };
}

/**
 * How the controller's chain ends so that a throw of code kept there (`at`, uncaught inside the library's callback
 * today) stays an uncaught exception: nothing when the package declares a runtime that raises unhandled rejections,
 * else a rethrow outside the promise with process.nextTick (@types/node) or queueMicrotask (also in the DOM lib a
 * JavaScript program gets by default); neither declared: refused.
 */
export function rethrowOutside(w: Walk, at: Node): Epilogue['rethrow'] {
  const file = w.site.file;
  if (rejectionsCrash(file)) return undefined;
  const globals = new Set(file.getProject().getTypeChecker().getSymbolsInScope(w.site.fn, ts.SymbolFlags.Variable | ts.SymbolFlags.Function).map((sym) => sym.getName()));
  const rethrow = globals.has('process') ? 'process.nextTick' : globals.has('queueMicrotask') ? 'queueMicrotask' : undefined;
  if (!rethrow) {
    throw new Unsafe('callback-may-throw', `\`${at.getText().split('\n')[0].slice(0, 60)}\` may throw, uncaught today; kept after the service it must be rethrown outside the promise, and neither \`process\` nor \`queueMicrotask\` is declared here`, at);
  }
  return rethrow;
}

/**
 * The service side of the early answers, once the names are final: each one's block becomes `return <values>` (the
 * values declared before it; the controller's copy of the check reads them). Without a kept tail, refused.
 */
export function flushEarlyAnswers(w: Walk, inService: (v: MorphSymbol) => string, dedentAt: (at: number) => number): void {
  const state = early.get(w);
  early.delete(w);
  if (!state?.guards.length) return;
  if (!state.kept) {
    const g = state.guards[0];
    throw new Unsafe('request-in-logic', `\`${g.getText().split('\n')[0].slice(0, 50)}\` answers through the request (kept in the controller only ahead of an answer kept there too)`, g);
  }
  const text = w.edits.source;
  const style = styleOf(w.site.file);
  for (const g of state.guards) {
    const block = (g as import('ts-morph').IfStatement).getThenStatement() as import('ts-morph').Block;
    const semi = /;$/.test(block.getStatements().pop()!.getText()) ? ';' : '';
    const vals = state.values.filter((v) => (v.getDeclarations()[0]?.getStart() ?? Infinity) < g.getStart());
    const one = state.values.length === 1;
    const returned = one ? (vals[0] ? inService(vals[0]) : '') : vals.length ? `{ ${vals.map((v) => (inService(v) === v.getName() ? v.getName() : `${v.getName()}: ${inService(v)}`)).join(', ')} }` : '';
    const gi = indentAt(text, g.getStart());
    const fi = gi.slice(0, gi.length - dedentAt(lineStart(text, g.getStart())));
    w.edits.replace(block.getStart() + 1, block.getEnd() - 1, `\n${fi}${style.unit}return${returned ? ` ${returned}` : ''}${semi}\n${fi}`);
  }
}

/** `x = …`, `x += …`, `x++`: the identifier is written. */
function isWrite(id: Node): boolean {
  const p = id.getParent();
  if (Node.isBinaryExpression(p) && p.getLeft() === id && /^[^=!<>]*=$/.test(p.getOperatorToken().getText())) return true;
  return Node.isPostfixUnaryExpression(p) || (Node.isPrefixUnaryExpression(p) && /^(\+\+|--)/.test(p.getText()));
}

/**
 * `if (!user) { req.flash('errors', { msg }); return res.redirect('/forgot'); }`: a choice of answer on values of the
 * logic that calls the request (so the walk could not make it a domain error): its condition only reads (no call,
 * no assignment), its branches hold only request calls, responses and `return`. Kept in the epilogue as written.
 */
function answerGuard(s: Statement, w: Walk): boolean {
  if (!Node.isIfStatement(s)) return false;
  const cond = s.getExpression();
  if ([cond, ...cond.getDescendants()].some((d) => Node.isCallExpression(d) || Node.isNewExpression(d) || Node.isAwaitExpression(d) || Node.isDeleteExpression(d) || isFunctionLike(d) || Node.isPostfixUnaryExpression(d) || (Node.isPrefixUnaryExpression(d) && /^(\+\+|--)/.test(d.getText())) || (Node.isBinaryExpression(d) && /^[^=!<>]*=$/.test(d.getOperatorToken().getText())))) return false;
  const branch = (b: Statement | undefined): Statement[] => (!b ? [] : Node.isBlock(b) ? b.getStatements() : [b]);
  const all = [...branch(s.getThenStatement()), ...branch(s.getElseStatement())];
  const answer = (x: Statement): boolean => {
    if (requestCall(x, w)) return true;
    if (Node.isReturnStatement(x)) return !x.getExpression() || !!responseChain(x.getExpression()!, w.roles, w.site.framework);
    return Node.isExpressionStatement(x) && !!responseChain(x.getExpression(), w.roles, w.site.framework);
  };
  return all.every(answer) && all.some((x) => requestCall(x, w)) && !all.some((x) => x.getFirstDescendant(isFunctionLike));
}

/**
 * An answer guard that leaves the logic early: no else, its block ends with `return`, and its condition can be
 * checked again in the controller with the same result: names of the logic never written after their declaration,
 * combined only with `!`, `&&`, `||`, `===`/`!==` and literals (no property read, which may run a getter).
 */
function earlyAnswer(s: Statement, w: Walk): boolean {
  if (!answerGuard(s, w) || !Node.isIfStatement(s) || s.getElseStatement()) return false;
  const block = s.getThenStatement();
  if (!Node.isBlock(block)) return false;
  const list = block.getStatements();
  if (!Node.isReturnStatement(list[list.length - 1])) return false;
  const ok = (e: Node): boolean => {
    if (Node.isParenthesizedExpression(e)) return ok(e.getExpression());
    if (Node.isPrefixUnaryExpression(e)) return e.getOperatorToken() === SyntaxKind.ExclamationToken && ok(e.getOperand());
    if (Node.isBinaryExpression(e)) return ['&&', '||', '===', '!=='].includes(e.getOperatorToken().getText()) && ok(e.getLeft()) && ok(e.getRight());
    if (Node.isStringLiteral(e) || Node.isNumericLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e) || [SyntaxKind.NullKeyword, SyntaxKind.TrueKeyword, SyntaxKind.FalseKeyword].includes(e.getKind())) return true;
    if (!Node.isIdentifier(e)) return false;
    if (e.getText() === 'undefined') return true;
    const sym = referenced(e);
    if (!sym || roleOf(sym, w.roles)) return false;
    return !w.site.fn.getDescendantsOfKind(SyntaxKind.Identifier).some((i) => i.getSymbol() === sym && isWrite(i));
  };
  return ok(s.getExpression());
}
