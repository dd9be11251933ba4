/**
 * extract-service, error-first callbacks (issue 14): a handler whose response lives in an error-first callback
 * (`db.find(id, function (err, row) { if (err) return next(err); … res.json(row) })`) moves into the service as
 * `const row = await new Promise(…)`, one level per callback of the chain, the callback's body flattened after it.
 * Converted only when (1) the API is proven to call back once with the error first, (2) the statements that move
 * cannot throw where the old and the new code would differ (a throw inside the library's callback was uncaught, in
 * practice a crash; inside the service it would reach the controller's catch and `next(err)`), unless the
 * `callbackThrowsToNext` option accepts that difference, and (3) the names the flattening declares are free.
 * Timing and the rules are documented in this folder's README.md.
 */
import { createRequire } from 'node:module';
import semver from 'semver';
import { Node, SyntaxKind, type ArrowFunction, type CallExpression, type FunctionExpression, type SourceFile, type Statement, type Symbol as MorphSymbol, type Type } from 'ts-morph';
import type { Binding, NodePath, Scope } from '@babel/traverse';
import type * as t from '@babel/types';
import { parseSource, parserFor } from '../../src/parse.js';
import { nearestPackage } from '../../src/target.js';
import { indentAt, lineStart } from '../../src/text/lines.js';
import { cannotThrow, cannotThrowStatement, primitiveKind, type InertContext } from '../_inert.js';
import { API, NO_PROMISE_FORM } from '../callback-to-async/apis.js';
import { Unsafe, type Roles, type Walk, PEER_FIELDS, REQUEST_PARTS, SOCKET_PARTS, enclosingFunction, requestRead as requestPartRead, isReference, insertAt, referenced, roleOf } from './handler-model.js';
import type { RouteSite } from './routes.js';
import { type ErrorFirstTail, assignedIn, successStatements } from './exit-rewrite.js';
import { clearEpilogue, epilogueTail, flushEarlyAnswers, rethrowOutside } from './epilogue.js';

/** The options of extract-service this module reads. */
export interface CallbackOptions {
  callbackThrowsToNext?: boolean;
  /** Also accept that a throw an async Express 4 handler left unhandled reaches next(err) (exit-rewrite.ts). */
  throwsToNext?: boolean;
}

const optionsBySite = new WeakMap<RouteSite, CallbackOptions>();

/** Called by analyzeHandler with the run's options (the walk itself carries none). */
export function setCallbackOptions(site: RouteSite, options: CallbackOptions | undefined): void {
  if (options) optionsBySite.set(site, options);
  clearEpilogue(site);
}

/** Methods whose function argument is a listener (may run many times), never a once-only callback. */
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener', 'subscribe', 'watch', 'watchFile', 'setInterval']);

/** Functions that call their function argument once, later (a local callback API deferring its answer). */
const DEFERRERS = new Set(['process.nextTick', 'setImmediate', 'setTimeout', 'queueMicrotask']);

/**
 * Replaces the error-first tail `t` (its callback forwarding the error to next) by `await` on a promise of the call,
 * the callback's other statements flattened after it. Throws Unsafe when the conversion is not proven to keep
 * behaviour. The caller then walks the callback as a result function (its responses become returns and throws).
 */
export function convertErrorFirst(w: Walk, t: ErrorFirstTail): void {
  const callee = t.call.getExpression().getText().replace(/\s+/g, '');
  // `await` goes where the call is: the handler (the service method is async) or a callback flattened into it by an
  // earlier conversion. Inside any other function (a `.then` callback) it would not parse.
  const owner = enclosingFunction(t.stmt);
  if (owner !== w.site.fn && !(owner && flattenedCallbacks.get(w.site)?.has(owner))) {
    throw new Unsafe('callback-in-nested-function', `\`${callee.slice(0, 50)}\` calls back inside a nested function (such as a .then callback), where await cannot go`, t.call);
  }
  const proof = provenErrorFirst(t.call, t.cb, !!t.answer);
  if ('why' in proof) {
    const said = t.answer ? `; its callback answers the error itself (\`${t.answer.getText().replace(/^\{\s*/, '').replace(/^return\s+/, '').replace(/;[\s\S]*$/, '').slice(0, 40)}\`)` : '';
    throw new Unsafe('callback-not-proven', `\`${callee.slice(0, 50)}\` is not proven to call back once with the error first (${proof.why})${said}`, t.call);
  }
  // an error answered in the callback is the controller's reaction to any failure of the service: what else the
  // service throws would be answered so too, so nothing else may throw, with or without the options (and not only in
  // async handlers: a throw before the call left a synchronous handler to Express)
  const strict = !!t.answer || (!optionsBySite.get(w.site)?.callbackThrowsToNext && !optionsBySite.get(w.site)?.throwsToNext);
  // (the first callback answering its error makes the reaction; nested ones must answer alike)
  const reacts = !!t.answer && !w.errorAnswer;
  if (t.answer) keepErrorAnswer(w, t);
  else if (w.errorAnswer) throw new Unsafe('error-answer-in-callback', 'the callbacks of the chain answer their errors differently: one reaction of the controller answers every failure of the service', t.call);
  else w.forwardsErrorFirst = true;
  const early = strict ? preludeMayThrow(w, t, !!t.answer) : undefined;
  if (early && t.answer) {
    throw new Unsafe('callback-may-throw', `\`${early.getText().split('\n')[0].slice(0, 60)}\` may throw: from the service it would reach the answer the callback gives its error (\`${t.answer.getText().split('\n')[0].slice(0, 40)}\`)`, early);
  }
  if (early) {
    throw new Unsafe(
      'callback-may-throw',
      `\`${early.getText().split('\n')[0].slice(0, 60)}\` may throw: in the async handler that rejected its promise, unhandled (Express 4 ignores it); from the service it would reach next(err) (--callback-throws-to-next accepts that)`,
      early,
    );
  }
  const ep = epilogueTail(w, t);
  const kept = ep.stmts;
  if (strict) {
    const risky = movedCodeMayThrow(w, t, new Set([...kept, ...ep.stay]));
    if (risky && t.answer) {
      throw new Unsafe('callback-may-throw', `\`${risky.getText().split('\n')[0].slice(0, 60)}\` in the callback of \`${callee.slice(0, 40)}\` may throw: uncaught inside the library's callback today, from the service it would reach the answer the callback gives its error`, risky);
    }
    if (risky) {
      throw new Unsafe(
        'callback-may-throw',
        `\`${risky.getText().split('\n')[0].slice(0, 60)}\` in the callback of \`${callee.slice(0, 40)}\` may throw: uncaught inside the library's callback today (in practice a crash), it would reach next(err) from the service (--callback-throws-to-next accepts that)`,
        risky,
      );
    }
  }
  flatten(w, t, kept.length, ep.values);
  if (reacts) w.errorAnswer!.rethrow = rethrowOutside(w, t.answer!);
  if (!flattenedCallbacks.has(w.site)) flattenedCallbacks.set(w.site, new WeakSet());
  flattenedCallbacks.get(w.site)!.add(t.cb);
}

/**
 * Whether the callee of an error-first call uses the request, response or next beyond plain request reads: a query
 * chain built from the request (`User.findOne({ token: req.params.token }).where(…).exec(cb)`) reads it, and the
 * read is passed in like any other.
 */
export function calleeUsesHttp(callee: Node, roles: Roles): boolean {
  return [callee, ...callee.getDescendants()].some((d) => {
    if (!Node.isIdentifier(d) || !isReference(d)) return false;
    const role = roleOf(referenced(d), roles);
    return !!role && !(role === 'request' && requestPartRead(d, role));
  });
}

/**
 * Callbacks whose statements a conversion moved into the function around them: a call inside one may be awaited.
 * (per attempt at a handler: index.ts's second attempt is another site object)
 */
const flattenedCallbacks = new WeakMap<RouteSite, WeakSet<Node>>();

/** `req.flash('info', { msg })`, `req.logout()`: a call of a request method (not a read of a request part). */
export function requestCall(s: Statement, w: Walk): boolean {
  if (!Node.isExpressionStatement(s)) return false;
  const c = s.getExpression();
  if (!Node.isCallExpression(c)) return false;
  const callee = c.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || REQUEST_PARTS.has(callee.getName())) return false;
  const obj = callee.getExpression();
  return Node.isIdentifier(obj) && roleOf(referenced(obj), w.roles) === 'request';
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Proof that the API calls back once, error first

type Proof = { how: string } | { why: string };

export function provenErrorFirst(call: CallExpression, cb: Node, answered = false): Proof {
  const args = call.getArguments();
  if (args[args.length - 1] !== cb) return { why: 'the callback is not the last argument' };
  const callee = call.getExpression();
  const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : Node.isIdentifier(callee) ? callee.getText() : undefined;
  if (!name) return { why: 'the function called is computed' };
  if (LISTENER_METHODS.has(name)) return { why: 'an event-style API: its listener may run many times' };
  // the API sets a function callback's `this` and `arguments` (sqlite3's `this.lastID`); in the service they would
  // be the service's own
  if (Node.isFunctionExpression(cb) && usesOwnThisOrArguments(cb)) return { why: 'the callback reads `this` or `arguments`, which the API sets' };
  // a. Node's callback APIs (the table callback-to-async converts), found through the module binding
  const mod = Node.isPropertyAccessExpression(callee) ? nodeModuleOf(callee.getExpression()) : undefined;
  if (mod && NO_PROMISE_FORM[name] && mod === 'fs') return { why: NO_PROMISE_FORM[name] };
  const spec = mod ? API[mod]?.[name] : undefined;
  if (spec && (spec.argCount === undefined || spec.argCount === args.length - 1)) return { how: `node:${mod}.${name}` };
  // b. declared types: an overload whose last parameter is a callback taking a nullable error first
  // (mongoose's `callback?: (err: CallbackError, doc: T | null) => void`, @types/node's fs/crypto callbacks)
  const type = callee.getType();
  // a function of the project answers with its body (c.): its annotation says nothing of how often it calls back
  const local = localCallee(callee);
  // a method of the project's own classes: its annotation is the author's word only, and its body is not read here
  // (with an error answered in the callback: a throw before it calls back would reach that answer)
  const nameNode = Node.isPropertyAccessExpression(callee) ? callee.getNameNode() : callee;
  const ownDecl = answered && !local && (nameNode.getSymbol()?.getDeclarations() ?? []).find((d) => !d.getSourceFile().isDeclarationFile() && !d.getSourceFile().isInNodeModules() && (Node.isMethodDeclaration(d) || Node.isPropertyDeclaration(d)));
  if (ownDecl) return { why: 'a method of the project whose body is not read here: its declared callback type alone does not tell how often it calls back, or whether it throws first' };
  if (!local && declaresErrorFirst(type, call)) return { how: 'declared' };
  // the method of a value an error-first API handed over, annotated `any` by the handler
  // (`User.findById(id, (err, user: any) => { … user.save(cb) })`): the API's declared result type answers
  if (!local && type.isAny() && Node.isPropertyAccessExpression(callee)) {
    const declared = declaredResultType(callee.getExpression());
    const method = declared?.getProperty(name);
    if (method && declaresErrorFirst(method.getTypeAtLocation(call), call)) return { how: 'declared result' };
  }
  // c. a function of the project that calls its callback at most once, deferred once
  if (local) {
    const why = callsBackAtMostOnce(local, args.length - 1);
    return why ? { why } : { how: 'local' };
  }
  return { why: type.isAny() ? 'its type is unknown' : 'no declared overload takes an error-first callback last' };
}

/** Whether an overload of a callee type takes, as its last parameter, a callback taking a nullable error first. */
function declaresErrorFirst(type: Type, at: Node): boolean {
  for (const sig of type.getCallSignatures()) {
    const params = sig.getParameters();
    const last = params[params.length - 1];
    if (!last) continue;
    const decl = last.getValueDeclaration();
    if (decl && Node.isParameterDeclaration(decl) && decl.isRestParameter()) continue;
    const cbSigs = last.getTypeAtLocation(at).getNonNullableType().getCallSignatures();
    if (cbSigs.length !== 1) continue;
    const first = cbSigs[0].getParameters()[0];
    if (first && errorFirstParam(first, at)) return true;
  }
  return false;
}

/**
 * The declared type (null and undefined removed) of the result an error-first API passes to the callback whose
 * second parameter `expr` names, whatever the callback's own annotation says; undefined when not that shape.
 */
function declaredResultType(expr: Node): Type | undefined {
  if (!Node.isIdentifier(expr)) return undefined;
  const decl = expr.getSymbol()?.getDeclarations()[0];
  if (!decl || !Node.isParameterDeclaration(decl)) return undefined;
  const fn = decl.getParent();
  if (!(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) || fn.getParameters().indexOf(decl) !== 1) return undefined;
  const call = fn.getParent();
  if (!Node.isCallExpression(call) || call.getArguments()[call.getArguments().length - 1] !== fn) return undefined;
  for (const sig of call.getExpression().getType().getCallSignatures()) {
    const params = sig.getParameters();
    const last = params[params.length - 1];
    const cbSigs = last?.getTypeAtLocation(call).getNonNullableType().getCallSignatures() ?? [];
    if (cbSigs.length !== 1) continue;
    const [first, second] = cbSigs[0].getParameters();
    if (first && second && errorFirstParam(first, call)) {
      const t = second.getTypeAtLocation(call).getNonNullableType();
      if (!t.isAny() && !t.isUnknown()) return t;
    }
  }
  return undefined;
}

/**
 * A callback's first parameter is `Error | null`, `NativeError | null`, `NodeJS.ErrnoException | null | undefined`,
 * `err?: Error`: an error that may be absent. Without strictNullChecks (a JavaScript project's default) the checker
 * drops `null` and `undefined` from the type, so the parameter's declaration says whether the error may be absent.
 */
function errorFirstParam(param: MorphSymbol, at: Node): boolean {
  const type = param.getTypeAtLocation(at);
  const parts = type.isUnion() ? type.getUnionTypes() : [type];
  const present = parts.filter((p) => !p.isNull() && !p.isUndefined());
  if (!present.length || !present.every((p) => !p.isAny() && !!p.getProperty('message') && !!p.getProperty('name'))) return false;
  if (present.length < parts.length) return true;
  const decl = param.getValueDeclaration();
  return !!decl && Node.isParameterDeclaration(decl) && (decl.hasQuestionToken() || declaredNullable(decl.getTypeNode(), 0));
}

/** A type written with `null` or `undefined` in it, directly or through type aliases (`type CallbackError = NativeError | null`). */
function declaredNullable(node: Node | undefined, depth: number): boolean {
  if (!node || depth > 4) return false;
  if (Node.isParenthesizedTypeNode(node)) return declaredNullable(node.getTypeNode(), depth);
  if (Node.isUnionTypeNode(node)) {
    return node.getTypeNodes().some((t) => t.getKind() === SyntaxKind.UndefinedKeyword || (Node.isLiteralTypeNode(t) && t.getLiteral().getKind() === SyntaxKind.NullKeyword) || declaredNullable(t, depth + 1));
  }
  if (Node.isTypeReference(node)) {
    const sym = node.getTypeName().getSymbol();
    const target = sym?.isAlias() ? sym.getAliasedSymbol() : sym;
    return (target?.getDeclarations() ?? []).some((d) => Node.isTypeAliasDeclaration(d) && declaredNullable(d.getTypeNode(), depth + 1));
  }
  return false;
}

/** The Node module (`fs`, `zlib`, …) an identifier is bound to by `require('fs')` / `import fs from 'fs'`. */
function nodeModuleOf(expr: Node): string | undefined {
  if (!Node.isIdentifier(expr)) return undefined;
  const decl = expr.getSymbol()?.getDeclarations()[0];
  if (!decl) return undefined;
  let spec: string | undefined;
  if (Node.isVariableDeclaration(decl) && Node.isIdentifier(decl.getNameNode())) {
    const init = decl.getInitializer();
    const stmt = decl.getVariableStatement();
    const id = decl.getNameNode() as import('ts-morph').Identifier;
    if (stmt && stmt.getDeclarationKind() !== 'const' && id.findReferencesAsNodes().some((r) => Node.isBinaryExpression(r.getParent()) && (r.getParent() as import('ts-morph').BinaryExpression).getLeft() === r)) return undefined;
    if (init && Node.isCallExpression(init) && init.getExpression().getText() === 'require' && Node.isStringLiteral(init.getArguments()[0])) spec = (init.getArguments()[0] as import('ts-morph').StringLiteral).getLiteralValue();
  } else if (Node.isImportClause(decl) || Node.isNamespaceImport(decl)) {
    spec = decl.getFirstAncestorByKind(SyntaxKind.ImportDeclaration)?.getModuleSpecifierValue();
  }
  const m = spec ? /^(?:node:)?(fs|dns|zlib|child_process)$/.exec(spec) : null;
  return m?.[1];
}

type LocalFn = import('ts-morph').FunctionDeclaration | FunctionExpression | ArrowFunction;

/** The function a callee names when the project declares it (`function get(…)`, `User.all = function (fn) {…}`). */
function localCallee(callee: Node): LocalFn | undefined {
  const nameNode = Node.isPropertyAccessExpression(callee) ? callee.getNameNode() : callee;
  const sym = nameNode.getSymbol();
  const target = sym?.isAlias() ? sym.getAliasedSymbol() : sym;
  const decls = target?.getDeclarations() ?? [];
  if (decls.length !== 1) return undefined;
  const d = decls[0];
  if (d.getSourceFile().isInNodeModules() || d.getSourceFile().isDeclarationFile()) return undefined;
  let fn: Node | undefined;
  if (Node.isFunctionDeclaration(d)) fn = d;
  else if (Node.isVariableDeclaration(d)) fn = d.getInitializer();
  else if (Node.isPropertyAssignment(d)) fn = d.getInitializer();
  else if (Node.isPropertyAccessExpression(d) || Node.isBinaryExpression(d)) {
    const bin = Node.isBinaryExpression(d) ? d : d.getParent();
    if (Node.isBinaryExpression(bin) && bin.getOperatorToken().getText() === '=') fn = bin.getRight();
  }
  else if (Node.isShorthandPropertyAssignment(d)) fn = d.getNameNode();
  // `module.exports = { removeUser: removeUser }`: the name's own declaration
  if (fn && Node.isIdentifier(fn)) {
    const own = (Node.isShorthandPropertyAssignment(fn.getParent()) ? (fn.getParent() as import('ts-morph').ShorthandPropertyAssignment).getValueSymbol() : fn.getSymbol())?.getDeclarations() ?? [];
    fn = own.length === 1 ? (Node.isVariableDeclaration(own[0]) ? own[0].getInitializer() : own[0]) : undefined;
  }
  if (fn && (Node.isFunctionDeclaration(fn) || Node.isFunctionExpression(fn) || Node.isArrowFunction(fn))) return fn;
  return undefined;
}

/**
 * Whether a project function calls its callback parameter (at `index`) at most once. Every call site is in one
 * function F (the function itself, or a function it hands once to `process.nextTick`/`setImmediate`/`setTimeout`),
 * never in a loop of F, and leaves F right away (`return cb(…)`, `cb(…); return;`, or F's last statement), so the
 * first call that happens is the only one; the parameter is only called, never reassigned or passed on. Returns
 * why not, or undefined.
 */
function callsBackAtMostOnce(fn: LocalFn, index: number): string | undefined {
  const params = fn.getParameters();
  if (params.length !== index + 1) return 'its parameters do not line up with the arguments';
  const p = params[index];
  const nameNode = p.getNameNode();
  if (!Node.isIdentifier(nameNode) || p.isRestParameter() || p.hasInitializer()) return 'its callback parameter is not a plain name';
  const sym = nameNode.getSymbol();
  const refs = fn.getDescendantsOfKind(SyntaxKind.Identifier).filter((i) => i !== nameNode && i.getSymbol() === sym && isReference(i));
  if (!refs.length) return 'it never calls its callback';
  const owners = new Set<Node>();
  for (const r of refs) {
    const call = r.getParent();
    if (!Node.isCallExpression(call) || call.getExpression() !== r) return 'it passes its callback on or reassigns it';
    const owner = r.getFirstAncestor((a) => Node.isFunctionExpression(a) || Node.isArrowFunction(a) || Node.isFunctionDeclaration(a))!;
    owners.add(owner);
    if (loopAround(call, owner)) return 'it calls back in a loop';
    // a throw of the callback would reach its catch, which may call back again
    if (insideTry(call, owner)) return 'it calls back inside a try block (a throw of the callback would reach its catch)';
    if (!leavesRightAway(call, owner)) return 'it may call back more than once (a call that does not return)';
  }
  if (owners.size > 1) return 'it calls back from more than one function';
  const owner = [...owners][0];
  // a synchronous call: a throw of the callback reached the handler (Express answered 500), which the converted
  // code (kept answers rethrown outside the promise) would not reproduce
  if (owner === fn) return 'it may call back before it returns (synchronously)';
  const outer = owner.getParent();
  if (!Node.isCallExpression(outer) || !DEFERRERS.has(outer.getExpression().getText()) || outer.getArguments()[0] !== owner) return 'it calls back from a function it hands to another API';
  // (the runtime's own setImmediate & co., not a function of the program of that name)
  const deferrer = outer.getExpression();
  const root = Node.isPropertyAccessExpression(deferrer) ? deferrer.getExpression() : deferrer;
  if ((root.getSymbol()?.getDeclarations() ?? []).some((d) => !d.getSourceFile().isDeclarationFile())) return `it defers with a \`${root.getText()}\` of the program's own`;
  const enclosing = outer.getFirstAncestor((a) => Node.isFunctionExpression(a) || Node.isArrowFunction(a) || Node.isFunctionDeclaration(a));
  if (enclosing !== fn || loopAround(outer, fn)) return 'it defers its answer more than once';
  const deferrals = fn.getDescendantsOfKind(SyntaxKind.CallExpression).filter((c) => c.getArguments()[0] === owner);
  if (deferrals.length !== 1) return 'it defers its answer more than once';
  // what it does before it defers runs in the caller's turn: a throw there left the handler synchronously, inside the
  // service's promise executor it would become a failure of the call
  const risky = throwsBeforeDeferring(fn, outer);
  if (risky) return `it may throw before it defers its answer (\`${risky.slice(0, 40)}\`)`;
  return undefined;
}

/** The first statement of `fn` that may throw, the statement that defers (`setImmediate(() => cb(…))`) vouched for. */
function throwsBeforeDeferring(fn: LocalFn, deferral: CallExpression): string | undefined {
  const body = fn.getBody();
  if (!body || !Node.isBlock(body)) return undefined;
  const fnPath = babelFunction(fn.getSourceFile(), fn.getStart(), fn.getEnd());
  if (!fnPath || fnPath.node.body.type !== 'BlockStatement') return body.getText().split('\n')[0];
  const ctx: InertContext = { scope: fnPath.scope, isCommonJs: !/^\s*(import|export)\s/m.test(fn.getSourceFile().getFullText()) };
  const [from, to] = [deferral.getStart(), deferral.getEnd()];
  const known = (st: t.Node): boolean => {
    const e = st.type === 'ExpressionStatement' ? st.expression : st.type === 'ReturnStatement' ? st.argument : undefined;
    return !!e && e.start === from && e.end === to && e.type === 'CallExpression' && e.arguments.slice(1).every((a) => a.type !== 'SpreadElement' && a.type !== 'ArgumentPlaceholder' && cannotThrow(a, ctx));
  };
  for (const st of fnPath.node.body.body) {
    if (!cannotThrowStatement(st, ctx, known)) return fn.getSourceFile().getFullText().slice(st.start!, st.end!).split('\n')[0];
  }
  return undefined;
}

/** The call is the function's last act on its path: `return cb(…)`, `cb(…); return;`, or the body's last statement. */
function leavesRightAway(call: CallExpression, owner: Node): boolean {
  const parent = call.getParent();
  if (parent && (Node.isArrowFunction(parent) || Node.isFunctionExpression(parent)) && parent === owner) return true;
  if (Node.isReturnStatement(parent)) return true;
  if (!Node.isExpressionStatement(parent)) return false;
  const block = parent.getParent();
  if (!Node.isBlock(block)) return false;
  const list = block.getStatements();
  const next = list[list.indexOf(parent) + 1];
  if (next) return Node.isReturnStatement(next) && !next.getExpression();
  return block.getParent() === owner;
}

function insideTry(n: Node, stop: Node): boolean {
  for (let p: Node | undefined = n; p && p !== stop; p = p.getParent()) {
    const parent = p.getParent();
    if (parent && Node.isTryStatement(parent) && parent.getTryBlock() === p) return true;
  }
  return false;
}

/** `this` or `arguments` of the function itself (not of a nested non-arrow function). */
function usesOwnThisOrArguments(fn: FunctionExpression): boolean {
  const own = (n: Node) => n.getFirstAncestor((a) => Node.isFunctionExpression(a) || Node.isFunctionDeclaration(a) || Node.isMethodDeclaration(a) || Node.isGetAccessorDeclaration(a) || Node.isSetAccessorDeclaration(a) || Node.isConstructorDeclaration(a)) === fn;
  return fn.getDescendantsOfKind(SyntaxKind.ThisKeyword).some(own) || fn.getDescendantsOfKind(SyntaxKind.Identifier).some((i) => i.getText() === 'arguments' && own(i));
}

/** Whether `n` sits in a loop between it and `stop`. */
export function loopAround(n: Node, stop: Node): boolean {
  for (let p = n.getParent(); p && p !== stop; p = p.getParent()) {
    if (Node.isForStatement(p) || Node.isForInStatement(p) || Node.isForOfStatement(p) || Node.isWhileStatement(p) || Node.isDoStatement(p)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Can the moved statements throw?

let traverseFn: ((ast: t.Node, opts: object) => void) | undefined;
const babelCache = new WeakMap<SourceFile, { text: string; ast: t.File }>();

/** The Babel path of the function at [start, end) of a file (scopes and bindings for transforms/_inert.ts). */
function babelFunction(file: SourceFile, start: number, end: number): NodePath<t.Function> | undefined {
  const text = file.getFullText();
  let cached = babelCache.get(file);
  if (!cached || cached.text !== text) {
    let ast: t.File;
    try {
      ast = parseSource(text, parserFor(file.getFilePath(), 'auto')) as unknown as t.File;
    } catch {
      return undefined;
    }
    cached = { text, ast };
    babelCache.set(file, cached);
  }
  if (!traverseFn) {
    const mod: any = createRequire(import.meta.url)('@babel/traverse');
    const f = mod.default ?? mod;
    traverseFn = typeof f === 'function' ? f : f.default;
  }
  let found: NodePath<t.Function> | undefined;
  traverseFn!(cached.ast, {
    Function(p: NodePath<t.Function>) {
      if (p.node.start === start && p.node.end === end) {
        found = p;
        p.stop();
      }
    },
  });
  return found;
}

/**
 * The first node of the statements that move from the callback into the service that may throw there, or undefined.
 * Vouched for: the error line (dropped), responses whose arguments cannot throw (their values are now computed in
 * the service, the call itself stays in the controller), request reads (passed in), property reads of values the
 * checker types as non-nullable objects declaring the property, and a last statement that is itself an error-first
 * call being converted (its arguments checked; the API is taken to report failures through its callback).
 */
export function movedCodeMayThrow(w: Walk, tail: ErrorFirstTail, stay: Set<Statement>, only?: Statement): Node | undefined {
  const all = successStatements(tail);
  // statements that stay in the controller (epilogue.ts) run outside the error path: not checked
  // (with an answer kept as the reaction, the controller reacts with `.then(ok, onError)`: a response's own throw in
  // `ok` never reaches the answer, so only its arguments, computed in the service, must not throw)
  return statementsMayThrow(w, tail.cb, all, all.filter((s) => !stay.has(s) && (!only || s === only)), !!tail.answer);
}

/**
 * An async handler (Express 4 ignores the promise it returns): a throw of the logic before the chain rejected that
 * promise, unhandled (an uncaught exception on Node 15 and later); from the service it would reach the controller's
 * error path (`next(err)`). So that logic, and the chain's first call itself, must be proven not to throw. `always`:
 * in any handler (the error path is an answer of the callback's, which a throw before the call never reached).
 */
function preludeMayThrow(w: Walk, t: ErrorFirstTail, always: boolean): Node | undefined {
  const fn = w.site.fn;
  if (always ? enclosingFunction(t.stmt) !== fn : !fn.isAsync() || enclosingFunction(t.stmt) !== fn || expressMajor(fn.getSourceFile()) >= 5) return undefined;
  const body = fn.getBody();
  if (!Node.isBlock(body) || t.stmt.getParent() !== body) return t.stmt;
  const before = body.getStatements().filter((s) => s.getStart() >= w.regionStart && s.getEnd() <= t.stmt.getStart());
  return statementsMayThrow(w, fn, [...before, t.stmt], [...before, t.stmt]);
}

/** The major version of express the file's package depends on (Express 5 hands a rejected handler promise to next). */
export function expressMajor(file: SourceFile): number {
  const json = nearestPackage(file.getFilePath())?.json;
  const range = json?.dependencies?.express ?? json?.peerDependencies?.express;
  try {
    return typeof range === 'string' ? (semver.minVersion(range)?.major ?? 0) : 0;
  } catch {
    return 0;
  }
}

/**
 * The first node of these top-level statements of the handler, before `tail`, that may throw (responses of plain
 * values vouched for), or undefined.
 */
export function handlerStatementsMayThrow(w: Walk, stmts: Statement[], tail: Statement, nextCalls = false): Node | undefined {
  return statementsMayThrow(w, w.site.fn, [...stmts, tail], stmts, false, nextCalls);
}

/**
 * A success response inside a try block of the logic (exit-rewrite.ts answerInTry): the node of it that may throw
 * (its arguments, or serializing the body), or undefined.
 */
export function responseCallMayThrow(w: Walk, stmt: Statement): Node | undefined {
  return statementsMayThrow(w, w.site.fn, [stmt], [stmt]);
}

function statementsMayThrow(w: Walk, fn: Node, all: Statement[], stmts: Statement[], responsesOutside = false, nextCalls = false): Node | undefined {
  const file = fn.getSourceFile();
  const fnPath = babelFunction(file, fn.getStart(), fn.getEnd());
  if (!fnPath) return stmts[0];
  const params = w.site.fn.getParameters();
  const scope: Scope = fnPath.scope;
  const bindingOf = (i: number): Binding | undefined => {
    const p = params[i];
    if (!p) return undefined;
    const b = scope.getBinding(p.getName());
    return b && b.identifier.start === p.getNameNode().getStart() ? b : undefined;
  };
  const req = bindingOf(0);
  const res = bindingOf(1);
  const tsAt = (n: t.Node) => (n.start != null && n.end != null ? file.getDescendantAtStartWithWidth(n.start, n.end - n.start) : undefined);
  // a name bound by the handler's parameters (the request, or a part destructured from it)
  const paramsFrom = params[0]?.getStart() ?? 0;
  const paramsTo = params[params.length - 1]?.getEnd() ?? 0;
  const fromRequest = (root: t.Identifier): boolean => {
    const b = scope.getBinding(root.name);
    const at = b?.identifier.start;
    return !!b && b.kind === 'param' && at != null && at >= paramsFrom && at < paramsTo;
  };
  const isCommonJs = !/^\s*(import|export)\s/m.test(file.getFullText());
  const ctx: InertContext = {
    scope,
    isCommonJs,
    known: (e) => requestRead(e, scope, req) || peerAddress(e, scope, req, fromRequest) || typedRead(e, ctx, tsAt, fromRequest) || environmentRead(e, scope, file),
    // a name the checker types as string/number/boolean/null/undefined converts to a string without running code
    knownString: (e) => (e.type === 'Identifier' && cannotThrow(e, { ...ctx, knownString: undefined }) && (primitiveTyped(tsAt(e)) || environmentConstant(e, scope, file)) && !clientTyped(tsAt(e), w.site.fn)) || routeParam(e, scope, req, fromRequest) || environmentRead(e, scope, file),
  };
  // an error answer (`res.status(401)…`) becomes a domain error: a message translated by `res.__('…')` is thrown
  // untranslated and translated again by the mapping, in the controller's catch, so the call is not in the service
  const errorStatus = (e: t.Node): boolean => {
    for (let c: t.Node = e; c.type === 'CallExpression' && c.callee.type === 'MemberExpression'; c = c.callee.object) {
      const name = c.callee.property.type === 'Identifier' ? c.callee.property.name : '';
      const a = c.arguments[0];
      if ((name === 'status' || name === 'sendStatus') && a?.type === 'NumericLiteral' && a.value >= 400) return true;
    }
    return false;
  };
  const translated = (a: t.Node): boolean =>
    a.type === 'CallExpression' && a.callee.type === 'MemberExpression' && !a.callee.computed && a.callee.property.type === 'Identifier' && a.callee.property.name === '__' && a.callee.object.type === 'Identifier' && scope.getBinding(a.callee.object.name) === res && a.arguments.length === 1 && a.arguments[0].type === 'StringLiteral';
  const resChain = (e: t.Node | null | undefined, answersError = !!e && errorStatus(e)): boolean => {
    if (!res || !e || e.type !== 'CallExpression' || e.callee.type !== 'MemberExpression' || e.callee.computed) return false;
    if (!e.arguments.every((a) => a.type !== 'SpreadElement' && a.type !== 'ArgumentPlaceholder' && (cannotThrow(a, ctx) || (answersError && translated(a))))) return false;
    // json/jsonp/send serialize an object (JSON.stringify: BigInt, cycles, toJSON and getters may throw): only
    // strings, numbers, booleans and null are vouched for
    if (!responsesOutside && e.callee.property.type === 'Identifier' && SERIALIZING.has(e.callee.property.name) && !e.arguments.every((a) => serializesSafely(a, ctx) || (answersError && translated(a)))) return false;
    const obj = e.callee.object;
    if (obj.type === 'Identifier') return scope.getBinding(obj.name) === res;
    return resChain(obj, answersError);
  };
  const lastStmt = all[all.length - 1];
  const next = bindingOf(2);
  // `next(new Error('Blocked: ' + ip))`, `next(err)`: with nextCalls, a hand-over to next whose argument cannot throw
  // (it becomes a throw of the service that the controller hands to next again)
  const nextCall = (e: t.Node | null | undefined): boolean => {
    if (!nextCalls || !next || !e || e.type !== 'CallExpression' || e.callee.type !== 'Identifier' || scope.getBinding(e.callee.name) !== next || e.arguments.length !== 1) return false;
    const a = e.arguments[0];
    if (a.type === 'NewExpression' && a.callee.type === 'Identifier' && a.callee.name === 'Error' && !scope.getBinding('Error')) {
      return a.arguments.length <= 1 && a.arguments.every((m) => m.type !== 'SpreadElement' && m.type !== 'ArgumentPlaceholder' && cannotThrow(m, ctx) && primitiveKind(m, ctx) !== null);
    }
    return a.type !== 'SpreadElement' && a.type !== 'ArgumentPlaceholder' && cannotThrow(a, ctx);
  };
  const known = (s: t.Node): boolean => {
    if (s.type === 'ReturnStatement' && (resChain(s.argument) || nextCall(s.argument))) return true;
    if (s.type !== 'ExpressionStatement') return false;
    if (resChain(s.expression) || nextCall(s.expression)) return true;
    // the next link of the chain: `api(args, function (err, x) { … })` as the last statement
    const e = s.expression;
    if (!lastStmt || s.start !== lastStmt.getStart() || e.type !== 'CallExpression') return false;
    const args = e.arguments;
    const fnArg = args[args.length - 1];
    if (!fnArg || (fnArg.type !== 'FunctionExpression' && fnArg.type !== 'ArrowFunctionExpression')) return false;
    const calleeOk = e.callee.type === 'Identifier' ? cannotThrow(e.callee, ctx) : e.callee.type === 'MemberExpression' && !e.callee.computed && (cannotThrow(e.callee, ctx));
    return calleeOk && args.slice(0, -1).every((a) => a.type !== 'SpreadElement' && a.type !== 'ArgumentPlaceholder' && cannotThrow(a, ctx));
  };
  for (const s of stmts) {
    const node = findStatement(fnPath, s.getStart());
    if (!node || !cannotThrowStatement(node, ctx, known)) return firstRisky(s);
  }
  return undefined;
}

const SERIALIZING = new Set(['json', 'jsonp', 'send']);

/** A value JSON.stringify turns into text without running code: primitives, and arrays and objects written of them. */
function serializesSafely(a: t.Node, ctx: InertContext): boolean {
  if (primitiveKind(a, ctx) !== null) return true;
  if (a.type === 'ArrayExpression') return a.elements.every((x) => x !== null && x.type !== 'SpreadElement' && serializesSafely(x, ctx));
  if (a.type === 'ObjectExpression') {
    return a.properties.every((p) => p.type === 'ObjectProperty' && !p.computed && serializesSafely(p.value, ctx));
  }
  return a.type === 'Identifier' && Boolean(ctx.knownString?.(a));
}

function findStatement(fnPath: NodePath<t.Function>, start: number): t.Node | undefined {
  const body = fnPath.node.body;
  if (body.type !== 'BlockStatement') return undefined;
  const top = body.body.find((s) => s.start === start);
  if (top) return top;
  // (a statement of an if's branches: the rest of `if (err) { … } else if (…) { … }`)
  const within = (list: t.Statement[]): t.Node | undefined => {
    for (const st of list) {
      if (st.start === start) return st;
      if (st.type === 'IfStatement' && st.start! < start && st.end! > start) {
        const found = within([st.consequent, ...(st.alternate ? [st.alternate] : [])]);
        if (found) return found;
      }
      if (st.type === 'BlockStatement' && st.start! < start && st.end! > start) return within(st.body);
      // (an answer inside a try the service keeps: exit-rewrite.ts answerInTry)
      if (st.type === 'TryStatement' && st.start! < start && st.end! > start) return within([st.block, ...(st.handler ? [st.handler.body] : [])]);
    }
    return undefined;
  };
  return within(body.body);
}

/** The node to point at: the first call, property read or assignment in the statement, else the statement. */
function firstRisky(s: Node): Node {
  return s.getFirstDescendant((d) => Node.isCallExpression(d) || Node.isBinaryExpression(d) && d.getOperatorToken().getText() === '=' || Node.isElementAccessExpression(d)) ?? s;
}

/**
 * A name whose value the client sent, typed by declaration only: a parameter of the handler (or a name destructured
 * from one), or a variable initialised from one (`const { title } = req.body`, `const t = body.title as string`).
 * Route parameters are the exception: Express hands them as strings.
 */
function clientTyped(n: Node | undefined, handler: Node): boolean {
  if (!n || !Node.isIdentifier(n)) return false;
  const ofHandler = (d: Node) => (Node.isParameterDeclaration(d) || !!d.getFirstAncestorByKind(SyntaxKind.Parameter)) && !!d.getFirstAncestor((a) => a === handler);
  const decl = n.getSymbol()?.getDeclarations()[0];
  if (!decl) return false;
  if (ofHandler(decl)) return true;
  const v = Node.isVariableDeclaration(decl) ? decl : decl.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
  let init: Node | undefined = v?.getInitializer();
  const path: string[] = [];
  while (init && (Node.isPropertyAccessExpression(init) || Node.isElementAccessExpression(init) || Node.isAsExpression(init) || Node.isNonNullExpression(init) || Node.isParenthesizedExpression(init))) {
    if (Node.isPropertyAccessExpression(init)) path.unshift(init.getName());
    init = init.getExpression();
  }
  if (!init || !Node.isIdentifier(init)) return false;
  const root = init.getSymbol()?.getDeclarations()[0];
  if (!root || !ofHandler(root)) return false;
  // `req.params.id`, or `id` destructured from `req.params`
  const params = path[0] === 'params' || (Node.isBindingElement(decl) && path.length === 1 && path[0] === 'params') || (root && Node.isBindingElement(root) && (root.getPropertyNameNode()?.getText() ?? root.getName()) === 'params');
  return !params;
}

function primitiveTyped(n: Node | undefined): boolean {
  if (!n) return false;
  const type = n.getType();
  const parts = type.isUnion() ? type.getUnionTypes() : [type];
  return parts.every((p) => p.isString() || p.isStringLiteral() || p.isNumber() || p.isNumberLiteral() || p.isBoolean() || p.isBooleanLiteral() || p.isNull() || p.isUndefined());
}

/**
 * `process.env.NYT_KEY` of Node's own `process` (no binding of the name in the module): reading a variable of the
 * environment runs no code of the app and gives a string or undefined (Node turns what is assigned into a string).
 * Said here because a JavaScript app without @types/node has no type for `process` to vouch for it; not where the
 * app replaces the environment (`environmentReplaced`).
 */
function environmentRead(e: t.Node, scope: Scope, file: import('ts-morph').SourceFile): boolean {
  if (e.type !== 'MemberExpression' || !(e.computed ? e.property.type === 'StringLiteral' : e.property.type === 'Identifier')) return false;
  const env = e.object;
  return env.type === 'MemberExpression' && !env.computed && env.property.type === 'Identifier' && env.property.name === 'env' && env.object.type === 'Identifier' && env.object.name === 'process' && !scope.hasBinding('process') && !environmentReplaced(file);
}

/**
 * Whether a file of the project replaces the environment or `process` (`process.env = new Proxy(…)` that throws on a
 * missing name, `Object.defineProperty(process, 'env', …)`, `globalThis.process = …`): then a read of it may run the
 * app's code, and none is vouched for (adversarial round 14, F4). Asked once per project.
 */
const replacedIn = new WeakMap<object, boolean>();
function environmentReplaced(file: import('ts-morph').SourceFile): boolean {
  const project = file.getProject();
  let found = replacedIn.get(project);
  if (found === undefined) {
    const replaces = /\bprocess\s*(\.\s*env|\[\s*['"`]env['"`]\s*\])\s*=(?!=)|\b(global|globalThis|window|self)\s*(\.\s*process|\[\s*['"`]process['"`]\s*\])\s*=(?!=)|\b(defineProperty|defineProperties|assign|setPrototypeOf)\s*\(\s*(process|(global|globalThis)\s*\.\s*process)\s*[,)]|\bprocess\s*=(?!=)/;
    found = project.getSourceFiles().some((sf) => !sf.isDeclarationFile() && !sf.getFilePath().includes('/node_modules/') && replaces.test(sf.getFullText()));
    replacedIn.set(project, found);
  }
  return found;
}

/** A const never assigned again whose value is a variable of the environment (`const apiKey = process.env.NYT_KEY`). */
function environmentConstant(e: t.Node, scope: Scope, file: import('ts-morph').SourceFile): boolean {
  if (e.type !== 'Identifier') return false;
  const b = scope.getBinding(e.name);
  if (!b || b.kind !== 'const' || b.constantViolations.length || b.path.node.type !== 'VariableDeclarator' || b.path.node.id.type !== 'Identifier') return false;
  const init = b.path.node.init;
  return !!init && environmentRead(init, b.path.scope, file);
}

/** `req.body`, `req.params.id`: read before the logic and passed in, so a plain name in the service. */
function requestRead(e: t.Node, scope: Scope, req: Binding | undefined): boolean {
  if (!req || e.type !== 'MemberExpression' || e.computed || e.property.type !== 'Identifier') return false;
  const obj = e.object;
  if (obj.type === 'Identifier') return scope.getBinding(obj.name) === req && REQUEST_PARTS.has(e.property.name);
  return obj.type === 'MemberExpression' && !obj.computed && obj.property.type === 'Identifier' && obj.object.type === 'Identifier' && scope.getBinding(obj.object.name) === req && REQUEST_PARTS.has(obj.property.name);
}

/**
 * A request field Express hands as a string (or undefined): route parameters (`req.params.id`), `req.ip`, `req.path`
 * & co., and the peer address (`req.socket.remoteAddress`, or `connection.remoteAddress` of a destructured request).
 */
function routeParam(e: t.Node, scope: Scope, req: Binding | undefined, fromRequest: (root: t.Identifier) => boolean): boolean {
  if (e.type !== 'MemberExpression' || e.computed || e.property.type !== 'Identifier') return false;
  if (requestRead(e, scope, req) && e.object.type === 'MemberExpression' && e.object.property.type === 'Identifier' && e.object.property.name === 'params') return true;
  if (req && e.object.type === 'Identifier' && scope.getBinding(e.object.name) === req && STRING_FIELDS.has(e.property.name)) return true;
  return peerAddress(e, scope, req, fromRequest);
}

/** Request fields that are strings (getters of Express's that compute them from the request line and headers). */
const STRING_FIELDS = new Set(['ip', 'hostname', 'method', 'path', 'url', 'originalUrl', 'baseUrl', 'protocol']);

/** `req.socket.remoteAddress`, `req.connection.remotePort`, `connection.remoteAddress` of `({ connection }: Request)`. */
function peerAddress(e: t.Node, scope: Scope, req: Binding | undefined, fromRequest: (root: t.Identifier) => boolean): boolean {
  if (e.type !== 'MemberExpression' || e.computed || e.property.type !== 'Identifier' || !PEER_FIELDS.has(e.property.name)) return false;
  const o = e.object;
  if (o.type === 'Identifier') return SOCKET_PARTS.has(o.name) && fromRequest(o);
  return o.type === 'MemberExpression' && !o.computed && o.property.type === 'Identifier' && SOCKET_PARTS.has(o.property.name) && o.object.type === 'Identifier' && !!req && scope.getBinding(o.object.name) === req;
}

/** `user.id` where the checker types `user` as a non-nullable object that declares `id` (declared types trusted). */
function typedRead(e: t.Node, ctx: InertContext, tsAt: (n: t.Node) => Node | undefined, fromRequest: (root: t.Identifier) => boolean): boolean {
  if (e.type !== 'MemberExpression' || e.computed || e.property.type !== 'Identifier' || e.object.type === 'Super') return false;
  // what the client sent is typed by declaration only (`Request<{}, any, { meta: { tag: string } }>`): its fields may be missing
  let root: t.Node = e.object;
  while (root.type === 'MemberExpression' || root.type === 'TSNonNullExpression' || root.type === 'TSAsExpression') root = root.type === 'MemberExpression' ? root.object : root.expression;
  if (root.type === 'Identifier' && fromRequest(root)) return false;
  if (!cannotThrow(e.object, ctx)) return false;
  const obj = tsAt(e.object);
  if (!obj) return false;
  // (without strictNullChecks every type reads as non-nullable, whatever the value may be: only a value that is an
  // object by how it was made is vouched for)
  const options = obj.getProject().getCompilerOptions();
  if (!(options.strictNullChecks ?? options.strict ?? true) && !objectByMaking(obj)) return false;
  const type = obj.getType();
  if (type.isAny() || type.isUnknown() || type.isNullable() || type.isUndefined() || type.isNull()) return false;
  if (type.isUnion() && type.getUnionTypes().some((u) => u.isNull() || u.isUndefined() || u.isAny())) return false;
  const prop = type.getProperty(e.property.name) ?? type.getApparentType().getProperty(e.property.name);
  // a getter runs code, which may throw: only properties declared as plain values (not `get x()`, not
  // `Object.defineProperty(exports, 'x', { get … })`, not an auto-accessor)
  // (a package's `export declare const conn` may be a getter at run time: tsc writes re-exports that way, and a
  // package may define one; only the program's own variables are known to be plain)
  const decls = prop?.getDeclarations() ?? [];
  return decls.length > 0 && decls.every((d) => PLAIN_PROPERTY.has(d.getKind()) && !(Node.isPropertyDeclaration(d) && d.hasModifier(SyntaxKind.AccessorKeyword)) && !(Node.isVariableDeclaration(d) && d.getSourceFile().isDeclarationFile()));
}

/**
 * An identifier naming what cannot be null or undefined by the way it was made: a module (`const db = require('./db')`,
 * `import * as db`), a class, function, enum or namespace of the program, or a const holding an object literal, an
 * array, a function or `new X()`; through imports of such declarations too.
 */
function objectByMaking(n: Node): boolean {
  if (!Node.isIdentifier(n)) return false;
  let sym = n.getSymbol();
  // (the name itself may be assigned again before the alias is followed: `var cfg = require('./cfg'); … cfg = undefined`)
  const own = sym?.getDeclarations()[0];
  if (own && (Node.isVariableDeclaration(own) || Node.isBindingElement(own)) && Node.isIdentifier(own.getNameNode()) && !neverAssigned(own)) return false;
  if (sym?.isAlias()) {
    const decl = sym.getDeclarations()[0];
    if (decl && Node.isNamespaceImport(decl)) return true;
    sym = sym.getAliasedSymbol();
  }
  const decls = sym?.getDeclarations() ?? [];
  // (a function or class with members assigned to it, `function User() {}; User.all = …`, is declared by both)
  if (decls.some((d) => Node.isClassDeclaration(d) || Node.isFunctionDeclaration(d) || Node.isEnumDeclaration(d) || Node.isModuleDeclaration(d) || Node.isSourceFile(d))) return true;
  return decls.length > 0 && decls.every((d) => {
    if (!Node.isVariableDeclaration(d) || !Node.isIdentifier(d.getNameNode()) || !neverAssigned(d)) return false;
    let init = d.getInitializer();
    while (init && (Node.isParenthesizedExpression(init) || Node.isAsExpression(init) || Node.isNonNullExpression(init))) init = init.getExpression();
    if (!init) return false;
    if (Node.isObjectLiteralExpression(init) || Node.isArrayLiteralExpression(init) || Node.isArrowFunction(init) || Node.isFunctionExpression(init) || Node.isClassExpression(init) || Node.isNewExpression(init)) return true;
    return Node.isCallExpression(init) && init.getExpression().getText() === 'require' && init.getArguments().length === 1 && Node.isStringLiteral(init.getArguments()[0]);
  });
}

const assignedLater = new WeakMap<Node, boolean>();

/** A const, or a var or let no code of the program assigns again (`var db = require('../db')`). */
function neverAssigned(d: import('ts-morph').VariableDeclaration | import('ts-morph').BindingElement): boolean {
  const statement = d.getFirstAncestorByKind(SyntaxKind.VariableStatement);
  if (statement?.getDeclarationKind() === 'const') return true;
  let assigned = assignedLater.get(d);
  if (assigned === undefined) {
    // (a variable is assigned only inside its own file)
    const sym = d.getNameNode().getSymbol();
    assigned = !!sym && assignedIn(d.getSourceFile().getStatements(), sym);
    assignedLater.set(d, assigned);
  }
  return !assigned;
}

/** Declarations of a property that hold a value (reading it runs no code of the program). */
const PLAIN_PROPERTY = new Set([SyntaxKind.PropertySignature, SyntaxKind.PropertyDeclaration, SyntaxKind.PropertyAssignment, SyntaxKind.ShorthandPropertyAssignment, SyntaxKind.MethodDeclaration, SyntaxKind.MethodSignature, SyntaxKind.EnumMember, SyntaxKind.BinaryExpression, SyntaxKind.PropertyAccessExpression, SyntaxKind.VariableDeclaration, SyntaxKind.FunctionDeclaration]);

// ---------------------------------------------------------------------------------------------------------------
// 3. The rewrite: `const x = await new Promise(…)`, the callback's statements after it

const dedented = new WeakMap<Walk, Map<number, number>>();
const renames = new WeakMap<Walk, { start: number; end: number; text: string }[]>();

/** The names the service uses for callback results a conversion renamed (`user` → `userResult`), per walk. */
const renamedTo = new WeakMap<Walk, Map<MorphSymbol, string>>();

function flatten(w: Walk, tail: ErrorFirstTail, keptCount: number, values: MorphSymbol[]): void {
  const { edits } = w;
  const { stmt, call, cb, errStmt } = tail;
  const file = stmt.getSourceFile();
  const text = file.getFullText();
  const params = cb.getParameters();
  const result = params[1];
  let resultName = result?.getName();
  // names: the flattened result joins the enclosing block; a name used outside the callback (the callback's `user`
  // shadowing the handler's) is renamed (`userResult`); the executor's resolve/reject must not capture a name
  const outsideIds = w.site.fn.getDescendantsOfKind(SyntaxKind.Identifier).filter((i) => i.getStart() < cb.getStart() || i.getStart() >= cb.getEnd());
  const outside = new Set(outsideIds.map((i) => i.getText()));
  if (result && resultName && outsideIds.some((i) => isReference(i) && i.getText() === resultName)) {
    const inside = new Set(cb.getDescendantsOfKind(SyntaxKind.Identifier).map((i) => i.getText()));
    let fresh = `${resultName}Result`;
    for (let i = 2; outside.has(fresh) || inside.has(fresh); i++) fresh = `${resultName}Result${i}`;
    const sym = result.getNameNode().getSymbol();
    const refs = cb.getDescendantsOfKind(SyntaxKind.Identifier).filter((i) => i !== result.getNameNode() && referenced(i) === sym && isReference(i));
    let pending = renames.get(w);
    if (!pending) renames.set(w, (pending = []));
    for (const r of refs) pending.push({ start: r.getStart(), end: r.getEnd(), text: Node.isShorthandPropertyAssignment(r.getParent()) ? `${resultName}: ${fresh}` : fresh });
    if (sym) {
      let names = renamedTo.get(w);
      if (!names) renamedTo.set(w, (names = new Map()));
      names.set(sym, fresh);
    }
    resultName = fresh;
  }
  const argIds = call.getArguments().slice(0, -1).flatMap((a) => [a, ...a.getDescendants()]).filter((d) => Node.isIdentifier(d));
  const calleeIds = [call.getExpression(), ...call.getExpression().getDescendants()].filter((d) => Node.isIdentifier(d));
  const captured = [...argIds, ...calleeIds].find((i) => ['resolve', 'reject'].includes(i.getText()));
  if (captured) throw new Unsafe('error-first-callback', `the call uses \`${captured.getText()}\`, which the promise's executor would shadow`, captured);
  const all = successStatements(tail);
  const body = all.slice(0, all.length - keptCount);
  // (`if (err) { … } else {`: what goes ends with the else block's brace)
  const otherwise = tail.rest ? (errStmt as import('ts-morph').IfStatement).getElseStatement()! : undefined;
  // (`else if (…)`: the if itself is the rest, starting on the else's line)
  const elseIf = !!otherwise && !Node.isBlock(otherwise);
  const headEnd = otherwise ? otherwise.getStart() + (elseIf ? 0 : 1) : errStmt.getEnd();
  const closeFrom = all.length ? all[all.length - 1].getEnd() : headEnd;
  const closing = text.slice(closeFrom, stmt.getEnd());
  if (/\/[/*]/.test(closing)) throw new Unsafe('error-first-callback', 'a comment at the end of the callback would be lost', cb);
  const between = text.slice(headEnd, body.length ? body[0].getStart() : headEnd);
  const betweenComments = /\/[/*]/.test(between);
  const ts = /\.[cm]?tsx?$/.test(file.getFilePath());
  let typeArg = '';
  if (ts) {
    const annotated = result?.getTypeNode()?.getText();
    const inferred = result && !annotated ? result.getType().getText(result) : undefined;
    if (inferred && !typeTextResolves(inferred, file)) {
      throw new Unsafe('error-first-callback', `the callback's \`${resultName}\` has no type annotation to give the promise (\`${inferred.slice(0, 40)}\`)`, result!);
    }
    typeArg = `<${annotated ?? inferred ?? 'void'}>`;
  }
  const arrow = Node.isArrowFunction(cb);
  const semi = /;\s*$/.test(stmt.getText()) || /;\s*$/.test(errStmt.getText()) ? ';' : '';
  const kw = /\b(const|let)\s/.test(text) || !/\bvar\s/.test(text) ? 'const' : 'var';
  const value = resultName ? 'value' : '';
  // the callback's own annotations stay on its parameters (an argument position typed `any` gives no context)
  const ann = (i: number) => (ts && params[i]?.getTypeNode() ? `: ${params[i].getTypeNodeOrThrow().getText()}` : '');
  const cbParams = `error${ann(0)}${resultName ? `, value${ann(1)}` : ''}`;
  const executor = arrow
    ? `(${cbParams}) => (error ? reject(error) : resolve(${value}))))`
    : `function (${cbParams}) { if (error) reject(error)${semi || ';'} else resolve(${value})${semi || ';'} })${semi} })`;
  insertAt(w, call.getStart(), `${resultName ? `${kw} ${resultName} = ` : ''}await new Promise${typeArg}(${arrow ? '(resolve, reject) => ' : 'function (resolve, reject) { '}`);
  const stmtIndent = indentAt(text, stmt.getStart());
  // the values the epilogue (kept in the controller) reads are the service's result
  const inService = (v: MorphSymbol) => renamedTo.get(w)?.get(v) ?? v.getName();
  const returned = values.length === 1 ? inService(values[0]) : values.length ? `{ ${values.map((v) => (inService(v) === v.getName() ? v.getName() : `${v.getName()}: ${inService(v)}`)).join(', ')} }` : '';
  // (at the indentation the statement has once the callbacks around it are flattened)
  const lessBy = dedented.get(w)?.get(lineStart(text, stmt.getStart())) ?? 0;
  const ret = returned ? `\n${stmtIndent.slice(0, stmtIndent.length - lessBy)}return ${returned}${semi}` : '';
  if (!body.length) {
    edits.replace(cb.getStart(), stmt.getEnd(), executor + semi + ret);
  } else {
    const first = body[0];
    let firstLine = lineStart(text, betweenComments ? headEnd : first.getStart());
    // up to the line break before the callback's first statement (a response removed with its line starts there)
    const eol = firstLine - 1 - (text[firstLine - 2] === '\r' ? 1 : 0);
    if (elseIf) {
      // `} else if (…) {` shares its line with the error branch's end: the if starts a line of its own
      edits.replace(cb.getStart(), first.getStart(), `${executor}${semi}\n${stmtIndent.slice(0, stmtIndent.length - lessBy)}`);
      firstLine = text.indexOf('\n', first.getStart()) + 1;
    } else edits.replace(cb.getStart(), betweenComments ? headEnd : eol, executor + semi);
    if (ret) edits.replace(body[body.length - 1].getEnd(), stmt.getEnd(), ret);
    else edits.remove(body[body.length - 1].getEnd(), stmt.getEnd());
    // the callback's lines move left to the statement's indentation (multi-line templates keep their bytes)
    const extra = indentAt(text, first.getStart()).length - stmtIndent.length;
    dedentLines(w, cb, betweenComments ? text.indexOf('\n', headEnd) + 1 : firstLine, body[body.length - 1].getEnd(), extra);
  }
  errStmt.forEachDescendant((d) => {
    if (Node.isIdentifier(d)) w.handled.add(d);
  });
  for (const p of params) p.forEachDescendant((d) => Node.isIdentifier(d) && w.handled.add(d));
  w.skipNodes.add(errStmt);
  if (tail.rest) (w.restOf ??= new Map()).set(errStmt, tail.rest);
  w.converted.add(stmt);
  w.usesChain = true;
}

/**
 * Moves the lines starting from line start `from` up to `to` left by `by` characters (at most their indentation; once
 * per line, nested levels added up), when the moved text is sliced. Lines inside multi-line templates of `owner` keep
 * their bytes.
 */
export function dedentLines(w: Walk, owner: Node, from: number, to: number, by: number): void {
  if (by <= 0) return;
  const text = owner.getSourceFile().getFullText();
  const templates = owner.getDescendants().filter((d) => Node.isTemplateExpression(d) || Node.isNoSubstitutionTemplateLiteral(d)).map((d) => [d.getStart(), d.getEnd()] as const);
  let done = dedented.get(w);
  if (!done) dedented.set(w, (done = new Map()));
  for (let ls = from; ls > 0 && ls < to; ls = text.indexOf('\n', ls) + 1) {
    if (templates.some(([a, b]) => ls > a && ls < b)) continue;
    const already = done.get(ls) ?? 0;
    const ws = /^[ \t]*/.exec(text.slice(ls))![0];
    done.set(ls, Math.min(already + by, ws.length));
  }
}

/**
 * Applies the indentation removals of the flattened callbacks (once per line, nested levels added up); called right
 * before the moved text is sliced, so lines another edit rewrites (a response removed whole) are left to it.
 */
export function flushCallbackEdits(w: Walk): void {
  // the early answers' returns first: renames and dedents inside them give way
  flushEarlyAnswers(w, (v) => renamedTo.get(w)?.get(v) ?? v.getName(), (at) => dedented.get(w)?.get(lineStart(w.edits.source, at)) ?? 0);
  for (const r of renames.get(w) ?? []) if (!w.edits.overlaps(r.start, r.end)) w.edits.replace(r.start, r.end, r.text);
  renames.delete(w);
  const done = dedented.get(w);
  if (!done) return;
  dedented.delete(w);
  for (const [ls, n] of done) if (n > 0 && !w.edits.overlaps(ls, ls + n)) w.edits.remove(ls, ls + n);
}

const TYPE_WORDS = new Set(['string', 'number', 'boolean', 'bigint', 'symbol', 'any', 'unknown', 'never', 'null', 'undefined', 'void', 'object', 'true', 'false', 'Error', 'Date', 'Buffer', 'Array', 'ReadonlyArray', 'Record', 'Map', 'Set', 'Promise', 'Partial', 'Readonly']);

/** A checker type text the route file can write (its names bound at module level, or global), so the service can too. */
function typeTextResolves(text: string, file: SourceFile): boolean {
  if (/import\(|=>|\{/.test(text)) return false;
  const locals = new Set(file.getStatements().flatMap((s) => (Node.isImportDeclaration(s) ? [s.getDefaultImport()?.getText(), s.getNamespaceImport()?.getText(), ...s.getNamedImports().map((n) => (n.getAliasNode() ?? n.getNameNode()).getText())] : Node.isInterfaceDeclaration(s) || Node.isTypeAliasDeclaration(s) || Node.isClassDeclaration(s) || Node.isEnumDeclaration(s) ? [s.getName()] : [])));
  for (const m of text.matchAll(/(?<![.\w$'"])([A-Za-z_$][\w$]*)/g)) {
    if (!TYPE_WORDS.has(m[1]) && !locals.has(m[1])) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// 4. An error answered in the callback: the controller's reaction to a failed service call

/**
 * `if (err) { return res.status(422).send({ message: errorHandler.getErrorMessage(err) }); }`: the branch stays in the
 * controller word for word, as the reaction to the service's failure (its parameter named as the callback's error).
 * One reaction answers every failure, so every callback of the chain must answer alike (or all hand to next), and the
 * branch may read only what stays in the controller: the error, the request and response, names declared before the
 * logic, module-level names.
 */
function keepErrorAnswer(w: Walk, t: ErrorFirstTail): void {
  const answer = t.answer!;
  const errParam = t.cb.getParameters()[0];
  const file = t.stmt.getSourceFile();
  for (const id of answer.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (!isReference(id)) continue;
    const sym = referenced(id);
    if (!sym || roleOf(sym, w.roles)) continue;
    const decl = sym.getDeclarations()[0];
    if (!decl || decl === errParam || decl.getSourceFile() !== file) continue;
    if (decl.getFirstAncestor((a) => a === w.site.fn) && decl.getStart() >= w.regionStart) {
      throw new Unsafe('error-answer-in-callback', `the answer to the callback's error reads \`${id.getText()}\` of the logic, which moves to the service`, id);
    }
  }
  const text = file.getFullText();
  // (a literal spanning lines would change with its lines moved)
  const spanning = answer.getDescendants().find((d) => (Node.isTemplateExpression(d) || Node.isNoSubstitutionTemplateLiteral(d) || Node.isStringLiteral(d)) && d.getText().includes('\n'));
  if (spanning) throw new Unsafe('error-answer-in-callback', "the answer to the callback's error holds a literal spanning lines, which would change with its lines moved into the controller", spanning);
  // the branch's lines as written, comments included, moved left to its first statement's indentation
  const first = Node.isBlock(answer) ? answer.getStatements()[0] : answer;
  const base = indentAt(text, first.getStart());
  const inner = Node.isBlock(answer) ? text.slice(answer.getStart() + 1, answer.getEnd() - 1) : answer.getText();
  const lines = inner.split(/\r?\n/).map((l) => (l.startsWith(base) ? l.slice(base.length) : l.trimStart()));
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  const param = errParam.getName();
  const before = w.errorAnswer;
  if ((before && (before.param !== param || before.lines.join('\n') !== lines.join('\n'))) || w.forwardsErrorFirst) {
    throw new Unsafe('error-answer-in-callback', 'the callbacks of the chain answer their errors differently: one reaction of the controller answers every failure of the service', t.call);
  }
  w.errorAnswer ??= { param, lines };
  (w.keepRanges ??= []).push([answer.getStart(), answer.getEnd()]);
}
