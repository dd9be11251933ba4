import { Node, SyntaxKind, type Identifier, type SourceFile, type Statement } from 'ts-morph';
import type { Info } from './types.js';
import { CJS_MARKERS } from './analyze.js';

// ---------------------------------------------------------------------------------------------------------------
// Helpers

export function isEsm(sf: SourceFile): boolean {
  // Syntax only: the compiler also calls declarations named in `module.exports = { … }` exported.
  return sf.getStatements().some(
    (s) => Node.isImportDeclaration(s) || Node.isExportDeclaration(s) || Node.isExportAssignment(s) || (Node.isModifierable(s) && s.hasModifier(SyntaxKind.ExportKeyword)),
  );
}

export function hasCjsSyntax(info: Info): boolean {
  return CJS_MARKERS.test(info.sf.getFullText());
}

export function hasUseStrict(sf: SourceFile): boolean {
  for (const s of sf.getStatements()) {
    if (!isDirective(s)) return false;
    if (/^['"]use strict['"]/.test(s.getText())) return true;
  }
  return false;
}

export function isDirective(s: Statement): boolean {
  return Node.isExpressionStatement(s) && Node.isStringLiteral(s.getExpression());
}

export function declaredInFile(id: Node): boolean {
  const decls = id.getSymbol()?.getDeclarations() ?? [];
  return decls.some(
    (d) =>
      d.getSourceFile() === id.getSourceFile() &&
      (Node.isVariableDeclaration(d) || Node.isParameterDeclaration(d) || Node.isFunctionDeclaration(d) || Node.isClassDeclaration(d) || Node.isBindingElement(d) || Node.isImportSpecifier(d) || Node.isImportClause(d) || Node.isNamespaceImport(d)),
  );
}

/** The function `this`/`arguments` belong to (arrows are transparent for both), or undefined at the top level. */
export function enclosingFunction(n: Node, forThis: boolean): Node | undefined {
  for (let p = n.getParent(); p; p = p.getParent()) {
    if (Node.isArrowFunction(p)) continue;
    if (Node.isFunctionDeclaration(p) || Node.isFunctionExpression(p) || Node.isMethodDeclaration(p) || Node.isConstructorDeclaration(p) || Node.isGetAccessorDeclaration(p) || Node.isSetAccessorDeclaration(p)) return p;
    if (forThis && (Node.isPropertyDeclaration(p) || Node.isClassStaticBlockDeclaration(p))) return p;
    if (!forThis && Node.isClassStaticBlockDeclaration(p)) return p;
    if (Node.isSourceFile(p)) return undefined;
  }
  return undefined;
}

/** Whether a binding name (an identifier or a destructuring pattern) binds `name`. */
function bindsName(node: Node | undefined, name: string): boolean {
  if (!node) return false;
  if (Node.isIdentifier(node)) return node.getText() === name;
  if (Node.isObjectBindingPattern(node) || Node.isArrayBindingPattern(node)) {
    return node.getElements().some((e) => Node.isBindingElement(e) && bindsName(e.getNameNode(), name));
  }
  return false;
}

const FUNCTION_KINDS = new Set([
  SyntaxKind.FunctionDeclaration, SyntaxKind.FunctionExpression, SyntaxKind.ArrowFunction, SyntaxKind.MethodDeclaration,
  SyntaxKind.Constructor, SyntaxKind.GetAccessor, SyntaxKind.SetAccessor,
]);

/** Whether the scope `scope` itself declares `name` (parameters, its own name, `var`s of a function; `let`, `const`,
 * functions and classes of a block; a loop's or a catch clause's variable). */
function scopeDeclares(scope: Node, name: string): boolean {
  if (FUNCTION_KINDS.has(scope.getKind())) {
    const fn = scope as unknown as { getParameters(): import('ts-morph').ParameterDeclaration[]; getBody(): Node | undefined };
    if (fn.getParameters().some((p) => bindsName(p.getNameNode(), name))) return true;
    if (Node.isFunctionExpression(scope) && scope.getName() === name) return true;
    const body = fn.getBody();
    if (!body) return false;
    // (`var` anywhere in the function, outside nested functions, is the function's)
    return body.getDescendantsOfKind(SyntaxKind.VariableDeclaration).some((d: import('ts-morph').VariableDeclaration) => {
      const list = d.getParent();
      if (!Node.isVariableDeclarationList(list) || list.getDeclarationKind() !== 'var' || !bindsName(d.getNameNode(), name)) return false;
      return d.getFirstAncestor((a: Node) => FUNCTION_KINDS.has(a.getKind())) === scope;
    });
  }
  if (Node.isBlock(scope) || Node.isCaseBlock(scope)) {
    const statements = Node.isBlock(scope) ? scope.getStatements() : scope.getClauses().flatMap((c) => c.getStatements());
    return statements.some(
      (st) =>
        (Node.isVariableStatement(st) && st.getDeclarationKind() !== 'var' && st.getDeclarations().some((d) => bindsName(d.getNameNode(), name))) ||
        ((Node.isFunctionDeclaration(st) || Node.isClassDeclaration(st)) && st.getName() === name),
    );
  }
  if (Node.isForStatement(scope) || Node.isForInStatement(scope) || Node.isForOfStatement(scope)) {
    const init = scope.getInitializer();
    return !!init && Node.isVariableDeclarationList(init) && init.getDeclarations().some((d) => bindsName(d.getNameNode(), name));
  }
  if (Node.isCatchClause(scope)) return bindsName(scope.getVariableDeclaration()?.getNameNode(), name);
  if (Node.isClassDeclaration(scope) || Node.isClassExpression(scope)) return scope.getName() === name;
  return false;
}

/**
 * Whether the identifier `i` names something a scope inside the module declares (a parameter, a local, a catch
 * variable) rather than a binding of the module: `(policies) => policies.forEach(…)` beside `const policies =
 * require('./policies')`. Scopes as the language has them; a function declared in a block counts for that block only,
 * so a sloppy-mode function binding outside the block still counts as the module's (the careful side).
 */
export function boundInNestedScope(i: Node): boolean {
  const name = i.getText();
  for (let a = i.getParent(); a && !Node.isSourceFile(a); a = a.getParent()) {
    if (scopeDeclares(a, name)) return true;
  }
  return false;
}

/**
 * Every identifier spelled like `id` that may refer to it: by name, except where a nested scope declares the name
 * (boundInNestedScope). The compiler's symbols are unreliable for CommonJS aliases in JS.
 */
export function referencesOf(sf: SourceFile, id: Node): Node[] {
  const name = id.getText();
  const own = boundInNestedScope(id);
  return sf.getDescendantsOfKind(SyntaxKind.Identifier).filter((i) => {
    if (i.getText() !== name) return false;
    // (a name of the module is not the one a nested scope declares, and the other way round)
    if (!own && i !== id && boundInNestedScope(i)) return false;
    const p = i.getParent();
    if (Node.isPropertyAccessExpression(p) && p.getNameNode() === i) return false;
    if ((Node.isPropertyAssignment(p) || Node.isMethodDeclaration(p) || Node.isPropertyDeclaration(p) || Node.isGetAccessorDeclaration(p) || Node.isSetAccessorDeclaration(p)) && p.getNameNode() === i) return false;
    if (Node.isBindingElement(p) && p.getPropertyNameNode() === i) return false;
    return true;
  });
}

export function isBindingName(id: Node): boolean {
  const p = id.getParent();
  return (
    ((Node.isVariableDeclaration(p) || Node.isParameterDeclaration(p) || Node.isFunctionDeclaration(p) || Node.isClassDeclaration(p) || Node.isFunctionExpression(p) || Node.isClassExpression(p)) && p.getNameNode() === id) ||
    (Node.isBindingElement(p) && p.getNameNode() === id)
  );
}

export function isWriteTarget(n: Node): boolean {
  let cur = n;
  let p = cur.getParent();
  while (p && (Node.isParenthesizedExpression(p) || Node.isShorthandPropertyAssignment(p) || Node.isPropertyAssignment(p) || Node.isObjectLiteralExpression(p) || Node.isArrayLiteralExpression(p) || Node.isSpreadElement(p) || Node.isSpreadAssignment(p))) {
    if (Node.isPropertyAssignment(p) && p.getInitializer() !== cur) return false;
    cur = p;
    p = p.getParent();
  }
  if (!p) return false;
  if (Node.isBinaryExpression(p)) {
    const op = p.getOperatorToken().getKind();
    return p.getLeft() === cur && op >= SyntaxKind.FirstAssignment && op <= SyntaxKind.LastAssignment;
  }
  if (Node.isPrefixUnaryExpression(p) || Node.isPostfixUnaryExpression(p)) {
    const op = p.getOperatorToken();
    return cur === n && (op === SyntaxKind.PlusPlusToken || op === SyntaxKind.MinusMinusToken);
  }
  if (Node.isForInStatement(p) || Node.isForOfStatement(p)) return p.getInitializer() === cur;
  return false;
}

export function nameIsFree(sf: SourceFile, name: string): boolean {
  return !sf.getDescendantsOfKind(SyntaxKind.Identifier).some((i) => {
    if (i.getText() !== name) return false;
    // (a parameter or local of that name, and its uses, keep meaning themselves beside a module binding)
    if (boundInNestedScope(i)) return false;
    const p = i.getParent();
    if (Node.isPropertyAccessExpression(p) && p.getNameNode() === i) return false;
    if ((Node.isPropertyAssignment(p) || Node.isMethodDeclaration(p)) && p.getNameNode() === i) return false;
    return true;
  });
}

export function isPureStatement(s: Statement): boolean {
  if (isDirective(s) || Node.isEmptyStatement(s) || Node.isFunctionDeclaration(s)) return true;
  if (Node.isClassDeclaration(s)) {
    const heritage = s.getExtends()?.getExpression();
    if (heritage && !isPure(heritage)) return false;
    return !s.getMembers().some((m) => Node.isClassStaticBlockDeclaration(m) || (Node.isPropertyDeclaration(m) && m.isStatic() && m.getInitializer()));
  }
  if (Node.isVariableStatement(s)) return s.getDeclarations().every((d) => !d.getInitializer() || isPure(d.getInitializer()!));
  // `module.exports = x`, `exports.k = function () {}`: they become exports; nothing runs.
  if (Node.isExpressionStatement(s)) {
    let e: Node = s.getExpression();
    let assigned = false;
    while (Node.isBinaryExpression(e) && e.getOperatorToken().getKind() === SyntaxKind.EqualsToken && /^(module\.exports|exports)(\.[\w$]+)?$/.test(e.getLeft().getText())) {
      e = e.getRight();
      assigned = true;
    }
    return assigned && isPure(e);
  }
  return false;
}

/**
 * Packages whose factory, called with one non-empty string literal, has no effect that the evaluation of modules
 * imported after it could observe, and reads nothing those modules could plausibly change at load time; so the call
 * may run after them (imports are hoisted) without a difference:
 * - `debug(ns)` builds a logger function and returns it. The DEBUG environment variable is read when `debug` itself is
 *   loaded (that import keeps its place, before the later ones), not by the call. debug 2.x also computes
 *   `enabled` at the call from the namespaces set by `debug.enable()` and picks the next colour from a counter shared
 *   by all loggers; a later module calling `debug.enable()` while it loads, or creating loggers of its own, changes
 *   only whether / in which colour this logger prints its diagnostic lines. debug 3+ checks lazily and hashes the
 *   namespace: no difference at all.
 * - `depd(ns)` returns a `deprecate` function. It reads the call stack to learn the calling file (the same file at
 *   either moment) and `process.noDeprecation`/`process.traceDeprecation`/NO_DEPRECATION/TRACE_DEPRECATION: a
 *   module imported later that sets these switches while it loads would change whether this namespace's deprecation
 *   warnings print. Libraries leave those to the application (command-line flags or the environment before start).
 *   An empty namespace throws, hence the non-empty literal.
 * Anything else (other factories, non-literal arguments, `require('debug').x(…)`) still counts as side-effecting.
 */
export const HARMLESS_FACTORIES = new Set(['debug', 'depd']);

export function isHarmlessFactoryCall(init: Node, spec: string, requireCall: Node | undefined): boolean {
  if (!HARMLESS_FACTORIES.has(spec) || !Node.isCallExpression(init) || init.getExpression() !== requireCall) return false;
  return hasOneNamespaceArg(init);
}

function hasOneNamespaceArg(call: import('ts-morph').CallExpression): boolean {
  const args = call.getArguments();
  if (args.length !== 1) return false;
  const a = args[0];
  return (Node.isStringLiteral(a) || Node.isNoSubstitutionTemplateLiteral(a)) && a.getLiteralValue() !== '';
}

/** A top-level binding declared once and never assigned to. */
export function isConstantBinding(sf: SourceFile, name: Identifier): boolean {
  const sym = name.getSymbol();
  if (!sym || sym.getDeclarations().length !== 1) return false;
  return !referencesOf(sf, name).some((r) => isWriteTarget(r));
}

/** `const log = debug('ns')` where `debug` is one of `factories` (bindings of `require('debug')` / `require('depd')`). */
export function isFactoryDeclaration(stmt: Statement, factories: Identifier[]): boolean {
  if (!factories.length || !Node.isVariableStatement(stmt)) return false;
  return stmt.getDeclarations().every((d) => {
    const init = d.getInitializer();
    if (!init || isPure(init)) return true;
    if (!Node.isCallExpression(init) || !hasOneNamespaceArg(init)) return false;
    const callee = init.getExpression();
    if (!Node.isIdentifier(callee)) return false;
    const sym = callee.getSymbol();
    return sym !== undefined && factories.some((f) => f.getSymbol() === sym);
  });
}

/** Expressions that run no user code when evaluated (getters aside). */
export function isPure(e: Node, allow?: Node): boolean {
  if (e === allow) return true;
  switch (e.getKind()) {
    case SyntaxKind.StringLiteral:
    case SyntaxKind.NumericLiteral:
    case SyntaxKind.BigIntLiteral:
    case SyntaxKind.NoSubstitutionTemplateLiteral:
    case SyntaxKind.RegularExpressionLiteral:
    case SyntaxKind.TrueKeyword:
    case SyntaxKind.FalseKeyword:
    case SyntaxKind.NullKeyword:
    case SyntaxKind.Identifier:
    case SyntaxKind.FunctionExpression:
    case SyntaxKind.ArrowFunction:
      return true;
    case SyntaxKind.ParenthesizedExpression:
    case SyntaxKind.PropertyAccessExpression:
    case SyntaxKind.TypeOfExpression:
    case SyntaxKind.VoidExpression:
      return (e as import('ts-morph').ParenthesizedExpression).getExpression ? isPure((e as import('ts-morph').ParenthesizedExpression).getExpression(), allow) : false;
    case SyntaxKind.PrefixUnaryExpression:
      return isPure((e as import('ts-morph').PrefixUnaryExpression).getOperand(), allow) && ![SyntaxKind.PlusPlusToken, SyntaxKind.MinusMinusToken].includes((e as import('ts-morph').PrefixUnaryExpression).getOperatorToken());
    case SyntaxKind.BinaryExpression: {
      const b = e as import('ts-morph').BinaryExpression;
      const op = b.getOperatorToken().getKind();
      if (op >= SyntaxKind.FirstAssignment && op <= SyntaxKind.LastAssignment) return false;
      return isPure(b.getLeft(), allow) && isPure(b.getRight(), allow);
    }
    case SyntaxKind.ConditionalExpression: {
      const c = e as import('ts-morph').ConditionalExpression;
      return isPure(c.getCondition(), allow) && isPure(c.getWhenTrue(), allow) && isPure(c.getWhenFalse(), allow);
    }
    case SyntaxKind.ArrayLiteralExpression:
      return (e as import('ts-morph').ArrayLiteralExpression).getElements().every((x) => !Node.isSpreadElement(x) && isPure(x, allow));
    case SyntaxKind.ObjectLiteralExpression:
      return (e as import('ts-morph').ObjectLiteralExpression).getProperties().every((p) => {
        if (Node.isShorthandPropertyAssignment(p) || Node.isMethodDeclaration(p) || Node.isGetAccessorDeclaration(p) || Node.isSetAccessorDeclaration(p)) return true;
        if (Node.isPropertyAssignment(p)) {
          const name = p.getNameNode();
          return (!Node.isComputedPropertyName(name) || isPure(name.getExpression(), allow)) && isPure(p.getInitializerOrThrow(), allow);
        }
        return false;
      });
    case SyntaxKind.TemplateExpression:
      return (e as import('ts-morph').TemplateExpression).getTemplateSpans().every((s) => isPure(s.getExpression(), allow));
    case SyntaxKind.ClassExpression:
      return !(e as import('ts-morph').ClassExpression).getMembers().some((m) => Node.isClassStaticBlockDeclaration(m) || (Node.isPropertyDeclaration(m) && m.isStatic()));
    default:
      return false;
  }
}
