/**
 * Phase 2c: Express handlers that hand their result to a later middleware instead of answering themselves:
 * `res.locals.data = value` and then `next()` (json-server's routers, render middleware). The service returns the
 * value; the controller keeps the hand-off (`res.locals.data = service.m(input)`), the headers and status set after
 * the logic, and the final `next()`, exactly where they were.
 */
import { Node, SyntaxKind, type Expression, type ExpressionStatement, type Identifier, type Statement } from 'ts-morph';
import { EXPRESS_CHAIN, Unsafe, enclosingFunction, isFunctionLike, referenced, roleOf, type Roles, type Success } from './handler-model.js';
import { assignedIn, terminates } from './exit-rewrite.js';
import type { RouteSite } from './routes.js';

/** Response calls that only set something on the response (no body): they may follow the logic in the tail. */
const SETTERS = new Set([...EXPRESS_CHAIN, 'setHeader'].filter((m) => m !== 'cookie' && m !== 'clearCookie' && m !== 'attachment'));

export interface HandOff {
  /** The logic: the statements between the request reads and the tail. */
  region: Statement[];
  /** `res.locals.<key> = value` statements of the logic (each the last thing the logic does on its path). */
  handOffs: { stmt: ExpressionStatement; res: Identifier; value: Expression }[];
  /** The service result as the controller writes it (the hand-off, or the variable the tail uses). */
  success: Success;
  /** `return <var>` the service method ends with (a hand-off in the tail: the logic's variable is the result). */
  returnVar?: string;
}

interface LocalsWrite {
  res: Identifier;
  key: string;
  value: Expression;
}

/** `res.locals.<key> = value` as a statement of its own. */
function localsWrite(s: Node, roles: Roles): LocalsWrite | undefined {
  if (!Node.isExpressionStatement(s)) return undefined;
  const e = s.getExpression();
  if (!Node.isBinaryExpression(e) || e.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) return undefined;
  const left = e.getLeft();
  if (!Node.isPropertyAccessExpression(left)) return undefined;
  const locals = left.getExpression();
  if (!Node.isPropertyAccessExpression(locals) || locals.getName() !== 'locals') return undefined;
  const res = locals.getExpression();
  if (!Node.isIdentifier(res) || roleOf(referenced(res), roles) !== 'response') return undefined;
  return { res, key: left.getName(), value: e.getRight() };
}

/** `next()` or `return next()`: handing over to the next middleware, without an error. */
function isNextCall(s: Statement, roles: Roles): boolean {
  const e = Node.isExpressionStatement(s) ? s.getExpression() : Node.isReturnStatement(s) ? s.getExpression() : undefined;
  if (!e || !Node.isCallExpression(e) || e.getArguments().length) return false;
  const callee = e.getExpression();
  return Node.isIdentifier(callee) && roleOf(referenced(callee), roles) === 'next';
}

/** `res.setHeader(...)`, `res.status(201)`, `res.location(url)`: response calls that write no body. */
function isSetter(s: Statement, roles: Roles): boolean {
  if (!Node.isExpressionStatement(s)) return false;
  let cur: Node = s.getExpression();
  if (!Node.isCallExpression(cur)) return false;
  while (Node.isCallExpression(cur)) {
    const callee: Node = cur.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || !SETTERS.has(callee.getName())) return false;
    cur = callee.getExpression();
  }
  return Node.isIdentifier(cur) && roleOf(referenced(cur), roles) === 'response';
}

/** Is `stmt` the last thing the logic does on its path (nothing of the logic runs after it)? */
function lastOnPath(stmt: Statement, container: Node, last: Statement): boolean {
  let cur: Node = stmt;
  for (;;) {
    const parent = cur.getParent();
    if (!parent) return false;
    if (parent === container) return cur === last;
    if (Node.isBlock(parent)) {
      const list = parent.getStatements();
      if (list[list.length - 1] !== cur) return false;
    } else if (!Node.isIfStatement(parent) || parent.getExpression() === cur) return false;
    cur = parent;
  }
}

/** A value that is never `undefined`: a literal, an object, a function, or a variable its `if` has just tested. */
function definedValue(v: Expression, at: Statement): boolean {
  if (Node.isObjectLiteralExpression(v) || Node.isArrayLiteralExpression(v) || Node.isNewExpression(v) || Node.isStringLiteral(v) || Node.isNumericLiteral(v)) return true;
  if (Node.isNoSubstitutionTemplateLiteral(v) || Node.isTemplateExpression(v) || Node.isRegularExpressionLiteral(v) || Node.isArrowFunction(v) || Node.isFunctionExpression(v)) return true;
  if (v.getKind() === SyntaxKind.TrueKeyword || v.getKind() === SyntaxKind.FalseKeyword || v.getKind() === SyntaxKind.NullKeyword) return true;
  if (!Node.isIdentifier(v)) return false;
  const sym = v.getSymbol();
  if (!sym) return false;
  // `const clone = _.cloneDeep(x)` of a defined x (lodash's clone of a value is never undefined when the value is not)
  const decl = sym.getDeclarations()[0];
  if (sym.getDeclarations().length === 1 && Node.isVariableDeclaration(decl) && decl.getVariableStatement()?.getDeclarationKind() === 'const') {
    const init = decl.getInitializer();
    const stmt = decl.getVariableStatement()!;
    if (init && Node.isCallExpression(init) && init.getArguments().length === 1 && isLodashClone(init.getExpression())) {
      const arg = init.getArguments()[0];
      if (Node.isIdentifier(arg) && arg.getSymbol() !== sym && definedValue(arg as Expression, stmt)) return true;
    }
  }
  // `if (x) { ...; res.locals.data = x }` with no write to x inside the branch
  for (let p: Node | undefined = at.getParent(); p && !isFunctionLike(p); p = p.getParent()) {
    if (!Node.isIfStatement(p) || !at.getFirstAncestor((a) => a === p.getThenStatement()) && p.getThenStatement() !== at) continue;
    if (testsDefined(p.getExpression(), sym) && !assignedIn([p.getThenStatement()], sym)) return true;
  }
  return false;
}

/** `_.cloneDeep` / `_.clone` where `_` is lodash's module (required or imported), or `structuredClone`. */
function isLodashClone(callee: Node): boolean {
  if (Node.isIdentifier(callee)) return callee.getText() === 'structuredClone' && !callee.getSymbol()?.getDeclarations().some((d) => !d.getSourceFile().isDeclarationFile());
  if (!Node.isPropertyAccessExpression(callee) || !['cloneDeep', 'clone'].includes(callee.getName())) return false;
  const obj = callee.getExpression();
  if (!Node.isIdentifier(obj)) return false;
  const d = obj.getSymbol()?.getDeclarations()[0];
  if (!d) return false;
  const imp = d.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
  if (imp) return imp.getModuleSpecifierValue() === 'lodash' && (imp.getDefaultImport()?.getText() === obj.getText() || imp.getNamespaceImport()?.getText() === obj.getText());
  return Node.isVariableDeclaration(d) && d.getNameNode().getText() === obj.getText() && /^require\(\s*['"]lodash['"]\s*\)$/.test(d.getInitializer()?.getText() ?? '');
}

/** `x`, `x !== undefined`, `x != null`, or `x && …` / `… && x`: true only when x is not undefined. */
function testsDefined(test: Expression, sym: NonNullable<ReturnType<Identifier['getSymbol']>>): boolean {
  const isX = (n: Node) => Node.isIdentifier(n) && n.getSymbol() === sym;
  if (isX(test)) return true;
  if (Node.isParenthesizedExpression(test)) return testsDefined(test.getExpression(), sym);
  if (!Node.isBinaryExpression(test)) return false;
  const op = test.getOperatorToken().getText();
  if (op === '&&') return testsDefined(test.getLeft(), sym) || testsDefined(test.getRight(), sym);
  const other = isX(test.getLeft()) ? test.getRight() : isX(test.getRight()) ? test.getLeft() : undefined;
  if (!other) return false;
  const undef = other.getText() === 'undefined';
  const nul = other.getKind() === SyntaxKind.NullKeyword;
  return (op === '!==' && undef) || (op === '!=' && (undef || nul));
}

/**
 * The hand-off form of a handler's logic, or undefined when the handler does not end with `next()` after
 * `res.locals` writes. Throws Unsafe when it has that form but moving it could change what happens.
 */
export function findHandOff(site: RouteSite, roles: Roles, region: Statement[], container: Node, usedNames: Set<string>): HandOff | undefined {
  if (site.framework !== 'express' || container !== site.fn.getBody()) return undefined;
  if (!region.length || !isNextCall(region[region.length - 1], roles)) {
    const early = region.find((s) => isNextCall(s, roles));
    if (early && region.some((s) => [s, ...s.getDescendants()].some((d) => localsWrite(d, roles)))) {
      throw new Unsafe('next-in-logic', 'the handler goes on after handing its result on with next()', early);
    }
    return undefined;
  }
  if (region.length < 2) return undefined;
  // The tail: response setters and at most one hand-off of a variable, right before next().
  let i = region.length - 2;
  let tailHandOff: (LocalsWrite & { stmt: Statement }) | undefined;
  for (; i >= 0; i--) {
    const s = region[i];
    if (isSetter(s, roles)) continue;
    const write = !tailHandOff ? localsWrite(s, roles) : undefined;
    if (write && Node.isIdentifier(write.value) && declaredAtTop(write.value, region.slice(0, i))) {
      tailHandOff = { ...write, stmt: s };
      continue;
    }
    break;
  }
  const logic = region.slice(0, i + 1);
  if (!logic.length) return undefined;
  const tail = region.slice(i + 1, -1);
  const handOffs: HandOff['handOffs'] = [];
  for (const s of logic) {
    for (const d of [s, ...s.getDescendantsOfKind(SyntaxKind.ExpressionStatement)]) {
      if (enclosingFunction(d) !== site.fn) continue;
      const write = localsWrite(d, roles);
      if (write) handOffs.push({ stmt: d as ExpressionStatement, res: write.res, value: write.value });
    }
  }
  if (!tailHandOff && !handOffs.length) return undefined;
  const keys = new Set([...handOffs.map((h) => (h.stmt.getExpression() as import('ts-morph').BinaryExpression).getLeft().getText().split('.').pop()!), ...(tailHandOff ? [tailHandOff.key] : [])]);
  if (keys.size > 1) throw new Unsafe('res-locals', 'the logic hands on more than one `res.locals` field', handOffs[0]?.stmt ?? tailHandOff?.stmt);
  if (tailHandOff && handOffs.length) throw new Unsafe('res-locals', '`res.locals` is written both by the logic and after it', handOffs[0].stmt);
  const key = [...keys][0];
  const last = logic[logic.length - 1];
  for (const h of handOffs) {
    if (!lastOnPath(h.stmt, container, last)) throw new Unsafe('res-locals', '`res.locals` is written before more of the logic runs', h.stmt);
  }
  // Every path of the logic must reach next(): a `return` would skip it.
  for (const s of logic) {
    for (const r of [s, ...s.getDescendantsOfKind(SyntaxKind.ReturnStatement)]) {
      if (Node.isReturnStatement(r) && enclosingFunction(r) === site.fn) {
        throw new Unsafe('path-without-response', 'a path of the logic returns before handing its result on (next() is not called there)', r);
      }
    }
  }
  // What stays after the logic may use only the tail's variable of the logic.
  const declared = new Set(logic.flatMap((s) => (Node.isVariableStatement(s) ? s.getDeclarations().map((d) => d.getName()) : [])));
  for (const t of tail) {
    for (const id of t.getDescendantsOfKind(SyntaxKind.Identifier)) {
      const name = id.getText();
      if (!declared.has(name) || name === tailHandOff?.value.getText()) continue;
      const decl = id.getSymbol()?.getDeclarations()[0];
      if (decl && logic.some((s) => decl.getFirstAncestor((a) => a === s))) {
        throw new Unsafe('success-response-needs-logic-values', `the response set after the logic uses \`${name}\`, which the logic computes`, id);
      }
    }
    if (tailHandOff) {
      const sym = (tailHandOff.value as Identifier).getSymbol();
      if (sym && assignedIn([t], sym)) throw new Unsafe('success-response-uses-changed-input', `the response set after the logic changes \`${tailHandOff.value.getText()}\``, t);
    }
  }
  const resName = site.fn.getParameters()[1]?.getName() ?? 'res';
  if (tailHandOff) {
    return { region: logic, handOffs, success: { template: '', varName: tailHandOff.value.getText() }, returnVar: tailHandOff.value.getText() };
  }
  const all = terminates(logic, (s) => handOffs.some((h) => h.stmt === s) || Node.isThrowStatement(s));
  if (all) return { region: logic, handOffs, success: { template: `${resName}.locals.${key} = \u0000` } };
  for (const h of handOffs) {
    if (!definedValue(h.value, h.stmt)) {
      throw new Unsafe('hand-off-may-be-undefined', 'a path hands on a value that may be undefined and another hands nothing on: the controller could not tell them apart', h.value);
    }
  }
  const name = [key, 'result', 'value'].find((n) => /^[A-Za-z_$][\w$]*$/.test(n) && !usedNames.has(n)) ?? 'serviceResult';
  return { region: logic, handOffs, success: { template: `if (${name} !== undefined) ${resName}.locals.${key} = ${name}`, varName: name } };
}

function declaredAtTop(id: Identifier, stmts: Statement[]): boolean {
  const decl = id.getSymbol()?.getDeclarations()[0];
  return !!decl && Node.isVariableDeclaration(decl) && stmts.some((s) => Node.isVariableStatement(s) && s.getDeclarations().includes(decl));
}
