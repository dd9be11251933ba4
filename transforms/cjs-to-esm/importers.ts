import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Node, SyntaxKind } from 'ts-morph';
import type { Info, Site } from './types.js';
import { declaredInFile, enclosingFunction, isWriteTarget, referencesOf } from './syntax.js';

export function localRequires(file: string, infos: Map<string, Info>): string[] {
  const info = infos.get(file);
  if (!info) return requiresOnDisk(file, infos);
  const out: string[] = [];
  for (const s of info.sites) if (s.target?.type === 'local') out.push(s.target.file);
  for (const k of info.kept) if (k.target?.type === 'local') out.push(k.target.file);
  return out;
}

/** The text of a file outside the run, '' when it cannot be read (then it requires nothing). */
function textOnDisk(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Local candidates a file outside the run requires (by a textual scan; such files are CommonJS). */
function requiresOnDisk(file: string, infos: Map<string, Info>): string[] {
  const text = textOnDisk(file);
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![.$\w])require\s*\(\s*(['"])(\.[^'"]*)\1\s*\)/g)) {
    try {
      const resolved = createRequire(file).resolve(m[2]);
      if (infos.has(resolved)) out.push(resolved);
    } catch {
      // unresolvable: not ours
    }
  }
  return out;
}

export function dynamicPrefixesOnDisk(file: string): string[] {
  const text = textOnDisk(file);
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![.$\w])require\s*\(\s*(?!(['"`])[^'"`]*\1\s*\))(?:(['"`])([^'"`$]*))?/g)) out.push(m[3] ?? '');
  return out;
}

export function markCycles(infos: Map<string, Info>, stays: Set<string>): void {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of localRequires(v, infos)) {
      if (!infos.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      for (let w = stack.pop()!; ; w = stack.pop()!) {
        onStack.delete(w);
        scc.push(w);
        if (w === v) break;
      }
      const selfLoop = localRequires(v, infos).includes(v);
      if (scc.length > 1 || selfLoop) {
        for (const f of scc) {
          const info = infos.get(f)!;
          info.blockers.push({ reason: 'circular-require', message: `part of a require cycle (${scc.map((s) => path.basename(s)).join(' → ')}); ES modules would see different partial exports`, at: 0 });
          stays.add(f);
        }
      }
    }
  };
  for (const v of infos.keys()) if (!index.has(v)) visit(v);
}

// ---------------------------------------------------------------------------------------------------------------
// Importers and export shapes

/** Whether an importer can use named or namespace imports of a module exporting `names`. */
export function importerFitsNames(info: Info, site: Site, names: Map<string, string>, thisUsers: Set<string>): boolean {
  if (site.kind === 'bare') return true;
  if (site.kind === 'destructure') return simpleDestructure(site.pattern!, names) !== undefined;
  if (site.kind === 'chain') {
    const init = site.init!;
    return Node.isPropertyAccessExpression(init) && init.getExpression() === site.call && names.has(init.getName());
  }
  // bind: only `x.name` reads of exported names
  const refs = referencesOf(info.sf, site.name!).filter((r) => r !== site.name);
  return refs.every((r) => {
    const p = r.getParent();
    if (!Node.isPropertyAccessExpression(p) || p.getExpression() !== r || !names.has(p.getName())) return false;
    if (isWriteTarget(p)) return false;
    const pp = p.getParent();
    if (Node.isDeleteExpression(pp)) return false;
    if (Node.isCallExpression(pp) && pp.getExpression() === p && thisUsers.has(p.getName())) return false;
    return true;
  });
}

/** `{ a, b: c }` → import specifiers, or undefined when the pattern needs the object (defaults, nesting, rest). */
export function simpleDestructure(pattern: Node, names?: Map<string, string>): string[] | undefined {
  const out: string[] = [];
  for (const el of (pattern as import('ts-morph').ObjectBindingPattern).getElements()) {
    if (el.getDotDotDotToken() || el.getInitializer()) return undefined;
    const nameNode = el.getNameNode();
    if (!Node.isIdentifier(nameNode)) return undefined;
    const prop = el.getPropertyNameNode();
    let key = nameNode.getText();
    if (prop) {
      if (!Node.isIdentifier(prop)) return undefined;
      key = prop.getText();
    }
    if (names && !names.has(key)) return undefined;
    out.push(key === nameNode.getText() ? key : `${key} as ${nameNode.getText()}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Writes to the exports object

/**
 * A use by an importer that may change the exports object of `dep` (an `object`/`props` shape), or undefined when
 * every use only reads it. Once converted, such a module exports its values as named bindings and, for importers
 * that need the object itself, a copy of them as `export default { … }`: a write to that copy (`config.port = 8080`,
 * `delete m.x`, `Object.assign(m, …)`, a method that assigns to `this`, the object handed to other code that may do
 * any of these) no longer reaches the named importers, where in CommonJS every importer shared one object.
 * Reads are safe: `m.k`, destructuring (with defaults or rest too), `{ ...m }`, `typeof m`, comparisons, `for (k in m)`,
 * `Object.keys/values/entries(m)`.
 */
export function objectWriteOf(info: Info, site: Site, dep: Info): Node | undefined {
  if (site.kind === 'bare' || site.kind === 'destructure') return undefined;
  if (site.kind === 'chain') {
    // `require('./m').a.b` reads; `require('./m').f(…)` calls f with the object as `this`.
    let cur: Node = site.call!;
    for (;;) {
      const p = cur.getParent();
      if (!p || p === site.init!.getParent()) return undefined;
      if (Node.isPropertyAccessExpression(p) && p.getExpression() === cur) {
        const pp = p.getParent();
        if (cur === site.call && Node.isCallExpression(pp) && pp.getExpression() === p && exportMayUseThis(dep, p.getName())) return pp;
        cur = p;
        continue;
      }
      if (Node.isCallExpression(p) && p.getExpression() !== site.call) {
        cur = p;
        continue;
      }
      return p;
    }
  }
  const refs = referencesOf(info.sf, site.name!).filter((r) => r !== site.name);
  return refs.find((r) => useMayWrite(r, dep));
}

function useMayWrite(r: Node, dep: Info): boolean {
  let cur = r;
  let p = cur.getParent();
  while (p && Node.isParenthesizedExpression(p)) {
    cur = p;
    p = p.getParent();
  }
  if (!p) return true;
  if ((Node.isPropertyAccessExpression(p) || Node.isElementAccessExpression(p)) && p.getExpression() === cur) {
    if (isWriteTarget(p)) return true;
    let member: Node = p;
    let pp = member.getParent();
    while (pp && Node.isParenthesizedExpression(pp)) {
      member = pp;
      pp = pp.getParent();
    }
    if (!pp) return true;
    if (Node.isDeleteExpression(pp)) return true;
    // A method call: the method gets the object as `this`.
    if ((Node.isCallExpression(pp) && pp.getExpression() === member) || (Node.isTaggedTemplateExpression(pp) && pp.getTag() === member)) {
      return !Node.isPropertyAccessExpression(p) || exportMayUseThis(dep, p.getName());
    }
    return false;
  }
  if (Node.isSpreadAssignment(p)) return false; // `{ ...m }` copies
  if (Node.isVariableDeclaration(p) && p.getInitializer() === cur) return !Node.isObjectBindingPattern(p.getNameNode());
  if (Node.isBinaryExpression(p)) {
    const op = p.getOperatorToken().getKind();
    if (op === SyntaxKind.EqualsToken && p.getRight() === cur) return !Node.isObjectLiteralExpression(p.getLeft()); // `({ a } = m)`
    return ![
      SyntaxKind.EqualsEqualsEqualsToken,
      SyntaxKind.ExclamationEqualsEqualsToken,
      SyntaxKind.EqualsEqualsToken,
      SyntaxKind.ExclamationEqualsToken,
      SyntaxKind.InstanceOfKeyword,
      SyntaxKind.InKeyword,
    ].includes(op);
  }
  if (Node.isTypeOfExpression(p) || Node.isExpressionStatement(p)) return false;
  if (Node.isPrefixUnaryExpression(p) && p.getOperatorToken() === SyntaxKind.ExclamationToken) return false;
  if ((Node.isIfStatement(p) || Node.isWhileStatement(p) || Node.isDoStatement(p)) && p.getExpression() === cur) return false;
  if (Node.isConditionalExpression(p) && p.getCondition() === cur) return false;
  if (Node.isForInStatement(p) && p.getExpression() === cur) return false;
  if (Node.isCallExpression(p) && p.getArguments().length === 1 && p.getArguments()[0] === cur) {
    const callee = p.getExpression();
    if (
      Node.isPropertyAccessExpression(callee) &&
      Node.isIdentifier(callee.getExpression()) &&
      callee.getExpression().getText() === 'Object' &&
      ['keys', 'values', 'entries'].includes(callee.getName()) &&
      !declaredInFile(callee.getExpression())
    ) {
      return false;
    }
  }
  return true;
}

/** Whether calling export `key` as `m.key()` may use `this` (unknown values may). */
export function exportMayUseThis(dep: Info, key: string): boolean {
  const shape = dep.shape;
  let value: Node | undefined;
  if (shape.kind === 'props') {
    const a = shape.assigns.find((x) => x.key === key);
    if (!a) return false; // not exported: the call throws either way
    value = a.local ? topLevelValue(dep, a.local) : a.value;
  } else if (shape.kind === 'object') {
    const local = shape.names.get(key);
    if (!local) return false;
    value = topLevelValue(dep, local);
  } else {
    return true;
  }
  while (value && Node.isParenthesizedExpression(value)) value = value.getExpression();
  if (!value) return true;
  if (Node.isArrowFunction(value) || Node.isClassExpression(value) || Node.isClassDeclaration(value)) return false;
  if (Node.isFunctionDeclaration(value) || Node.isFunctionExpression(value)) {
    const fn = value;
    return fn.getDescendantsOfKind(SyntaxKind.ThisKeyword).some((t) => enclosingFunction(t, true) === fn);
  }
  return true;
}

/** The declaration (function, class) or initializer (variable) of a top-level name of the module. */
function topLevelValue(dep: Info, name: string): Node | undefined {
  for (const s of dep.sf.getStatements()) {
    if ((Node.isFunctionDeclaration(s) || Node.isClassDeclaration(s)) && s.getName() === name) return s;
    if (Node.isVariableStatement(s)) for (const d of s.getDeclarations()) if (d.getName() === name) return d.getInitializer();
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// ES modules of the run that import a candidate (as CommonJS: default = module.exports, names from the lexer)

export interface EsmImport {
  spec: string;
  node: Node;
  /** Whether the import gets the same values once the target exports them as an ES module in place. */
  fits: (dep: Info) => boolean;
}

export function esmImportsOf(sf: import('ts-morph').SourceFile): EsmImport[] {
  const out: EsmImport[] = [];
  const namesFit = (dep: Info, names: string[]) =>
    (dep.shape.kind === 'object' || dep.shape.kind === 'props') && names.every((n) => (dep.shape as { names: Map<string, string> }).names.has(n));
  for (const d of sf.getImportDeclarations()) {
    const spec = d.getModuleSpecifierValue();
    const def = d.getDefaultImport();
    const ns = d.getNamespaceImport();
    const named = d.getNamedImports().map((n) => n.getName());
    out.push({
      spec,
      node: d,
      fits: (dep) => {
        if (ns) return false;
        if (def) return !named.length && dep.shape.kind === 'default';
        return !named.length || namesFit(dep, named);
      },
    });
  }
  for (const d of sf.getExportDeclarations()) {
    const spec = d.getModuleSpecifierValue();
    if (spec === undefined) continue;
    const named = d.getNamedExports().map((n) => n.getName());
    out.push({ spec, node: d, fits: (dep) => !d.isNamespaceExport() && named.length > 0 && namesFit(dep, named) });
  }
  for (const call of sf.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    if (call.getExpression().getKind() !== SyntaxKind.ImportKeyword) continue;
    const arg = call.getArguments()[0];
    if (arg && (Node.isStringLiteral(arg) || Node.isNoSubstitutionTemplateLiteral(arg))) out.push({ spec: arg.getLiteralValue(), node: call, fits: () => false });
  }
  return out;
}
