/**
 * Phase 2 (classification, issue 14): a handler whose whole logic is one call of the response or of `next` is a
 * trivial one-call body, not a fat handler: `res.sendFile(path.join(__dirname, 'client.js'))`,
 * `res.download(file, opts, function (err) { ... answers only ... })`, `res.format({ html: function () { res.send(...) } })`
 * building its bodies from module values, `process.nextTick(function () { next(new Error('oh no')) })`.
 * There is no business logic to move: such a handler gets the outcome `one-response-call`.
 *
 * Strict: the logic is exactly one statement; every call in it is the response's own, `next`, `path.join`/`path.resolve`
 * of Node's path module, an array or string method of a value the checker types as one (`users.map(...).join('')`),
 * or `process.nextTick`/`setImmediate` of a function that is itself such a body; nothing is assigned except the
 * response's own `statusCode`/`statusMessage` inside its callbacks; no `await`, no loop, no declaration.
 */
import { Node, SyntaxKind, type CallExpression, type Statement } from 'ts-morph';
import { type Roles, isReference, referenced, roleOf, requestRead, isFunctionLike } from './handler-model.js';
import type { RouteSite } from './routes.js';

/** Methods of the Express response a one-call body may use (answering, choosing the answer by content type, files). */
const RESPONSE_METHODS = new Set(['send', 'json', 'jsonp', 'end', 'sendStatus', 'redirect', 'render', 'sendFile', 'sendfile', 'download', 'format', 'status', 'set', 'header', 'type', 'location', 'vary', 'attachment', 'append', 'links']);
/** Methods of arrays and strings that only build a value (the receiver typed as an array or string by the checker). */
const BUILDERS = new Set(['map', 'join', 'concat', 'slice', 'toString', 'trim', 'toUpperCase', 'toLowerCase']);
/** Fields of the response a callback of the response may set (its own answer, nothing else). */
const RESPONSE_FIELDS = new Set(['statusCode', 'statusMessage']);

interface Ctx {
  site: RouteSite;
  roles: Roles;
}

/** Why the region is a trivial one-call body (the message of the outcome), or undefined when it is not. */
export function oneResponseCall(site: RouteSite, roles: Roles, region: Statement[]): string | undefined {
  if (site.framework !== 'express' || region.length !== 1) return undefined;
  const s = region[0];
  if (!Node.isExpressionStatement(s)) return undefined;
  return oneResponseExpression(site, roles, s.getExpression());
}

/** The same for an arrow's expression body (`(req, res) => res.send(process.env.PAYPAL_CLIENT_ID)`). */
export function oneResponseExpression(site: RouteSite, roles: Roles, call: Node): string | undefined {
  if (site.framework !== 'express' || !Node.isCallExpression(call)) return undefined;
  const c: Ctx = { site, roles };
  const kind = answerCall(call, c);
  if (!kind) return undefined;
  return kind === 'next' ? 'the handler is one call of `next` (nothing to move to a service)' : kind === 'deferred' ? 'the handler is one deferred call of `next` or the response (nothing to move to a service)' : `the handler is one call of the response (\`${kind}\`, nothing to move to a service)`;
}

/** The kind of an answering call (`res.<method>`, `next`, deferred) whose arguments only build the answer, or undefined. */
function answerCall(call: CallExpression, c: Ctx): string | undefined {
  const callee = call.getExpression();
  if (Node.isIdentifier(callee) && roleOf(referenced(callee), c.roles) === 'next') {
    return call.getArguments().every((a) => buildsAnswer(a, c)) ? 'next' : undefined;
  }
  if (deferral(callee)) {
    const args = call.getArguments();
    const fn = args[0];
    if (args.length !== 1 || !(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) || fn.getParameters().length || fn.isAsync()) return undefined;
    const body = fn.getBody();
    if (!Node.isBlock(body)) return Node.isCallExpression(body) && answerCall(body, c) ? 'deferred' : undefined;
    const stmts = body.getStatements();
    if (stmts.length !== 1 || !Node.isExpressionStatement(stmts[0])) return undefined;
    const inner = stmts[0].getExpression();
    return Node.isCallExpression(inner) && answerCall(inner, c) ? 'deferred' : undefined;
  }
  // res.m1(...).m2(...): every link a response method, every argument only building the answer
  const names: string[] = [];
  let cur: Node = call;
  while (Node.isCallExpression(cur)) {
    const e = cur.getExpression();
    if (!Node.isPropertyAccessExpression(e) || !RESPONSE_METHODS.has(e.getName())) return undefined;
    // res.format's branches are looked at only when written there (an object passed by name holds unseen functions)
    if (e.getName() === 'format' && !cur.getArguments().every((a) => Node.isObjectLiteralExpression(a))) return undefined;
    if (!cur.getArguments().every((a) => buildsAnswer(a, c))) return undefined;
    names.unshift(e.getName());
    cur = e.getExpression();
  }
  if (!Node.isIdentifier(cur) || roleOf(referenced(cur), c.roles) !== 'response') return undefined;
  return `res.${names.join('().')}`;
}

/** `process.nextTick` / `setImmediate` (Node's own: not declared in the project). */
function deferral(callee: Node): boolean {
  const text = callee.getText();
  if (text !== 'process.nextTick' && text !== 'setImmediate') return false;
  const root = Node.isPropertyAccessExpression(callee) ? callee.getExpression() : callee;
  return Node.isIdentifier(root) && !(root.getSymbol()?.getDeclarations() ?? []).some((d) => !d.getSourceFile().isDeclarationFile());
}

/** `path.join` / `path.resolve` where `path` is Node's path module (required or imported). */
function pathCall(callee: Node): boolean {
  if (!Node.isPropertyAccessExpression(callee) || !['join', 'resolve'].includes(callee.getName())) return false;
  const obj = callee.getExpression();
  if (!Node.isIdentifier(obj)) return false;
  const decls = obj.getSymbol()?.getDeclarations() ?? [];
  if (decls.length !== 1) return false;
  const d = decls[0];
  const imp = d.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
  if (imp) return ['path', 'node:path'].includes(imp.getModuleSpecifierValue()) && (imp.getDefaultImport()?.getText() === obj.getText() || imp.getNamespaceImport()?.getText() === obj.getText());
  return Node.isVariableDeclaration(d) && d.getNameNode().getText() === obj.getText() && /^require\(\s*['"](node:)?path['"]\s*\)$/.test(d.getInitializer()?.getText() ?? '');
}

/** A call that only builds a value: Node's path helpers, array/string methods of typed arrays/strings, `new Error(...)`. */
function buildingCall(call: CallExpression): boolean {
  const callee = call.getExpression();
  if (pathCall(callee)) return true;
  if (!Node.isPropertyAccessExpression(callee) || !BUILDERS.has(callee.getName())) return false;
  const t = callee.getExpression().getType();
  return t.isArray() || t.isString() || t.isStringLiteral();
}

/**
 * An argument that only builds the answer: literals, reads (request reads, module values, the callback's own
 * parameters), building calls, `new Error(...)`, and functions whose statements only answer (a response callback,
 * a `res.format` branch) or only return a built value (a `.map` callback).
 */
function buildsAnswer(arg: Node, c: Ctx): boolean {
  let ok = true;
  const check = (d: Node, t?: { skip(): void }) => {
    if (!ok) return;
    if (isFunctionLike(d)) {
      if (!answerFunction(d, c)) ok = false;
      t?.skip();
      return;
    }
    if (Node.isAwaitExpression(d) || Node.isYieldExpression(d) || Node.isDeleteExpression(d) || Node.isClassExpression(d) || Node.isTaggedTemplateExpression(d)) ok = false;
    else if (Node.isBinaryExpression(d) && /^(?:[^=!<>]*=|<<=|>>=|>>>=)$/.test(d.getOperatorToken().getText()) && !['==', '===', '!=', '!==', '<=', '>='].includes(d.getOperatorToken().getText())) ok = false;
    else if (Node.isPostfixUnaryExpression(d) || (Node.isPrefixUnaryExpression(d) && /^(\+\+|--)/.test(d.getText()))) ok = false;
    else if (Node.isNewExpression(d) && !(Node.isIdentifier(d.getExpression()) && d.getExpression().getText() === 'Error' && !d.getExpression().getSymbol()?.getDeclarations().some((x) => !x.getSourceFile().isDeclarationFile()))) ok = false;
    else if (Node.isCallExpression(d) && !buildingCall(d)) ok = false;
    else if (Node.isIdentifier(d) && isReference(d)) {
      const role = roleOf(referenced(d), c.roles);
      if (role === 'response' || role === 'next' || role === 'context') ok = false;
      else if (role === 'request' && !requestRead(d, role)) ok = false;
    }
    // a function passed by name (`res.download(file, onDone)`, `handlers.done`) runs code this check does not see
    if (ok && (Node.isIdentifier(d) || Node.isPropertyAccessExpression(d)) && passedValue(d) && d.getType().getCallSignatures().length) ok = false;
  };
  check(arg);
  if (ok && !isFunctionLike(arg)) arg.forEachDescendant((d, t) => check(d, t));
  return ok;
}

/** A value used as such: not a callee, not the object of a property read, not a property's name. */
function passedValue(d: Node): boolean {
  const p = d.getParent();
  if ((Node.isCallExpression(p) || Node.isNewExpression(p)) && p.getExpression() === d) return false;
  if ((Node.isPropertyAccessExpression(p) || Node.isElementAccessExpression(p)) && p.getExpression() === d) return false;
  if (Node.isPropertyAccessExpression(p) && p.getNameNode() === d) return false;
  if (Node.isPropertyAssignment(p) && p.getNameNode() === d) return false;
  return !Node.isIdentifier(d) || isReference(d);
}

/** A function that only answers or builds: statements as `answerStatement` allows, no parameter default or rest. */
function answerFunction(fn: Node, c: Ctx): boolean {
  if (!(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) || Node.isMethodDeclaration(fn))) return false;
  if (fn.isAsync() || (!Node.isArrowFunction(fn) && fn.isGenerator())) return false;
  if (fn.getParameters().some((p) => p.hasInitializer() || p.isRestParameter() || !Node.isIdentifier(p.getNameNode()))) return false;
  const body = fn.getBody();
  if (!body) return false;
  if (!Node.isBlock(body)) return buildsAnswer(body, c);
  return body.getStatements().every((s) => answerStatement(s, c));
}

/** `res.x(...)` / `next(...)` calls, `res.statusCode = <literal>`, `return;`, `return <built value>`, `if` on reads. */
function answerStatement(s: Statement, c: Ctx): boolean {
  if (Node.isBlock(s)) return s.getStatements().every((x) => answerStatement(x, c));
  if (Node.isReturnStatement(s)) {
    const e = s.getExpression();
    return !e || (Node.isCallExpression(e) && !!answerCall(e, c)) || buildsAnswer(e, c);
  }
  if (Node.isIfStatement(s)) {
    const other = s.getElseStatement();
    return buildsAnswer(s.getExpression(), c) && !s.getExpression().getDescendantsOfKind(SyntaxKind.CallExpression).length && answerStatement(s.getThenStatement(), c) && (!other || answerStatement(other, c));
  }
  if (!Node.isExpressionStatement(s)) return false;
  const e = s.getExpression();
  if (Node.isCallExpression(e)) return !!answerCall(e, c);
  if (Node.isBinaryExpression(e) && e.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
    const left = e.getLeft();
    const right = e.getRight();
    if (!Node.isPropertyAccessExpression(left) || !RESPONSE_FIELDS.has(left.getName())) return false;
    const obj = left.getExpression();
    return Node.isIdentifier(obj) && roleOf(referenced(obj), c.roles) === 'response' && (Node.isNumericLiteral(right) || Node.isStringLiteral(right));
  }
  return false;
}
