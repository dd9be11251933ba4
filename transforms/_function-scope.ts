import type * as t from '@babel/types';
import { childNodes } from '../src/ast.js';

/**
 * Shared, deliberately conservative scope facts about one function, for the object-shorthand, arrow-callbacks
 * and default-params transforms. No bindings are resolved: a name counts as "mentioned" wherever an identifier
 * with that text appears, so shadowing only ever makes a transform more careful, never less.
 */

/** Functions that bind their own `this`, `arguments` and `new.target` (everything but arrows). */
const OWN_THIS_FUNCTIONS = new Set(['FunctionExpression', 'FunctionDeclaration', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);

export interface FunctionUsage {
  /** `this` of the function itself (seen through nested arrows, not through nested functions). */
  thisUsed: boolean;
  /** `this.<x> = ...` on the function's own `this` (the constructor idiom). */
  thisAssigned: boolean;
  argumentsUsed: boolean;
  newTarget: boolean;
  superUsed: boolean;
  /** A direct `eval(...)` anywhere inside, which can reach `this`, `arguments` and every name. */
  directEval: boolean;
  /** `yield` or `await` of the function itself. */
  yieldOrAwait: boolean;
  /** Every identifier text mentioned anywhere inside (nested functions included), except property names. */
  names: Set<string>;
}

/** True for an identifier that is a property name rather than a reference or binding. */
function isPropertyName(node: t.Node, parent: t.Node | null, key: string | null): boolean {
  if (!parent || node.type !== 'Identifier') return false;
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && key === 'property') return !parent.computed;
  if (
    (parent.type === 'ObjectProperty' ||
      parent.type === 'ObjectMethod' ||
      parent.type === 'ClassMethod' ||
      parent.type === 'ClassProperty' ||
      parent.type === 'ClassAccessorProperty' ||
      parent.type === 'TSPropertySignature' ||
      parent.type === 'TSMethodSignature') &&
    key === 'key'
  ) {
    // `{ a }` is both a key and a reference: the value node (same object or a copy) is visited as well.
    return !(parent as any).computed;
  }
  return false;
}

/** Scans a function's params and body. */
export function scanFunction(fn: t.Function): FunctionUsage {
  const usage: FunctionUsage = {
    thisUsed: false,
    thisAssigned: false,
    argumentsUsed: false,
    newTarget: false,
    superUsed: false,
    directEval: false,
    yieldOrAwait: false,
    names: new Set(),
  };
  // own: whether we are still in the function's own `this` context (only arrows in between).
  const visit = (node: t.Node, parent: t.Node | null, key: string | null, own: boolean) => {
    switch (node.type) {
      case 'ThisExpression':
        if (own) usage.thisUsed = true;
        break;
      case 'Super':
        if (own) usage.superUsed = true;
        break;
      case 'MetaProperty':
        if (own && node.meta.name === 'new' && node.property.name === 'target') usage.newTarget = true;
        break;
      case 'YieldExpression':
      case 'AwaitExpression':
        if (own) usage.yieldOrAwait = true;
        break;
      case 'Identifier':
        if (!isPropertyName(node, parent, key)) {
          usage.names.add(node.name);
          if (own && node.name === 'arguments') usage.argumentsUsed = true;
        }
        break;
      case 'JSXIdentifier':
        usage.names.add(node.name);
        break;
      case 'CallExpression':
        if (node.callee.type === 'Identifier' && node.callee.name === 'eval') usage.directEval = true;
        break;
      case 'AssignmentExpression': {
        const left = node.left;
        if (own && left.type === 'MemberExpression' && left.object.type === 'ThisExpression') usage.thisAssigned = true;
        break;
      }
    }
    for (const { key: k, child } of childNodes(node)) {
      let childOwn = own;
      if (OWN_THIS_FUNCTIONS.has(child.type)) childOwn = false;
      // A nested function's computed key and decorators are evaluated outside it.
      if (node.type === 'ClassProperty' || node.type === 'ClassPrivateProperty' || node.type === 'ClassAccessorProperty') {
        if (k === 'value') childOwn = false;
      }
      if (node.type === 'StaticBlock') childOwn = false;
      if (OWN_THIS_FUNCTIONS.has(child.type) && (child as any).computed) {
        // visit the key with the outer context, the rest as a nested function
        visit((child as any).key, child, 'key', own);
        for (const { key: ck, child: cc } of childNodes(child)) if (ck !== 'key') visit(cc, child, ck, false);
        continue;
      }
      visit(child, node, k, childOwn);
    }
  };
  for (const p of fn.params) visit(p, fn, 'params', true);
  visit(fn.body, fn, 'body', true);
  return usage;
}

/** Names bound by a parameter (patterns, defaults and rest included). */
export function paramNames(param: t.Node): string[] {
  const out: string[] = [];
  const visit = (n: t.Node | null | undefined) => {
    if (!n) return;
    switch (n.type) {
      case 'Identifier':
        out.push(n.name);
        break;
      case 'AssignmentPattern':
        visit(n.left);
        break;
      case 'RestElement':
        visit(n.argument);
        break;
      case 'ArrayPattern':
        for (const e of n.elements) visit(e);
        break;
      case 'ObjectPattern':
        for (const p of n.properties) visit(p.type === 'RestElement' ? p : (p.value as t.Node));
        break;
      case 'TSParameterProperty':
        visit(n.parameter);
        break;
    }
  };
  visit(param);
  return out;
}

/** True when two parameters bind the same name (legal in sloppy functions, a SyntaxError in arrows and methods). */
export function hasDuplicateParams(fn: t.Function): boolean {
  const seen = new Set<string>();
  for (const p of fn.params) {
    for (const name of paramNames(p)) {
      if (seen.has(name)) return true;
      seen.add(name);
    }
  }
  return false;
}

/** True when a TypeScript `this:` parameter is declared (arrows and methods cannot all carry it the same way). */
export function hasThisParam(fn: t.Function): boolean {
  const first = fn.params[0];
  return !!first && first.type === 'Identifier' && first.name === 'this';
}

/** Comments (block and line) whose range overlaps [start, end). */
export function commentsIn(comments: readonly t.Comment[], start: number, end: number): t.Comment[] {
  return comments.filter((c) => c.start! < end && c.end! > start);
}

/** Offset of the `(` opening a function's parameter list. */
export function paramsOpenParen(source: string, fn: t.Function): number {
  // Start after what precedes the list: type parameters, the name, or the `function`/`async` keywords.
  let from = fn.start!;
  const tp = (fn as any).typeParameters as t.Node | null | undefined;
  if (tp) from = tp.end!;
  else if ((fn as any).id) from = (fn as any).id.end!;
  else if (fn.type === 'ObjectMethod' || fn.type === 'ClassMethod') from = (fn.key as t.Node).end!;
  const limit = fn.params.length ? fn.params[0].start! : fn.body.start!;
  const at = source.indexOf('(', from);
  return at >= 0 && at < limit ? at : -1;
}

/** Offset just after the `)` closing a function's parameter list (before any return type). */
export function paramsCloseParen(source: string, fn: t.Function): number {
  const returnType = (fn as any).returnType as t.Node | null | undefined;
  const limit = returnType ? returnType.start! : fn.body.start!;
  const at = source.lastIndexOf(')', limit - 1);
  const floor = fn.params.length ? fn.params[fn.params.length - 1].end! : paramsOpenParen(source, fn);
  return at >= floor ? at + 1 : -1;
}

/** Every identifier text mentioned in a subtree (property names excluded), for conservative name checks. */
export function mentionedNames(root: t.Node): Set<string> {
  const names = new Set<string>();
  const visit = (node: t.Node, parent: t.Node | null, key: string | null) => {
    if (node.type === 'Identifier' && !isPropertyName(node, parent, key)) names.add(node.name);
    if (node.type === 'JSXIdentifier') names.add(node.name);
    for (const { key: k, child } of childNodes(node)) visit(child, node, k);
  };
  visit(root, null, null);
  return names;
}

/** True when the file uses `with` or declares something named `undefined` — cheap global red flags. */
export function fileFlags(root: t.Node): { withStatement: boolean; undefinedDeclared: boolean } {
  let withStatement = false;
  let undefinedDeclared = false;
  const visit = (node: t.Node) => {
    if (node.type === 'WithStatement') withStatement = true;
    if (node.type === 'VariableDeclarator' && paramNames(node.id).includes('undefined')) undefinedDeclared = true;
    if ((node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ClassDeclaration') && node.id?.name === 'undefined') {
      undefinedDeclared = true;
    }
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'ObjectMethod' || node.type === 'ClassMethod') {
      for (const p of node.params) if (paramNames(p).includes('undefined')) undefinedDeclared = true;
    }
    if (node.type === 'CatchClause' && node.param && paramNames(node.param).includes('undefined')) undefinedDeclared = true;
    if (node.type === 'ImportSpecifier' || node.type === 'ImportDefaultSpecifier' || node.type === 'ImportNamespaceSpecifier') {
      if (node.local.name === 'undefined') undefinedDeclared = true;
    }
    for (const { child } of childNodes(node)) visit(child);
  };
  visit(root);
  return { withStatement, undefinedDeclared };
}
