import { Node, SyntaxKind, type Expression, type Identifier, type Statement } from 'ts-morph';
import type { Info } from './types.js';
import { declaredInFile, enclosingFunction, isBindingName, isWriteTarget, nameIsFree, referencesOf } from './syntax.js';

export function analyzeExports(info: Info, block: (reason: string, message: string, at?: Node | number) => void): void {
  const sf = info.sf;
  const statements = new Set(sf.getStatements());
  const moduleExports: Node[] = []; // `module.exports` expressions
  const exportsIds: Identifier[] = []; // bare `exports` identifiers
  for (const id of sf.getDescendantsOfKind(SyntaxKind.Identifier)) {
    const name = id.getText();
    if (name !== 'module' && name !== 'exports') continue;
    const parent = id.getParent();
    if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) {
      continue;
    }
    if ((Node.isPropertyAssignment(parent) || Node.isMethodDeclaration(parent)) && parent.getNameNode() === id) continue;
    if (Node.isShorthandPropertyAssignment(parent) && declaredInFile(id)) continue;
    if (declaredInFile(id)) continue;
    if (name === 'module') {
      if (Node.isPropertyAccessExpression(parent) && parent.getName() === 'exports') moduleExports.push(parent);
      else block('module-object', `\`${parent.getText().slice(0, 40)}\` uses the CommonJS module object`, id);
    } else {
      exportsIds.push(id);
    }
  }
  const isTopStatement = (n: Node) => {
    const p = n.getParent();
    return Node.isExpressionStatement(p) && statements.has(p as Statement);
  };
  // `module.exports = X`, `exports = module.exports = X`, `module.exports = exports = X`
  const reassigns = moduleExports.filter((m) => {
    const p = m.getParent();
    return Node.isBinaryExpression(p) && p.getLeft() === m && p.getOperatorToken().getKind() === SyntaxKind.EqualsToken;
  });
  const exportsAssigned = exportsIds.filter((e) => {
    const p = e.getParent();
    return Node.isBinaryExpression(p) && p.getLeft() === e && p.getOperatorToken().getKind() === SyntaxKind.EqualsToken;
  });
  // `var X = module.exports = …` as a top-level statement of its own runs unconditionally too.
  const isTopDeclaration = (n: Node) => {
    const decl = n.getParent();
    const st = decl?.getParent()?.getParent();
    return Node.isVariableDeclaration(decl) && decl.getInitializer() === n && Node.isVariableStatement(st) && statements.has(st as Statement);
  };
  const nested = reassigns.find((m) => !isTopStatement(m.getParent()!) && !isTopStatement(m.getParent()!.getParent()!) && !isTopDeclaration(m.getParent()!));
  if (nested) {
    block('conditional-exports', 'module.exports is assigned inside a function, condition or expression', nested);
    return;
  }
  if (reassigns.length > 1) {
    block('reassigned-exports', 'module.exports is assigned more than once', reassigns[1]);
    return;
  }
  if (reassigns.length === 1) {
    const assign = reassigns[0].getParent() as import('ts-morph').BinaryExpression;
    // the statement, possibly through `exports = module.exports = X`
    let outer: Node = assign;
    let viaExports = false;
    const up = assign.getParent();
    if (Node.isBinaryExpression(up) && up.getRight() === assign && exportsAssigned.includes(up.getLeft() as Identifier)) {
      outer = up;
      viaExports = true;
    }
    let expr = assign.getRight();
    if (Node.isBinaryExpression(expr) && exportsAssigned.includes(expr.getLeft() as Identifier) && expr.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
      viaExports = true;
      expr = expr.getRight();
    }
    // `var Cookie = module.exports = function Cookie () {}` at the top level runs unconditionally, once:
    // `var Cookie = function Cookie () {}` then `export default Cookie` right after it.
    const decl = outer.getParent();
    const varStmt = decl?.getParent()?.getParent();
    if (
      Node.isVariableDeclaration(decl) && decl.getInitializer() === outer && Node.isIdentifier(decl.getNameNode()) &&
      Node.isVariableStatement(varStmt) && statements.has(varStmt) && varStmt.getDeclarations().length === 1 && !viaExports
    ) {
      const others = moduleExports.filter((m) => m !== reassigns[0]);
      if (others.length || exportsIds.length) {
        block('mixed-exports', '`var X = module.exports = …` and other uses of the exports object', (others[0] ?? exportsIds[0])!);
        return;
      }
      const name = decl.getName();
      const nameNode = decl.getNameNode() as Identifier;
      const stable = !referencesOf(info.sf, nameNode).some((r) => isWriteTarget(r) && r !== nameNode);
      if (!stable) {
        block('conditional-exports', `\`${name}\` is reassigned later, while module.exports kept its first value`, decl);
        return;
      }
      info.shape = { kind: 'default', stmt: varStmt, prefixEnd: expr.getStart(), expr, ident: name, viaExports: false, declared: { start: assign.getStart(), name } };
      return;
    }
    if (!isTopStatement(outer)) {
      block('conditional-exports', 'module.exports is assigned inside a function, condition or expression', assign);
      return;
    }
    if (exportsAssigned.length > (viaExports ? 1 : 0)) {
      block('exports-object', '`exports` is reassigned', exportsAssigned[0]);
      return;
    }
    const stmt = outer.getParent() as Statement;
    const prefixEnd = expr.getStart();
    // Object literal of stable top-level bindings → named exports.
    const names = Node.isObjectLiteralExpression(expr) ? objectNames(info, expr, stmt) : undefined;
    const others = moduleExports.filter((m) => m !== reassigns[0]);
    const otherExports = exportsIds.filter((e) => !exportsAssigned.includes(e));
    if (names && !viaExports) {
      if (others.length || otherExports.length) {
        block('mixed-exports', 'module.exports is an object literal and also used elsewhere', (others[0] ?? otherExports[0])!);
        return;
      }
      info.shape = { kind: 'object', stmt, prefixEnd, expr, names };
      return;
    }
    const ident = Node.isIdentifier(expr) && stableBinding(info, expr, stmt) ? expr.getText() : undefined;
    info.shape = { kind: 'default', stmt, prefixEnd, expr, ident, viaExports };
    // Later `module.exports.k` (and `exports.k` when exports was re-pointed) → X.k
    const uses = [...others.map((m) => ({ node: m, len: m.getText() })), ...(viaExports ? otherExports : []).map((e) => ({ node: e as Node, len: 'exports' }))];
    for (const use of uses) {
      const n = use.node;
      const p = n.getParent();
      const isMember = Node.isPropertyAccessExpression(p) && p.getExpression() === n;
      if (!ident || !isMember || (n.getStart() < stmt.getEnd() && !enclosingFunction(n, false))) {
        block('exports-object', `\`${(isMember ? p : n).getText().slice(0, 40)}\` uses the exports object${ident ? '' : ' of an expression default export'}`, n);
        return;
      }
      info.exportReads.push({ node: n, text: ident });
    }
    if (!viaExports && otherExports.length) {
      block('mixed-exports', '`exports.x` after `module.exports =` writes to the old exports object', otherExports[0]);
    }
    return;
  }
  if (exportsAssigned.length) {
    block('exports-object', '`exports` is reassigned without module.exports', exportsAssigned[0]);
    return;
  }
  // exports.k = v / module.exports.k = v
  const members = [...moduleExports, ...exportsIds];
  if (!members.length) return;
  const assigns: Array<{ stmt: Statement; key: string; value: Expression; local?: string }> = [];
  const reads: Array<{ node: Node; key: string }> = [];
  for (const m of members) {
    const p = m.getParent();
    if (!Node.isPropertyAccessExpression(p) || p.getExpression() !== m) {
      block('exports-object', `\`${p?.getText().slice(0, 40)}\` uses the exports object as a value`, m);
      return;
    }
    const key = p.getName();
    const assign = p.getParent();
    if (Node.isBinaryExpression(assign) && assign.getLeft() === p && assign.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
      if (!isTopStatement(assign)) {
        block('conditional-exports', `exports.${key} is assigned inside a function, condition or expression`, p);
        return;
      }
      if (key === 'default' || key === '__esModule' || assigns.some((a) => a.key === key)) {
        block('exports-object', `exports.${key} is assigned twice or has a special name`, p);
        return;
      }
      assigns.push({ stmt: assign.getParent() as Statement, key, value: assign.getRight() });
      continue;
    }
    if (isWriteTarget(p)) {
      block('exports-object', `exports.${key} is modified in place`, p);
      return;
    }
    reads.push({ node: p, key });
  }
  const names = new Map<string, string>();
  for (const a of assigns) {
    const v = a.value;
    if (Node.isIdentifier(v) && stableBinding(info, v, a.stmt)) {
      a.local = v.getText();
    } else if (!nameIsFree(info.sf, a.key)) {
      block('export-name-taken', `exports.${a.key} cannot become \`export const ${a.key}\`: the name is used in the file`, a.stmt);
      return;
    }
    names.set(a.key, a.local ?? a.key);
  }
  for (const r of reads) {
    const a = assigns.find((x) => x.key === r.key);
    if (!a || (r.node.getStart() < a.stmt.getEnd() && !enclosingFunction(r.node, false))) {
      block('exports-object', `exports.${r.key} is read before it is assigned`, r.node);
      return;
    }
    info.exportReads.push({ node: r.node, text: names.get(r.key)! });
  }
  info.shape = { kind: 'props', assigns, names };
}

/** `{ a, b: c }` whose values are top-level bindings that never change → export name → local name. */
function objectNames(info: Info, obj: import('ts-morph').ObjectLiteralExpression, stmt: Statement): Map<string, string> | undefined {
  const names = new Map<string, string>();
  for (const prop of obj.getProperties()) {
    let key: string;
    let value: Node;
    if (Node.isShorthandPropertyAssignment(prop)) {
      key = prop.getName();
      value = prop.getNameNode();
    } else if (Node.isPropertyAssignment(prop)) {
      const nameNode = prop.getNameNode();
      if (Node.isIdentifier(nameNode)) key = nameNode.getText();
      else if (Node.isStringLiteral(nameNode) && /^[A-Za-z_$][\w$]*$/.test(nameNode.getLiteralValue())) key = nameNode.getLiteralValue();
      else return undefined;
      value = prop.getInitializerOrThrow();
    } else {
      return undefined;
    }
    if (key === 'default' || names.has(key) || !Node.isIdentifier(value)) return undefined;
    if (!stableBinding(info, value as Identifier, stmt)) return undefined;
    names.set(key, value.getText());
  }
  return names;
}

/** A top-level binding declared before `stmt` (or a hoisted function) and never assigned again. `id` is read in module scope. */
function stableBinding(info: Info, id: Identifier, stmt: Statement): boolean {
  const name = id.getText();
  const found: Node[] = [];
  for (const s of info.sf.getStatements()) {
    if ((Node.isFunctionDeclaration(s) || Node.isClassDeclaration(s)) && s.getName() === name) found.push(s);
    if (Node.isVariableStatement(s)) for (const d of s.getDeclarations()) if (d.getName() === name) found.push(d);
  }
  if (found.length !== 1) return false;
  const decl = found[0];
  if (Node.isClassDeclaration(decl) && decl.getStart() > stmt.getStart()) return false;
  if (Node.isVariableDeclaration(decl)) {
    if (!Node.isIdentifier(decl.getNameNode()) || decl.getStart() > stmt.getStart()) return false;
  }
  const nameNode = (decl as import('ts-morph').FunctionDeclaration | import('ts-morph').VariableDeclaration).getNameNode();
  if (!nameNode || !Node.isIdentifier(nameNode)) return false;
  return !referencesOf(info.sf, nameNode).some((r) => isWriteTarget(r) && r !== nameNode);
}

export function sloppyChecks(info: Info, block: (reason: string, message: string, at?: Node | number) => void): void {
  const sf = info.sf;
  for (const id of sf.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (!isWriteTarget(id) || isBindingName(id)) continue;
    const parent = id.getParent();
    if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) continue;
    const decls = id.getSymbol()?.getDeclarations() ?? [];
    if (!decls.some((d) => d.getSourceFile() === sf)) {
      block('implicit-global', `assigning the undeclared "${id.getText()}" creates a global in sloppy mode and throws in ESM`, id);
    }
  }
  for (const fn of sf.getDescendantsOfKind(SyntaxKind.FunctionDeclaration)) {
    const name = fn.getNameNode();
    if (!name) continue;
    const usesThis = fn.getDescendantsOfKind(SyntaxKind.ThisKeyword).some((t) => enclosingFunction(t, true) === fn);
    if (!usesThis) continue;
    const called = referencesOf(sf, name).some((r) => {
      const p = r.getParent();
      return Node.isCallExpression(p) && p.getExpression() === r;
    });
    if (called) block('sloppy-this', `${name.getText()}() uses \`this\` and is called plainly: globalThis in sloppy mode, undefined in ESM`, fn);
  }
}

/** Exported names whose function uses `this`: called as `ns.name()`, `this` would be the namespace, not the exports object. */
export function exportsUsingThis(info: Info): Set<string> {
  const out = new Set<string>();
  const shape = info.shape;
  if (shape.kind !== 'object' && shape.kind !== 'props') return out;
  const usesThis = (fn: Node) => fn.getDescendantsOfKind(SyntaxKind.ThisKeyword).some((t) => enclosingFunction(t, true) === fn);
  for (const [key, local] of shape.names) {
    const fn = info.sf.getStatements().find((s) => Node.isFunctionDeclaration(s) && s.getName() === local);
    if (fn && usesThis(fn)) out.add(key);
  }
  if (shape.kind === 'props') for (const a of shape.assigns) if (!a.local && Node.isFunctionExpression(a.value) && usesThis(a.value)) out.add(a.key);
  return out;
}
