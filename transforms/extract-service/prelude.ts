/**
 * Phase 2b: the controller-kept prelude. A handler that validates or writes the request before its logic
 * (express-validator's `await check('email').isEmail().run(req)`, `const errors = validationResult(req)` answered by
 * `if (!errors.isEmpty()) { req.flash('errors', errors.array()); return res.redirect('/signup') }`, `req.flash(...)`,
 * `req.session.x = …`, `if (req.isAuthenticated()) return res.redirect('/')`) keeps those statements in the controller, unchanged and in their place; only the logic after
 * them moves. The request values the logic reads are read at the service call, i.e. after the last prelude write (the
 * sanitised `req.body`), and the logic itself may not touch the request beyond plain reads (checked as before).
 *
 * A statement belongs to the prelude only when it is provably done with the request before the logic starts:
 * every call that is handed the request is an express-validator chain awaited right there (`.run(req)`) or its
 * synchronous `validationResult`/`matchedData` (any other function handed the request may be the logic itself); methods of the request (`req.flash`, `req.isAuthenticated`) and writes to it are
 * synchronous; no callback is created; and an `if` of the prelude tests only prelude values and request reads and
 * its branch ends in a response (`return res.redirect(...)`); a test of request values alone is a prelude only when its
 * branch is a single page or redirect answer (an auth guard), never an error answer (validation the service throws).
 *
 * A guard through a function of the app handed the response, which answers by itself when it fails
 * (`const file = verifyFileExists(id, files, res); if (!file) return;`), is a prelude too, with the set-up statements
 * before it (answeringGuard).
 */
import { Node, SyntaxKind, ts, type Statement } from 'ts-morph';
import { type Roles, chainRoot, isFunctionLike, isReference, isRequestRead, referenced, requestRead, responseChain, roleOf } from './handler-model.js';
import type { RouteSite } from './routes.js';

/** express-validator functions that read the request synchronously and keep no reference to it. */
const SYNC_VALIDATOR_READS = new Set(['validationResult', 'matchedData']);

/** Does `name` (an identifier at `at`) come from express-validator? */
function fromValidator(id: Node): boolean {
  if (!Node.isIdentifier(id)) return false;
  const decl = referenced(id)?.getDeclarations()[0];
  if (!decl) return false;
  const imp = decl.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
  if (imp) return imp.getModuleSpecifierValue() === 'express-validator';
  const v = decl.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
  return !!v && /^require\(\s*['"]express-validator['"]\s*\)$/.test(v.getInitializer()?.getText() ?? '');
}

/** A prelude statement that touches the request (and never the response or next). */
function requestStep(s: Statement, roles: Roles, declared: Set<string>): boolean {
  if (!Node.isExpressionStatement(s) && !Node.isVariableStatement(s)) return false;
  let touches = false;
  let ok = true;
  s.forEachDescendant((d, t) => {
    if (!ok) return t.stop();
    if (isFunctionLike(d)) {
      ok = false;
      return;
    }
    if (!Node.isIdentifier(d) || !isReference(d)) return;
    const role = roleOf(referenced(d), roles);
    if (role === 'response' || role === 'next' || role === 'context') {
      ok = false;
      return;
    }
    if (role !== 'request') return;
    const parent = d.getParentOrThrow();
    if (Node.isCallExpression(parent) && parent.getArguments().includes(d as never)) {
      // handed to a call: awaited right there, or a synchronous read of express-validator
      touches = true;
      const outer = parent.getParent();
      const callee = parent.getExpression();
      // (other functions handed the request may be the logic itself: `await users.findFor(req)` is not a prelude)
      const awaited = Node.isAwaitExpression(outer) && fromValidator(chainRoot(callee));
      if (!awaited && !(Node.isIdentifier(callee) && SYNC_VALIDATOR_READS.has(callee.getText()) && fromValidator(callee))) ok = false;
      return;
    }
    if (requestRead(d, 'request')) return;
    // `req.flash(...)`, `req.isAuthenticated()`, `req.session.x = …`: the request's own state, synchronously
    touches = true;
  });
  if (ok && Node.isVariableStatement(s)) for (const v of s.getDeclarations()) declared.add(v.getName());
  return ok && touches;
}

/** `if (!errors.isEmpty()) { req.flash(...); return res.redirect('/x') }`: a test of prelude values answered at once. */
function answeredCheck(s: Statement, roles: Roles, declared: Set<string>, reads: Set<string>, framework: RouteSite['framework']): boolean {
  if (!Node.isIfStatement(s) || s.getElseStatement()) return false;
  // the test: prelude values, request reads, calls on them; nothing else of the handler or the module
  let testOk = true;
  let usesPrelude = false;
  s.getExpression().forEachDescendant((d) => {
    if (isFunctionLike(d)) testOk = false;
    if (!Node.isIdentifier(d) || !isReference(d)) return;
    const role = roleOf(referenced(d), roles);
    if (role === 'request') {
      // a request read, or a method of the request's own state (`req.isAuthenticated()`)
      const access = d.getParent();
      const method = Node.isPropertyAccessExpression(access) && Node.isCallExpression(access.getParent()) && (access.getParent() as import('ts-morph').CallExpression).getExpression() === access;
      if (!requestRead(d, 'request') && !method) testOk = false;
      if (method) usesPrelude = true;
      return;
    }
    if (role) testOk = false;
    else if (declared.has(d.getText())) usesPrelude = true;
    else if (!reads.has(d.getText())) testOk = false;
  });
  const test = s.getExpression();
  if (Node.isIdentifier(test)) {
    if (declared.has(test.getText())) usesPrelude = true;
    else if (!reads.has(test.getText()) && roleOf(referenced(test), roles) !== 'request') testOk = false;
  }
  if (!testOk) return false;
  const then = s.getThenStatement();
  const list = Node.isBlock(then) ? then.getStatements() : [then];
  const last = list[list.length - 1];
  if (!last || !Node.isReturnStatement(last)) return false;
  const e = last.getExpression();
  const chain = e && responseChain(e, roles, framework);
  if (!e || !chain) return false;
  // A guard on request values alone (`if (req.user) return res.redirect('/')`) is the controller's when it answers
  // with a page or a redirect, not an error: an error answer there is validation, which the service throws.
  if (!usesPrelude) {
    if (list.length !== 1 || !chain.methods.every((m) => m === 'redirect' || m === 'render')) return false;
  }
  // the response's arguments: literals and prelude values only
  for (const d of e.getDescendants()) {
    if (isFunctionLike(d)) return false;
    if (Node.isIdentifier(d) && isReference(d) && !roleOf(referenced(d), roles) && !declared.has(d.getText()) && d.getSymbol()?.getDeclarations().length) {
      return false;
    }
  }
  return list.slice(0, -1).every((x) => requestStep(x, roles, new Set(declared)));
}

/** The call of `e` (through `await` and parentheses) when it is handed the response object itself. */
function responseHelperCall(e: Node | undefined, roles: Roles): import('ts-morph').CallExpression | undefined {
  let x = e;
  while (x && (Node.isAwaitExpression(x) || Node.isParenthesizedExpression(x))) x = x.getExpression();
  if (!x || !Node.isCallExpression(x)) return undefined;
  return x.getArguments().some((a) => Node.isIdentifier(a) && roleOf(referenced(a), roles) === 'response') ? x : undefined;
}

/** `return;` or `{ return; }`. */
function bareReturn(s: Statement): boolean {
  const list = Node.isBlock(s) ? s.getStatements() : [s];
  return list.length === 1 && Node.isReturnStatement(list[0]) && !list[0].getExpression();
}

/** `if (!x) return;` on the name `x`. */
function guardOn(s: Statement | undefined, name: string): boolean {
  if (!s || !Node.isIfStatement(s) || s.getElseStatement() || !bareReturn(s.getThenStatement())) return false;
  const test = s.getExpression();
  return Node.isPrefixUnaryExpression(test) && test.getOperatorToken() === SyntaxKind.ExclamationToken && Node.isIdentifier(test.getOperand()) && test.getOperand().getText() === name;
}

/**
 * How many statements from `i` on are a guard through a function of the app handed the response, which answers the
 * request itself when it fails: `const file = verifyFileExists(id, files, res); if (!file) return;` (2), or
 * `if (!verifySession(req, res)) return;` (1); 0 otherwise. Such a guard, and everything before it, stays in the
 * controller as it is. The helper must be done when it returns (its result is not a promise, or it is awaited), and
 * the guard must not narrow the name's type (the service's input is typed where the name is declared).
 */
function answeringGuard(statements: Statement[], i: number, roles: Roles): number {
  const s = statements[i];
  if (Node.isIfStatement(s) && !s.getElseStatement() && bareReturn(s.getThenStatement())) {
    const test = s.getExpression();
    const call = Node.isPrefixUnaryExpression(test) && test.getOperatorToken() === SyntaxKind.ExclamationToken ? responseHelperCall(test.getOperand(), roles) : undefined;
    // (a type predicate, `isThing(body, res): body is Thing`, narrows what the logic then reads)
    return call && settled(call) && !narrowsByPredicate(call) ? 1 : 0;
  }
  if (!Node.isVariableStatement(s) || s.getDeclarations().length !== 1) return 0;
  const v = s.getDeclarations()[0];
  const nameNode = v.getNameNode();
  const call = responseHelperCall(v.getInitializer(), roles);
  if (!call || !settled(call) || !Node.isIdentifier(nameNode) || !guardOn(statements[i + 1], nameNode.getText())) return 0;
  // (`T | undefined`, `T | void`, `T | false`, `T | ''`: the guard narrows it, and the service's input would keep the
  // wider type; `any` and other single types stay as they are)
  const type = v.getType();
  if (type.isUnion() && type.getUnionTypes().some((t) => t.isNull() || t.isUndefined() || t.isBooleanLiteral() || t.isLiteral() || (t.getFlags() & ts.TypeFlags.Void) !== 0)) return 0;
  return 2;
}

/** Whether a signature of the called function is a type predicate (`x is T`, `asserts x`). */
function narrowsByPredicate(call: import('ts-morph').CallExpression): boolean {
  const checker = call.getProject().getTypeChecker().compilerObject;
  return call.getExpression().getType().getCallSignatures().some((sig) => !!checker.getTypePredicateOfSignature(sig.compilerSignature));
}

/** A statement before an answering guard that only sets up: no await, return, response or next. */
function setUp(s: Statement, roles: Roles): boolean {
  if (!Node.isVariableStatement(s) && !Node.isExpressionStatement(s)) return false;
  return !s.getDescendants().some((d) => Node.isAwaitExpression(d) || Node.isReturnStatement(d) || (Node.isIdentifier(d) && isReference(d) && ['response', 'next', 'context'].includes(roleOf(referenced(d), roles) ?? '')));
}

/**
 * A call whose work is done when the statement ends: awaited, typed as something other than a promise, or a
 * synchronous function of the project that creates no function (nothing of it can run later).
 */
function settled(call: import('ts-morph').CallExpression): boolean {
  if (Node.isAwaitExpression(call.getParent())) return true;
  const type = call.getType();
  if (!type.isAny()) return !type.getProperty('then');
  const callee = call.getExpression();
  const decl = Node.isIdentifier(callee) ? callee.getSymbol()?.getDeclarations() : undefined;
  if (decl?.length !== 1) return false;
  const d = decl[0];
  const fn = Node.isFunctionDeclaration(d) ? d : Node.isVariableDeclaration(d) ? d.getInitializer() : undefined;
  if (!fn || !(Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) || fn.isAsync() || fn.getSourceFile().isInNodeModules()) return false;
  if (Node.isFunctionDeclaration(fn) ? fn.isGenerator() : Node.isFunctionExpression(fn) && fn.isGenerator()) return false;
  if (Node.isVariableDeclaration(d) && d.getVariableStatement()?.getDeclarationKind() !== 'const') return false;
  return !fn.getBody()?.getDescendants().some((x) => isFunctionLike(x));
}

/**
 * Index of the first statement of the logic: `from` unless statements from `from` on are a prelude (followed by
 * more statements). Request reads among the prelude statements stay with it.
 */
export function preludeEnd(site: RouteSite, statements: Statement[], from: number, roles: Roles): number {
  if (site.framework !== 'express') return from;
  // (a guard through a helper that answers keeps itself and all before it: `verifyFileExists(id, files, res)`)
  // (what runs before it must be set-up, not logic: nothing awaited, no answer, no return)
  let guarded = from;
  for (let i = from; i < statements.length - 1; i++) {
    const n = answeringGuard(statements, i, roles);
    if (n && i + n < statements.length) {
      guarded = i + n;
      i += n - 1;
    } else if (!setUp(statements[i], roles)) break;
  }
  if (guarded > from) return guarded;
  const declared = new Set<string>();
  // names of the request reads before and among the prelude (usable in a test, but they do not make one a prelude)
  const reads = new Set<string>(statements.slice(0, from).flatMap((s) => (Node.isVariableStatement(s) ? s.getDeclarations().map((v) => v.getName()) : [])));
  let k = from;
  let last = from;
  while (k < statements.length - 1) {
    const s = statements[k];
    if (isRequestRead(s, roles, site.file)) {
      if (Node.isVariableStatement(s)) for (const v of s.getDeclarations()) reads.add(v.getName());
      k++;
      continue;
    }
    if (requestStep(s, roles, declared) || answeredCheck(s, roles, declared, reads, site.framework)) {
      k++;
      last = k;
      continue;
    }
    break;
  }
  return last;
}
