import type { NodePath } from '@babel/traverse';
import type * as t from '@babel/types';
import type { Candidate } from './model.js';

// Small AST helpers

export const UTIL = ['util', 'node:util', 'sys'];
/** Marks of compiled (down-levelled) output, whose classes are extended elsewhere by `_super.call(this)`. */
export const COMPILED_OUTPUT = /\/\/# sourceMappingURL=|\b__esModule\b|\b__extends\b|\b_classCallCheck\b|\b_inherits\(|\b_createClass\(/;
/** The rest of a line that is only a comment (`// …` or one `/* … *\/`). */
export const TRAILING_COMMENT = /^[ \t]*(\/\/.*|\/\*((?!\*\/).)*\*\/[ \t]*)$/;

export function isRequireOf(node: t.Node, modules: string[]): boolean {
  return (
    node.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    node.arguments[0].type === 'StringLiteral' &&
    modules.includes(node.arguments[0].value)
  );
}

export function propName(m: t.MemberExpression | t.OptionalMemberExpression): string | undefined {
  if (!m.computed && m.property.type === 'Identifier') return m.property.name;
  if (m.computed && m.property.type === 'StringLiteral') return m.property.value;
  return undefined;
}

export function keyName(key: t.Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  if (key.type === 'NumericLiteral') return String(key.value);
  return undefined;
}

export function isIdentifierName(s: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(s);
}

/** How the member key is written in a class body. */
export function keyText(m: t.MemberExpression, source: string): string {
  if (!m.computed) return source.slice(m.property.start!, m.property.end!);
  const p = m.property as t.StringLiteral;
  return isIdentifierName(p.value) ? p.value : source.slice(p.start!, p.end!);
}

export function isObjectCall(call: t.CallExpression, method: string): boolean {
  const callee = call.callee;
  return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'Object' && propName(callee) === method;
}

/** `a`, `a.b.c` as text; undefined for anything else. */
export function chainText(node: t.Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    const obj = chainText(node.object);
    return obj === undefined ? undefined : `${obj}.${node.property.name}`;
  }
  return undefined;
}

export function rootName(node: t.Node): string | undefined {
  while (node.type === 'MemberExpression') node = node.object;
  return node.type === 'Identifier' ? node.name : undefined;
}

/** `{ constructor: { value: X, enumerable: false, writable: true, configurable: true } }` as util.inherits makes it. */
export function isConstructorDescriptor(node: t.Node, name: string): boolean {
  if (node.type !== 'ObjectExpression' || node.properties.length !== 1) return false;
  const p = node.properties[0];
  if (p.type !== 'ObjectProperty' || keyName(p.key) !== 'constructor' || p.value.type !== 'ObjectExpression') return false;
  const want: Record<string, unknown> = { enumerable: false, writable: true, configurable: true };
  let value = false;
  for (const q of p.value.properties) {
    if (q.type !== 'ObjectProperty') return false;
    const k = keyName(q.key);
    if (k === 'value') {
      if (q.value.type !== 'Identifier' || q.value.name !== name) return false;
      value = true;
    } else if (k && k in want) {
      if (q.value.type !== 'BooleanLiteral' || q.value.value !== want[k]) return false;
      delete want[k];
    } else return false;
  }
  // enumerable defaults to false; writable and configurable must be given
  delete want.enumerable;
  return value && Object.keys(want).length === 0;
}

export function isInside(p: NodePath, node: t.Node): boolean {
  for (let q: NodePath | null = p.parentPath; q; q = q.parentPath) if (q.node === node) return true;
  return false;
}

export function containsNode(root: t.Node, test: (n: t.Node) => boolean): boolean {
  let found = false;
  const visit = (n: any) => {
    if (found || !n || typeof n.type !== 'string') return;
    if (test(n)) {
      found = true;
      return;
    }
    for (const k of Object.keys(n)) {
      if (k === 'leadingComments' || k === 'trailingComments' || k === 'innerComments' || k === 'loc' || k === 'extra') continue;
      const v = n[k];
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object') visit(v);
    }
  };
  visit(root);
  return found;
}

/** `this` (or `super`) in a node, not counting nested non-arrow functions, which have their own. */
export function containsThis(root: t.Node): boolean {
  let found = false;
  const visit = (n: any, top: boolean) => {
    if (found || !n || typeof n.type !== 'string') return;
    if (n.type === 'ThisExpression' || n.type === 'Super') {
      found = true;
      return;
    }
    if (!top && (n.type === 'FunctionExpression' || n.type === 'FunctionDeclaration' || n.type === 'ObjectMethod' || n.type === 'ClassMethod')) return;
    for (const k of Object.keys(n)) {
      if (k === 'leadingComments' || k === 'trailingComments' || k === 'innerComments' || k === 'loc' || k === 'extra') continue;
      const v = n[k];
      if (Array.isArray(v)) v.forEach((x) => visit(x, false));
      else if (v && typeof v === 'object') visit(v, false);
    }
  };
  visit(root, true);
  return found;
}

export function containsSuper(p: NodePath): boolean {
  return containsNode(p.node, (n) => n.type === 'Super');
}

export function usesOwnThis(fn: NodePath<t.Function>): boolean {
  return containsThis(fn.node.body);
}

/** `module.exports = X`, `exports.X = X`, `module.exports = { X }`, `export default X`, `export { X }`. */
export function isExportUse(ref: NodePath): boolean {
  const parent = ref.parentPath!;
  if (parent.isExportSpecifier() || parent.isExportDefaultDeclaration()) return true;
  let value: NodePath = ref;
  if (parent.isObjectProperty() && parent.node.value === ref.node) {
    value = parent.parentPath!;
    if (!value.isObjectExpression()) return false;
  }
  const assign = value.parentPath;
  if (!assign?.isAssignmentExpression() || assign.node.right !== value.node || assign.node.operator !== '=') return false;
  const target = chainText(assign.node.left);
  if (target && (target === 'module.exports' || /^(module\.)?exports\.[\w$]+$/.test(target))) return true;
  // `root.Point = Point`, `window.Point = Point`: published on an object, as an export is.
  return Boolean(target && target.includes('.') && !/\bprototype\b/.test(target) && assign.parentPath.isExpressionStatement());
}

export function isPrototypeAssignment(stmt: t.Statement): boolean {
  if (stmt.type !== 'ExpressionStatement' || stmt.expression.type !== 'AssignmentExpression') return false;
  const left = stmt.expression.left;
  return left.type === 'MemberExpression' && left.object.type === 'MemberExpression' && propName(left.object) === 'prototype';
}

/** Whether a member read is the target of one of the candidate's member statements. */
export function isMemberTarget(p: NodePath<t.MemberExpression>, c: Candidate): boolean {
  const assign = p.parentPath;
  return Boolean(assign?.isAssignmentExpression() && assign.node.left === p.node && c.moved.has(assign.parentPath!.node as t.Statement));
}

/** `x.m(…)`, `x.m.call/apply/bind(…)`, `typeof x.m`, `x.m = …`: uses that do not detach the method. */
export function isCalledOrBound(p: NodePath<t.MemberExpression>): boolean {
  const parent = p.parentPath;
  if ((parent.isCallExpression() || parent.isOptionalCallExpression()) && parent.node.callee === p.node) return true;
  if (parent.isMemberExpression() && parent.node.object === p.node) return true;
  if (parent.isUnaryExpression() && parent.node.operator === 'typeof') return true;
  if (parent.isAssignmentExpression() && parent.node.left === p.node) return true;
  if (parent.isUnaryExpression() && parent.node.operator === 'delete') return true;
  if (parent.isIfStatement() || (parent.isConditionalExpression() && parent.node.test === p.node)) return true;
  if (parent.isUnaryExpression() && parent.node.operator === '!') return true;
  return false;
}
