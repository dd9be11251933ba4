import path from 'node:path';
import fs from 'node:fs';
import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import type { ChainShape, Loc, UnresolvedReason } from './types.js';

export function locOf(node: Node, end = false): Loc {
  const sf = node.getSourceFile();
  const start = node.getStart();
  const { line, column } = sf.getLineAndColumnAtPos(start);
  const loc: Loc = { file: sf.getFilePath(), line, column };
  if (end) loc.endLine = sf.getLineAndColumnAtPos(node.getEnd()).line;
  return loc;
}


/** A function node the model can analyse. */
export type FnNode = Node & { getParameters(): import('ts-morph').ParameterDeclaration[]; getBody(): Node | undefined };

export function isFunctionLike(node: Node | undefined): node is FnNode {
  return (
    !!node &&
    (Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isFunctionDeclaration(node) || Node.isMethodDeclaration(node)) &&
    !!(node as FnNode).getBody()
  );
}

/** Parentheses and TypeScript's wrappers (`x as T`, `x!`, `x satisfies T`, `<T>x`): the same value as what they hold. */
export function isWrapper(node: Node | undefined): node is import('ts-morph').ParenthesizedExpression | import('ts-morph').AsExpression | import('ts-morph').NonNullExpression | import('ts-morph').SatisfiesExpression | import('ts-morph').TypeAssertion {
  return !!node && (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isNonNullExpression(node) || Node.isSatisfiesExpression(node) || Node.isTypeAssertion(node));
}

export function unwrap(node: Node): Node {
  let n = node;
  while (isWrapper(n)) n = n.getExpression();
  return n;
}

export function stringValue(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (Node.isStringLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n)) return n.getLiteralValue();
  return undefined;
}

/** `['/a', '/b']` → ['/a', '/b']: the values of a non-empty array literal of string literals. */
export function stringList(node: Node): string[] | undefined {
  const n = unwrap(node);
  if (!Node.isArrayLiteralExpression(n) || !n.getElements().length) return undefined;
  const values = n.getElements().map((el) => stringValue(el));
  return values.every((v) => v !== undefined) ? (values as string[]) : undefined;
}

export function isExternal(node: Node): boolean {
  const sf = node.getSourceFile();
  return sf.isDeclarationFile() || sf.getFilePath().includes('/node_modules/');
}

/** `require('x')` → 'x'. */
export function requireSpecifier(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (!Node.isCallExpression(n)) return undefined;
  const callee = n.getExpression();
  if (!Node.isIdentifier(callee) || callee.getText() !== 'require') return undefined;
  return stringValue(n.getArguments()[0]);
}

const EXTS = ['.ts', '.tsx', '.js', '.mts', '.cts', '.cjs', '.mjs', '.jsx'];

/** The project file a relative specifier names, by the usual Node/TS lookup. */
export function resolveModuleFile(from: SourceFile, spec: string): SourceFile | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from.getFilePath()), spec);
  const stem = base.replace(/\.[cm]?[jt]sx?$/, '');
  const project = from.getProject();
  for (const c of [base, ...EXTS.map((e) => stem + e), ...EXTS.map((e) => path.join(base, 'index' + e))]) {
    const sf = project.getSourceFile(c);
    if (sf) return sf;
    if (fs.existsSync(c) && fs.statSync(c).isFile() && /\.[cm]?[jt]sx?$/.test(c)) {
      try {
        return project.addSourceFileAtPath(c);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The module an identifier was imported from (`import x from 'm'`, `const x = require('m')`, `const { Router } = require('m')`). */
export function moduleOf(id: Node): string | undefined {
  if (!Node.isIdentifier(id)) return undefined;
  const sym = symbolOf(id);
  for (const decl of sym?.getDeclarations() ?? []) {
    const imp = decl.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
    if (imp) return imp.getModuleSpecifierValue();
    if (Node.isImportEqualsDeclaration(decl)) {
      const ref = decl.getModuleReference();
      if (Node.isExternalModuleReference(ref)) return stringValue(ref.getExpression());
    }
    let v: Node | undefined = decl;
    if (Node.isBindingElement(v)) v = v.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
    if (v && Node.isVariableDeclaration(v)) {
      let init = v.getInitializer();
      while (init && Node.isPropertyAccessExpression(unwrap(init))) init = (unwrap(init) as import('ts-morph').PropertyAccessExpression).getExpression();
      const spec = requireSpecifier(init);
      if (spec) return spec;
    }
  }
  return undefined;
}

/** The declarations an identifier or member expression names, following import aliases. */
/** The checker's symbol of a node; the checker can throw on some JS shapes, which counts as no symbol. */
export function symbolOf(node: Node): import('ts-morph').Symbol | undefined {
  try {
    return node.getSymbol();
  } catch {
    return undefined;
  }
}

export function declarationsOf(node: Node): Node[] {
  // (the name of a shorthand property `{ getAll }` stands for the value it names, not for the property)
  const parent = node.getParent();
  let sym = parent && Node.isShorthandPropertyAssignment(parent) && parent.getNameNode() === node ? (parent.getValueSymbol() ?? symbolOf(node)) : symbolOf(node);
  if (!sym && Node.isPropertyAccessExpression(node)) sym = symbolOf(node.getNameNode());
  if (!sym) return [];
  if (sym.isAlias()) {
    try {
      sym = sym.getAliasedSymbol() ?? sym;
    } catch {
      // unresolvable alias
    }
  }
  return sym.getDeclarations();
}

export interface FnResolution {
  node?: FnNode;
  shape: ChainShape;
  name?: string;
  /** For wrappers: the call they forward to, as written. */
  via?: string;
  /** For `wrapped`: a package's wrapper whose behaviour is known (see KNOWN_WRAPPERS). */
  wrapper?: KnownWrapper;
  unresolved?: { reason: UnresolvedReason; detail: string };
}

/**
 * Packages whose default export wraps a handler with a behaviour remodel relies on. express-async-handler (1.x) returns
 * `(...args) => Promise.resolve(fn(...args)).catch(next)`: whatever the handler throws synchronously leaves the wrapper
 * the same way (Express's router turns it into next(err)), every rejection goes to `next`, and the returned value is
 * not read beyond that.
 */
export const KNOWN_WRAPPERS = ['express-async-handler'] as const;
export type KnownWrapper = (typeof KNOWN_WRAPPERS)[number];

/** `asyncHandler` in `asyncHandler(fn)`, when it is the default export of a known wrapper package, imported or required as a whole. */
export function knownWrapperOf(callee: Node): KnownWrapper | undefined {
  if (!Node.isIdentifier(callee)) return undefined;
  const spec = moduleOf(callee);
  const known = KNOWN_WRAPPERS.find((k) => k === spec);
  if (!known) return undefined;
  // the package itself as the value: `import asyncHandler from '…'`, `const asyncHandler = require('…')`; not a
  // member of it, a namespace import or a destructured name
  const decls = symbolOf(callee)?.getDeclarations() ?? [];
  const whole = decls.length === 1 && (Node.isImportClause(decls[0]) || (Node.isVariableDeclaration(decls[0]) && Node.isIdentifier(decls[0].getNameNode()) && requireSpecifier(decls[0].getInitializer()) === known));
  return whole ? known : undefined;
}

function fail(shape: ChainShape, reason: UnresolvedReason, detail: string): FnResolution {
  return { shape, unresolved: { reason, detail } };
}

function isCommonJsDecl(decl: Node): boolean {
  if (Node.isBinaryExpression(decl) || (Node.isPropertyAccessExpression(decl) && Node.isBinaryExpression(decl.getParent()))) {
    return /^(module\.)?exports\b/.test(decl.getText());
  }
  const obj = decl.getParent();
  if (obj && Node.isObjectLiteralExpression(obj)) {
    const bin = obj.getParent();
    return !!bin && Node.isBinaryExpression(bin) && /^module\.exports$/.test(bin.getLeft().getText());
  }
  return false;
}

function nameOfDecl(decl: Node): string | undefined {
  if (Node.isFunctionDeclaration(decl) || Node.isMethodDeclaration(decl) || Node.isPropertyDeclaration(decl) || Node.isPropertyAssignment(decl) || Node.isVariableDeclaration(decl)) {
    return decl.getName?.();
  }
  if (Node.isShorthandPropertyAssignment(decl)) return decl.getName();
  if (Node.isBinaryExpression(decl)) {
    const left = decl.getLeft();
    return Node.isPropertyAccessExpression(left) ? left.getName() : undefined;
  }
  if (Node.isPropertyAccessExpression(decl)) return decl.getName();
  return undefined;
}

/** The function a value expression (initializer, returned value, export) is, with depth to stop cycles. */
export function functionOfValue(value: Node | undefined, depth: number): FnResolution | undefined {
  if (!value || depth > 8) return undefined;
  const v = unwrap(value);
  if (isFunctionLike(v)) return { node: v, shape: 'identifier', name: Node.isFunctionDeclaration(v) || Node.isFunctionExpression(v) ? v.getName() : undefined };
  if (Node.isIdentifier(v) || Node.isPropertyAccessExpression(v)) return resolveFunction(v, depth + 1);
  if (Node.isCallExpression(v)) return resolveFunction(v, depth + 1);
  return undefined;
}

function functionOfDecl(decl: Node, depth: number): FnResolution | undefined {
  if (isExternal(decl)) return fail('identifier', 'external-handler', 'declared in a package');
  if (Node.isFunctionDeclaration(decl)) {
    // overloads: the implementation
    const impl = decl.getImplementation?.() ?? decl;
    return impl.getBody() ? { node: impl, shape: 'identifier', name: impl.getName() } : undefined;
  }
  if (Node.isMethodDeclaration(decl)) return decl.getBody() ? { node: decl, shape: 'identifier', name: decl.getName() } : undefined;
  if (Node.isVariableDeclaration(decl) || Node.isPropertyAssignment(decl) || Node.isPropertyDeclaration(decl)) {
    const r = functionOfValue(decl.getInitializer(), depth);
    return r && { ...r, name: r.name ?? decl.getName() };
  }
  if (Node.isShorthandPropertyAssignment(decl)) {
    let valueSym: import('ts-morph').Symbol | undefined;
    try {
      valueSym = decl.getValueSymbol?.() ?? symbolOf(decl.getNameNode());
    } catch {
      valueSym = undefined;
    }
    for (const d of valueSym?.getDeclarations() ?? []) {
      if (d === decl) continue;
      const r = functionOfDecl(d, depth + 1);
      if (r) return r;
    }
    return undefined;
  }
  if (Node.isBinaryExpression(decl)) return functionOfValue(decl.getRight(), depth);
  if (Node.isPropertyAccessExpression(decl)) {
    const parent = decl.getParent();
    if (parent && Node.isBinaryExpression(parent) && parent.getLeft() === decl) return functionOfValue(parent.getRight(), depth);
  }
  if (Node.isExportAssignment(decl)) return functionOfValue(decl.getExpression(), depth);
  if (Node.isSourceFile(decl)) return undefined;
  return undefined;
}

function isNamespaceRoot(expr: Node): boolean {
  if (!Node.isIdentifier(expr)) return false;
  return (symbolOf(expr)?.getDeclarations() ?? []).some((d) => Node.isNamespaceImport(d));
}

function isClassMember(decl: Node): boolean {
  const p = decl.getParent();
  return (Node.isMethodDeclaration(decl) || Node.isPropertyDeclaration(decl)) && !!p && (Node.isClassDeclaration(p) || Node.isClassExpression(p));
}

/** Functions that `fn` returns (directly, not from nested functions). */
export function returnedValues(fn: FnNode): Node[] {
  const body = fn.getBody();
  if (!body) return [];
  if (!Node.isBlock(body)) return [body];
  const out: Node[] = [];
  body.forEachDescendant((n, t) => {
    if (isFunctionLike(n) || Node.isClassDeclaration(n) || Node.isClassExpression(n)) {
      t.skip();
      return;
    }
    if (Node.isReturnStatement(n)) {
      const e = n.getExpression();
      if (e) out.push(e);
    }
  });
  return out;
}

/**
 * The function a handler expression stands for: inline, named (across modules, ESM or CommonJS), class member,
 * `.bind()`, a wrapper arrow, or a factory call whose result is statically known.
 */
export function resolveFunction(expr: Node, depth = 0): FnResolution {
  const e = unwrap(expr);
  if (depth > 8) return fail('identifier', 'unresolved-handler-expression', 'too many indirections');
  if (isFunctionLike(e)) {
    const wrapped = wrapperTarget(e, depth);
    if (wrapped) return { ...wrapped, shape: 'wrapper' };
    return { node: e, shape: 'inline', name: Node.isFunctionExpression(e) ? e.getName() : undefined };
  }
  if (Node.isIdentifier(e) || Node.isPropertyAccessExpression(e)) {
    const decls = declarationsOf(e);
    if (!decls.length) {
      let root: Node = e;
      while (Node.isPropertyAccessExpression(root)) root = root.getExpression();
      const spec = moduleOf(root);
      if (spec && !spec.startsWith('.')) return fail(Node.isIdentifier(e) ? 'identifier' : 'member', 'external-handler', `\`${e.getText()}\` comes from the package '${spec}'`);
      return fail(Node.isIdentifier(e) ? 'identifier' : 'member', 'unresolved-handler-expression', `\`${e.getText()}\` has no declaration the checker can see`);
    }
    let last: FnResolution | undefined;
    for (const decl of decls) {
      if (Node.isParameterDeclaration(decl) || Node.isBindingElement(decl)) {
        last = fail('identifier', 'unresolved-handler-expression', `\`${e.getText()}\` is a parameter or destructured value`);
        continue;
      }
      const r = functionOfDecl(decl, depth);
      if (!r) continue;
      if (r.unresolved) {
        last = r;
        continue;
      }
      let shape: ChainShape = r.shape;
      if (r.shape === 'identifier' || r.shape === 'inline') {
        if (isClassMember(decl)) shape = 'class-method';
        else if (decl.getSourceFile() !== e.getSourceFile() && isCommonJsDecl(decl)) shape = 'commonjs-export';
        else if (Node.isPropertyAccessExpression(e)) shape = isNamespaceRoot(e.getExpression()) ? 'namespace-import' : isCommonJsDecl(decl) ? 'commonjs-export' : 'member';
        else if (decl.getSourceFile() !== e.getSourceFile() && Node.isExportAssignment(decl) && decl.getSourceFile().getFilePath().match(/\.[cm]?jsx?$/)) shape = 'commonjs-export';
        else shape = 'identifier';
      }
      return { ...r, shape, name: r.name ?? nameOfDecl(decl) };
    }
    return last ?? fail(Node.isIdentifier(e) ? 'identifier' : 'member', 'unresolved-handler-expression', `\`${e.getText()}\` is not a function the builder can follow`);
  }
  if (Node.isCallExpression(e)) {
    const callee = unwrap(e.getExpression());
    // `x.bind(thisArg)`
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'bind') {
      const r = resolveFunction(callee.getExpression(), depth + 1);
      return r.unresolved ? { ...r, shape: 'bound-method' } : { ...r, shape: 'bound-method' };
    }
    const spec = requireSpecifier(e);
    if (spec !== undefined) {
      const target = resolveModuleFile(e.getSourceFile(), spec);
      if (!target) return fail('commonjs-export', 'external-handler', `require('${spec}') is a package`);
      const r = moduleExportValue(target, depth);
      return r ? { ...r, shape: 'commonjs-export' } : fail('commonjs-export', 'unresolved-handler-expression', `require('${spec}') does not export a function`);
    }
    const known = knownWrapperOf(callee);
    if (known) {
      const args = e.getArguments();
      if (args.length !== 1) return fail('factory', 'external-handler', `\`${callee.getText()}\` (${known}) is called with ${args.length} arguments`);
      const r = resolveFunction(args[0], depth + 1);
      if (!r.node) return { shape: 'wrapped', unresolved: r.unresolved ?? { reason: 'unresolved-handler-expression', detail: `the function handed to \`${callee.getText()}\` is not known` } };
      return { node: r.node, shape: 'wrapped', ...(r.name ? { name: r.name } : {}), via: callee.getText(), wrapper: known };
    }
    const factory = resolveFunction(callee, depth + 1);
    if (factory.unresolved) {
      return { shape: 'factory', unresolved: factory.unresolved.reason === 'external-handler' ? { reason: 'external-handler', detail: `\`${callee.getText()}\` comes from a package` } : { reason: 'unresolved-handler-expression', detail: factory.unresolved.detail } };
    }
    const returned = returnedValues(factory.node!);
    const fns = new Set<FnNode>();
    // the first returned value that is not a project function, and whether every such value is a package's function
    let other: string | undefined;
    let allExternal = true;
    for (const r of returned) {
      const v = unwrap(r);
      if (isFunctionLike(v)) fns.add(v);
      else {
        const inner = resolveFunction(v, depth + 1);
        if (inner.node) fns.add(inner.node);
        else {
          other ??= v.getText().slice(0, 40);
          allExternal = inner.unresolved?.reason === 'external-handler';
          if (!allExternal) break;
        }
      }
    }
    // `isAuthorized = () => expressJwt({...})`: every value it returns is a package's function (middleware, not a router)
    if (other !== undefined && allExternal && !fns.size) return fail('factory', 'external-handler', `\`${callee.getText()}\` returns \`${other}\`, a function from a package`);
    if (other !== undefined) return fail('factory', 'unknown-factory-result', `\`${callee.getText()}\` returns \`${other}\``);
    if (fns.size !== 1) return fail('factory', 'unknown-factory-result', `\`${callee.getText()}\` ${fns.size ? 'returns one of several functions' : 'returns no function the builder can see'}`);
    const node = [...fns][0];
    const inner = wrappedArgument(factory.node!, node, e, depth);
    if (inner) return inner;
    return { node, shape: 'factory', name: factory.name };
  }
  if (Node.isElementAccessExpression(e)) return fail('member', 'unresolved-handler-expression', `computed member \`${e.getText()}\``);
  return fail('identifier', 'unresolved-handler-expression', `\`${e.getText().slice(0, 60)}\` is not a function reference`);
}

/** `module.exports = fn` / `export default fn` of a file. */
export function moduleExportValue(sf: SourceFile, depth: number): FnResolution | undefined {
  for (const st of sf.getStatements()) {
    if (Node.isExportAssignment(st)) return functionOfValue(st.getExpression(), depth + 1);
    if (Node.isExpressionStatement(st)) {
      const ex = st.getExpression();
      if (Node.isBinaryExpression(ex) && ex.getLeft().getText() === 'module.exports') {
        let right = ex.getRight();
        while (Node.isBinaryExpression(right) && right.getOperatorToken().getKind() === SyntaxKind.EqualsToken) right = right.getRight();
        return functionOfValue(right, depth + 1);
      }
    }
    if (Node.isFunctionDeclaration(st) && st.isDefaultExport()) return { node: st, shape: 'identifier', name: st.getName() };
  }
  return undefined;
}

/** `(req, res) => controller.m(req, res)`: the function it forwards to, when the arguments are its own parameters. */
function wrapperTarget(fn: FnNode, depth: number): FnResolution | undefined {
  const body = fn.getBody();
  if (!body) return undefined;
  let call: Node | undefined = body;
  if (Node.isBlock(body)) {
    const sts = body.getStatements();
    if (sts.length !== 1) return undefined;
    const st = sts[0];
    call = Node.isReturnStatement(st) ? st.getExpression() : Node.isExpressionStatement(st) ? st.getExpression() : undefined;
  }
  if (!call) return undefined;
  call = unwrap(call);
  if (Node.isAwaitExpression(call)) call = unwrap(call.getExpression());
  if (!Node.isCallExpression(call)) return undefined;
  const params = fn.getParameters().map((p) => p.getName());
  const args = call.getArguments().map((a) => a.getText());
  if (!params.length || !args.length || args.length > params.length || args.some((a, i) => a !== params[i])) return undefined;
  let root: Node = call.getExpression();
  while (Node.isPropertyAccessExpression(root)) root = root.getExpression();
  if (Node.isIdentifier(root) && params.includes(root.getText())) return undefined;
  const r = resolveFunction(call.getExpression(), depth + 1);
  return r.node ? { ...r, via: call.getExpression().getText() } : undefined;
}

/**
 * `catchAsync(fn)`: the function the factory returns calls the factory's own function parameter with the returned
 * function's parameters in order (`fn(req, res, next)`, also under `await`, `Promise.resolve(...)` or `try`). The
 * handler is then the argument passed for that parameter, when it resolves to a function of the project.
 */
function wrappedArgument(factory: FnNode, returned: FnNode, call: CallExpression, depth: number): FnResolution | undefined {
  const index = wrappedParamIndex(factory, returned);
  if (index < 0) return undefined;
  const arg = call.getArguments()[index];
  if (!arg) return undefined;
  const r = resolveFunction(arg, depth + 1);
  if (!r.node) return undefined;
  return { node: r.node, shape: 'wrapped', ...(r.name ? { name: r.name } : {}), via: call.getExpression().getText() };
}

/** The index of the factory parameter the returned function calls with its own parameters in order, or -1. */
export function wrappedParamIndex(factory: FnNode, returned: FnNode): number {
  const own = returned.getParameters().map((p) => (Node.isIdentifier(p.getNameNode()) ? p.getName() : ''));
  if (!own.length || own.some((n) => !n)) return -1;
  const fparams = factory.getParameters();
  let index = -1;
  returned.getBody()?.forEachDescendant((n, t) => {
    if (index >= 0) return t.stop();
    if (isFunctionLike(n)) return t.skip();
    if (!Node.isCallExpression(n)) return;
    const callee = unwrap(n.getExpression());
    if (!Node.isIdentifier(callee)) return;
    const decl = declarationsOf(callee)[0];
    const i = fparams.findIndex((p) => p === decl);
    if (i < 0) return;
    const args = n.getArguments().map((a) => a.getText());
    if (args.length && args.every((a, k) => a === own[k])) index = i;
  });
  return index < 0 || fparams[index].getDotDotDotToken() ? -1 : index;
}
