import type { Binding, NodePath } from '@babel/traverse';
import type * as t from '@babel/types';
import { walk } from '../../src/ast.js';
import { EXPRESS_VERBS, type ExpressHandler } from './convert.js';

export function expressHandler(fnPath: NodePath<t.Function>, expressKnown: boolean): ExpressHandler | undefined {
  const fn = fnPath.node;
  if (!expressKnown || (fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') || fn.generator) return undefined;
  const parent = fnPath.parentPath?.node;
  if (!parent || parent.type !== 'CallExpression' || fnPath.key === 'callee') return undefined;
  const callee = parent.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || !EXPRESS_VERBS.has(callee.property.name)) return undefined;
  if (!fn.params.every((p) => p.type === 'Identifier')) return undefined;
  const names = (fn.params as t.Identifier[]).map((p) => p.name);
  const offset = names.length === 4 ? 1 : 0;
  if (names.length < 2 || names.length > 4) return undefined;
  if (offset && !/^(err|error|e)$/.test(names[0])) return undefined;
  if (!/^(req|request)$/.test(names[offset]) || !/^(res|response)$/.test(names[offset + 1])) return undefined;
  const nextName = names[offset + 2];
  if (nextName !== undefined && nextName !== 'next') return undefined;
  const req = fnPath.scope.getBinding(names[offset]);
  const res = fnPath.scope.getBinding(names[offset + 1]);
  const next = nextName ? fnPath.scope.getBinding(nextName) : undefined;
  return { req: req?.constant ? req : undefined, res: res?.constant ? res : undefined, next: next?.constant ? next : undefined, async: fn.async };
}

// ---------------------------------------------------------------------------------------------------------------
// Small predicates

export function isFunctionNode(n: t.Node | null | undefined): boolean {
  return !!n && (n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression');
}

export function isIdent(n: t.Node | null | undefined, name: string): boolean {
  return !!n && n.type === 'Identifier' && n.name === name;
}

export function isErrTest(test: t.Expression, errName: string): boolean {
  if (isIdent(test, errName)) return true;
  if (test.type === 'BinaryExpression' && test.operator === '!=') {
    return (isIdent(test.left, errName) && test.right.type === 'NullLiteral') || (isIdent(test.right, errName) && test.left.type === 'NullLiteral');
  }
  return false;
}

export function exits(s: t.Statement): boolean {
  if (s.type === 'ReturnStatement' || s.type === 'ThrowStatement') return true;
  if (s.type === 'BlockStatement') return s.body.length > 0 && exits(s.body[s.body.length - 1]);
  if (s.type === 'IfStatement') return !!s.alternate && exits(s.consequent) && exits(s.alternate);
  return false;
}

export function hasReturnValue(body: t.BlockStatement): boolean {
  let found = false;
  walk(body, (node) => {
    if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ArrowFunctionExpression' || node.type === 'ObjectMethod' || node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod') return false;
    if (node.type === 'ReturnStatement' && node.argument) found = true;
    return undefined;
  });
  return found;
}

/** `next(err)` or `return next(err)` with the handler's own next. */
export function isNextForward(s: t.Statement, errName: string, next: Binding, at: NodePath): boolean {
  const expr: t.Node | null | undefined = s.type === 'ReturnStatement' ? s.argument : s.type === 'ExpressionStatement' ? s.expression : undefined;
  if (s.type === 'BlockStatement' && s.body.length === 1) return isNextForward(s.body[0], errName, next, at);
  if (!expr || expr.type !== 'CallExpression' || expr.callee.type !== 'Identifier' || expr.arguments.length !== 1) return false;
  return at.scope.getBinding(expr.callee.name) === next && isIdent(expr.arguments[0], errName);
}

/** Whether a use of err just passes it on (to next or console), which a catch parameter of type unknown allows. */
export function isPassedOn(ref: NodePath, next: Binding | undefined): boolean {
  const parent = ref.parentPath?.node;
  if (!parent || parent.type !== 'CallExpression' || parent.callee === ref.node) return false;
  const callee = parent.callee;
  if (callee.type === 'Identifier') return !!next && ref.scope.getBinding(callee.name) === next;
  return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'console';
}

export function mayBeFd(arg: t.Node, source: string): boolean {
  if (arg.type === 'NumericLiteral') return true;
  if (arg.type === 'StringLiteral' || arg.type === 'TemplateLiteral' || arg.type === 'BinaryExpression') return false;
  const text = source.slice(arg.start!, arg.end!);
  return /(^|[^a-zA-Z])fd|Fd\b|FD\b|descriptor|\.fd\b/.test(text) || /^\d/.test(text);
}

/** Whether `name` appears in the function outside the callback (any identifier of that name). */
export function mentionedOutside(fn: t.Node, cb: t.Node, name: string): boolean {
  let found = false;
  walk(fn, (node, parent, key) => {
    if (found || node === cb) return false;
    if (node.type === 'Identifier' && node.name === name) {
      const isProp = parent && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && key === 'property' && !(parent as t.MemberExpression).computed;
      if (!isProp) found = true;
    }
    return undefined;
  });
  return found;
}
