/**
 * Phase 2 (classification): a handler that already hands its work to the app's own service layer
 * (`const result = await userService.queryUsers(pick(req.query, ['name']), options); res.send(result)` with
 * userService from src/services/user.service.js) has no business logic left to move. Extracting it would write a
 * second service that wraps the first (services/users.service.js beside services/user.service.js), which no reviewer
 * who asked for a service layer wants. Such a handler is `already-thin`.
 *
 * Strict, so that logic is never hidden behind it: exactly one call into the service layer; every other call is
 * synchronous, takes no function, is not the service layer's, and is given only literals, request values and the
 * handler's own constants (request shaping: `pick(req.query, [...])`); no loop, no function, no assignment; an `if`
 * only tests values (no call in its condition). A function is of the service layer when it is declared in a project
 * module other than the handler's whose path has a `services` (or `service`) folder, or whose file name says service.
 */
import path from 'node:path';
import { Node, SyntaxKind, ts, type CallExpression, type Statement } from 'ts-morph';
import { declarationsOf } from '../../src/app-model/resolve.js';
import { type Roles, isAssignment, referenced, roleOf } from './handler-model.js';
import type { RouteSite } from './routes.js';

/** The service call the handler delegates to (as written, for the message), or undefined when it does more. */
export function delegatedServiceCall(site: RouteSite, roles: Roles, region: Statement[], calls: CallExpression[]): string | undefined {
  const service = calls.filter((c) => isServiceLayerCall(c, site));
  if (service.length !== 1) return undefined;
  const others = calls.filter((c) => c !== service[0]);
  if (!others.every((c) => isRequestShaping(c, roles, site.fn))) return undefined;
  const nodes = region.flatMap((s) => [s, ...s.getDescendants()]);
  const loops = nodes.some((d) => Node.isForStatement(d) || Node.isForOfStatement(d) || Node.isForInStatement(d) || Node.isWhileStatement(d) || Node.isDoStatement(d));
  const functions = nodes.some((d) => Node.isArrowFunction(d) || Node.isFunctionExpression(d) || Node.isFunctionDeclaration(d) || Node.isClassDeclaration(d) || Node.isClassExpression(d));
  const writes = nodes.some((d) => (Node.isBinaryExpression(d) && isAssignment(d.getOperatorToken().getText())) || ((Node.isPostfixUnaryExpression(d) || Node.isPrefixUnaryExpression(d)) && /^(\+\+|--)$/.test(ts.tokenToString(d.getOperatorToken()) ?? '')) || Node.isDeleteExpression(d));
  const testsCall = nodes.some((d) => (Node.isIfStatement(d) || Node.isConditionalExpression(d)) && (Node.isIfStatement(d) ? d.getExpression() : d.getCondition()).getDescendantsOfKind(SyntaxKind.CallExpression).length > 0);
  const otherStatements = region.some((s) => Node.isTryStatement(s) || Node.isSwitchStatement(s) || Node.isLabeledStatement(s));
  if (loops || functions || writes || testsCall || otherStatements) return undefined;
  return service[0].getExpression().getText().replace(/\s+/g, ' ').replace(/\s*\.\s*/g, '.');
}

/** A call whose callee is declared in the app's service layer, outside the handler's own module. */
function isServiceLayerCall(call: CallExpression, site: RouteSite): boolean {
  const callee = call.getExpression();
  const name = Node.isPropertyAccessExpression(callee) ? callee.getNameNode() : Node.isIdentifier(callee) ? callee : undefined;
  if (!name) return false;
  const declarations = declarationsOf(name);
  if (!declarations.length) return false;
  const own = site.file.getFilePath();
  return declarations.every((d) => {
    const sf = d.getSourceFile();
    const file = sf.getFilePath();
    if (file === own || sf.isDeclarationFile() || file.includes('/node_modules/')) return false;
    // (the part of the path below the folder the handler's module and the declaring module share)
    const below = path.relative(commonFolder(own, file), file);
    return /(^|\/)services?\//i.test(below) || /service/i.test(path.basename(file));
  });
}

function commonFolder(a: string, b: string): string {
  const pa = path.dirname(a).split('/');
  const pb = path.dirname(b).split('/');
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  return pa.slice(0, i).join('/') || '/';
}

/**
 * A synchronous call given only literals, request values and constants of the handler (its result is not a promise,
 * no argument is a function): reading the request into the shape the service takes.
 */
function isRequestShaping(call: CallExpression, roles: Roles, handler: Node, seen = new Set<Node>()): boolean {
  if (call.getFirstAncestorByKind(SyntaxKind.AwaitExpression)) return false;
  // (a function of the app or a package, not a method of some object: `db.prepare(id).get()` is no shaping)
  if (!Node.isIdentifier(call.getExpression())) return false;
  const type = call.getType();
  if (type.getProperty('then') || (type.isAny() && !plainProjectFunction(call))) return false;
  const args = call.getArguments();
  return args.length > 0 && args.every((a) => onlyRequestValues(a, roles, handler, seen)) && args.some((a) => !literalOnly(a));
}

const literalOnly = (arg: Node) => [arg, ...arg.getDescendants()].every((d) => !Node.isIdentifier(d) || (Node.isPropertyAssignment(d.getParent()) && (d.getParent() as import('ts-morph').PropertyAssignment).getNameNode() === d));

/**
 * A constant of the handler whose value is the request's, or shaped from it (not the service call's result, nor a
 * value computed from that: business logic on what the service returned is no request shaping; adversarial round
 * 14, F6).
 */
function fromRequest(decl: Node, roles: Roles, handler: Node, seen: Set<Node>): boolean {
  if (seen.has(decl)) return false;
  seen.add(decl);
  const declaration = Node.isBindingElement(decl) ? decl.getFirstAncestorByKind(SyntaxKind.VariableDeclaration) : decl;
  const init = declaration && Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
  if (!init) return false;
  return Node.isCallExpression(init) ? isRequestShaping(init, roles, handler, seen) : onlyRequestValues(init, roles, handler, seen);
}

function onlyRequestValues(arg: Node, roles: Roles, handler: Node, seen = new Set<Node>()): boolean {
  for (const d of [arg, ...arg.getDescendants()]) {
    if (Node.isCallExpression(d) || Node.isNewExpression(d) || Node.isAwaitExpression(d) || Node.isArrowFunction(d) || Node.isFunctionExpression(d) || Node.isTaggedTemplateExpression(d)) return false;
    if (!Node.isIdentifier(d)) continue;
    const parent = d.getParent();
    // (the name of a property read or written: `req.query`'s query, `{ limit: 5 }`'s limit)
    if ((Node.isPropertyAccessExpression(parent) && parent.getNameNode() === d) || (Node.isPropertyAssignment(parent) && parent.getNameNode() === d)) continue;
    const symbol = referenced(d);
    if (roleOf(symbol, roles) === 'request') continue;
    if (roles.requestParts && symbol && roles.requestParts.has(symbol)) continue;
    const decl = symbol?.getDeclarations()[0];
    // a constant declared in the handler (read from the request or shaped from it, as the other statements allow)
    const statement = decl?.getFirstAncestorByKind(SyntaxKind.VariableStatement);
    if (decl && (Node.isVariableDeclaration(decl) || Node.isBindingElement(decl)) && statement?.getDeclarationKind() === 'const' && decl.getFirstAncestor((a) => a === handler) && fromRequest(decl, roles, handler, seen)) continue;
    if (d.getText() === 'undefined') continue;
    return false;
  }
  return true;
}

/**
 * A call of a function of the project that cannot give a promise, for when the checker has no type for its result (a
 * JavaScript helper with untyped parameters): not async, not a generator, and its body neither awaits nor mentions
 * a promise (`Promise`, `.then`).
 */
function plainProjectFunction(call: CallExpression): boolean {
  const callee = call.getExpression();
  if (!Node.isIdentifier(callee)) return false;
  const declarations = declarationsOf(callee);
  if (declarations.length !== 1) return false;
  const d = declarations[0];
  const fn = Node.isVariableDeclaration(d) ? d.getInitializer() : Node.isFunctionDeclaration(d) ? d : undefined;
  if (!fn || !(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) || Node.isFunctionDeclaration(fn))) return false;
  if (fn.getSourceFile().isDeclarationFile() || fn.getSourceFile().getFilePath().includes('/node_modules/')) return false;
  if (fn.isAsync() || (!Node.isArrowFunction(fn) && fn.isGenerator())) return false;
  return !fn.getDescendants().some((n) => Node.isAwaitExpression(n) || (Node.isIdentifier(n) && (n.getText() === 'Promise' || n.getText() === 'then')));
}
