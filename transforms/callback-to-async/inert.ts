import type { Binding, Scope } from '@babel/traverse';
import type * as t from '@babel/types';
import type { Bound } from './apis.js';
import { PATH_FNS, REQ_SAFE, REQ_SAFE_DEEP } from './convert.js';
import { cannotThrow, cannotThrowStatement as sharedCannotThrowStatement, type InertContext as SharedContext } from '../_inert.js';

export interface InertContext {
  scope: Scope;
  req?: Binding;
  res?: Binding;
  isCommonJs: boolean;
  resolve: (name: string, scope: Scope) => Bound | null;
}

/** The shared can-it-throw context for a handler: its own req/res reads, path calls and route parameters vouched for. */
function shared(c: InertContext): SharedContext {
  return {
    scope: c.scope,
    isCommonJs: c.isCommonJs,
    assumeCoercionSafe: true,
    known: (e) => (e.type === 'MemberExpression' && reqRead(e, c)) || (e.type === 'CallExpression' && pathCall(e, c)),
    knownString: (e) => stringish(e, c),
  };
}

/**
 * Statements that cannot throw (transforms/_inert.ts), and in a handler also responses sent with literal values on
 * its own res and console.* logging of values that cannot throw (logging is taken not to throw).
 */
export function cannotThrowStatement(s: t.Node, c: InertContext): boolean {
  const sc = shared(c);
  // the tests of the ifs around the call come as expressions
  if (!s.type.endsWith('Statement') && !s.type.endsWith('Declaration')) return cannotThrow(s, sc);
  return sharedCannotThrowStatement(s, sc, (x) => {
    if (x.type === 'ReturnStatement') return Boolean(x.argument) && resCall(x.argument!, c);
    if (x.type !== 'ExpressionStatement') return false;
    if (resCall(x.expression, c)) return true;
    if (x.expression.type !== 'CallExpression') return false;
    const callee = x.expression.callee;
    return (
      callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' && callee.object.name === 'console' &&
      !c.scope.getBinding('console') && callee.property.type === 'Identifier' && ['log', 'info', 'warn', 'error', 'debug'].includes(callee.property.name) &&
      x.expression.arguments.every((a) => a.type !== 'SpreadElement' && cannotThrow(a, sc))
    );
  });
}

/** Expressions that cannot throw when evaluated (transforms/_inert.ts), with the handler's req reads and path calls. */
export function inert(e: t.Node, c: InertContext): boolean {
  return cannotThrow(e, shared(c));
}

const RES_METHODS = new Set(['status', 'type', 'set', 'header', 'send', 'json', 'sendStatus', 'end', 'location', 'redirect', 'vary', 'append']);

/**
 * \`res.status(404).json({ error: 'x' })\`, \`res.sendStatus(400)\`: a chain of response methods with literal arguments on
 * the handler's own res (taken not to throw: they throw only when a response was already sent, or for values that
 * literals here do not have, such as an invalid status code).
 */
function resCall(e: t.Node, c: InertContext): boolean {
  if (!c.res || e.type !== 'CallExpression') return false;
  const callee = e.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || !RES_METHODS.has(callee.property.name)) return false;
  if (!e.arguments.every((a) => a.type !== 'SpreadElement' && (literalValue(a) || stringish(a, c)))) return false;
  if (callee.property.name === 'status' || callee.property.name === 'sendStatus') {
    const code = e.arguments[0];
    if (!code || code.type !== 'NumericLiteral' || code.value < 100 || code.value > 999) return false;
  }
  const obj = callee.object;
  if (obj.type === 'Identifier') return c.scope.getBinding(obj.name) === c.res;
  return resCall(obj, c);
}

/** Literals, templates without expressions, and arrays/objects of them. */
function literalValue(e: t.Node): boolean {
  switch (e.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
      return true;
    case 'TemplateLiteral':
      return e.expressions.length === 0;
    case 'ArrayExpression':
      return e.elements.every((x) => x !== null && literalValue(x));
    case 'ObjectExpression':
      return e.properties.every((p) => p.type === 'ObjectProperty' && !p.computed && literalValue(p.value));
    default:
      return false;
  }
}

/** `req.params`, `req.params.id`, `req.query.x`, `req.path`… on the handler's own req: objects Express always sets. */
function reqRead(e: t.MemberExpression, c: InertContext): boolean {
  if (!c.req || e.computed || e.property.type !== 'Identifier') return false;
  const obj = e.object;
  if (obj.type === 'Identifier') return c.scope.getBinding(obj.name) === c.req && REQ_SAFE.has(e.property.name);
  return (
    obj.type === 'MemberExpression' && !obj.computed && obj.property.type === 'Identifier' && REQ_SAFE_DEEP.has(obj.property.name) &&
    obj.object.type === 'Identifier' && c.scope.getBinding(obj.object.name) === c.req
  );
}

/** path.join(…)/resolve(…) of strings cannot throw. */
function pathCall(e: t.CallExpression, c: InertContext): boolean {
  const callee = e.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || !PATH_FNS.has(callee.property.name)) return false;
  if (callee.object.type !== 'Identifier') return false;
  const b = c.resolve(callee.object.name, c.scope);
  if (b?.kind !== 'ns' || b.module !== 'path') return false;
  return e.arguments.length > 0 && e.arguments.every((a) => stringish(a, c));
}

/** Expressions that are strings and cannot throw: what a path or command argument cannot be rejected for. */
export function stringish(e: t.Node, c: InertContext, depth = 0): boolean {
  switch (e.type) {
    case 'StringLiteral':
      return true;
    case 'TemplateLiteral':
      return inert(e, c);
    case 'Identifier': {
      if (c.isCommonJs && (e.name === '__dirname' || e.name === '__filename') && !c.scope.getBinding(e.name)) return true;
      // A name never reassigned, declared (and so initialised) before the use, whose value is a string.
      const b = c.scope.getBinding(e.name);
      if (!b || !b.constant || depth > 0 || !b.path.isVariableDeclarator() || b.path.node.end! > e.start!) return false;
      const init = b.path.node.init;
      return !!init && stringish(init, { ...c, scope: b.path.scope }, depth + 1);
    }
    case 'MemberExpression':
      // route parameters are always strings
      return reqRead(e, c) && e.object.type === 'MemberExpression' && (e.object.property as t.Identifier).name === 'params';
    case 'BinaryExpression':
      return e.operator === '+' && e.left.type !== 'PrivateName' && (stringish(e.left, c, depth) || stringish(e.right, c, depth)) && inert(e, c);
    case 'CallExpression':
      return pathCall(e, c);
    default:
      return false;
  }
}
