import type { Binding, Scope } from '@babel/traverse';
import type * as t from '@babel/types';
import type { Bound } from './apis.js';
import { PATH_FNS, REQ_SAFE, REQ_SAFE_DEEP } from './convert.js';

export interface InertContext {
  scope: Scope;
  req?: Binding;
  res?: Binding;
  isCommonJs: boolean;
  resolve: (name: string, scope: Scope) => Bound | null;
}

/**
 * Statements that cannot throw: declarations of inert values, function declarations, ifs and blocks of such,
 * returns of inert values, console.* and responses sent with literal values on the handler's own res.
 */
export function cannotThrowStatement(s: t.Node, c: InertContext): boolean {
  if (s.type === 'EmptyStatement' || s.type === 'FunctionDeclaration' || s.type.startsWith('TS')) return true;
  if (s.type === 'BlockStatement') return s.body.every((x) => cannotThrowStatement(x, c));
  if (s.type === 'IfStatement') return inert(s.test, c) && cannotThrowStatement(s.consequent, c) && (!s.alternate || cannotThrowStatement(s.alternate, c));
  if (s.type === 'ReturnStatement') return !s.argument || inert(s.argument, c) || resCall(s.argument, c);
  if (s.type === 'ExpressionStatement' && resCall(s.expression, c)) return true;
  if (s.type === 'VariableDeclaration') {
    return s.declarations.every((d) => d.id.type === 'Identifier' && (!d.init || inert(d.init, c)));
  }
  if (s.type.endsWith('Expression') || s.type.endsWith('Literal') || s.type === 'Identifier') return inert(s as t.Expression, c);
  // console.log(…) of inert values (logging is taken not to throw)
  if (s.type === 'ExpressionStatement' && s.expression.type === 'CallExpression') {
    const callee = s.expression.callee;
    return (
      callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' && callee.object.name === 'console' &&
      !c.scope.getBinding('console') && callee.property.type === 'Identifier' && ['log', 'info', 'warn', 'error', 'debug'].includes(callee.property.name) &&
      s.expression.arguments.every((a) => a.type !== 'SpreadElement' && inert(a, c))
    );
  }
  return false;
}

/** Expressions that cannot throw when evaluated (taking toString/valueOf of the values at hand not to throw). */
export function inert(e: t.Node, c: InertContext): boolean {
  switch (e.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
    case 'BigIntLiteral':
    case 'RegExpLiteral':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return true;
    case 'TemplateLiteral':
      return e.expressions.every((x) => inert(x, c));
    case 'Identifier':
      return e.name === 'undefined' || Boolean(c.scope.getBinding(e.name)) || (c.isCommonJs && (e.name === '__dirname' || e.name === '__filename'));
    case 'BinaryExpression':
      return ['+', '===', '!==', '==', '!='].includes(e.operator) && e.left.type !== 'PrivateName' && inert(e.left, c) && inert(e.right, c);
    case 'LogicalExpression':
      return inert(e.left, c) && inert(e.right, c);
    case 'ConditionalExpression':
      return inert(e.test, c) && inert(e.consequent, c) && inert(e.alternate, c);
    case 'UnaryExpression':
      return ['!', 'typeof', 'void'].includes(e.operator) && inert(e.argument, c);
    case 'ObjectExpression':
      return e.properties.every((p) => p.type === 'ObjectProperty' && !p.computed && inert(p.value, c));
    case 'ArrayExpression':
      return e.elements.every((x) => x !== null && x.type !== 'SpreadElement' && inert(x, c));
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
    case 'TSTypeAssertion':
      return inert(e.expression, c);
    case 'MemberExpression':
      return reqRead(e, c);
    case 'CallExpression':
      return pathCall(e, c);
    default:
      return false;
  }
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
      return e.expressions.every((x) => inert(x, c));
    case 'Identifier': {
      if (c.isCommonJs && (e.name === '__dirname' || e.name === '__filename') && !c.scope.getBinding(e.name)) return true;
      // A name never reassigned, declared (and so initialised) before the use, whose value is a string.
      const b = c.scope.getBinding(e.name);
      if (!b || !b.constant || depth > 0 || !b.path.isVariableDeclarator() || b.path.node.start! > e.start!) return false;
      const init = b.path.node.init;
      return !!init && stringish(init, { ...c, scope: b.path.scope }, depth + 1);
    }
    case 'MemberExpression':
      // route parameters are always strings
      return reqRead(e, c) && e.object.type === 'MemberExpression' && (e.object.property as t.Identifier).name === 'params';
    case 'BinaryExpression':
      return e.operator === '+' && e.left.type !== 'PrivateName' && (stringish(e.left, c, depth) || stringish(e.right, c, depth)) && inert(e.left, c) && inert(e.right, c);
    case 'CallExpression':
      return pathCall(e, c);
    default:
      return false;
  }
}
