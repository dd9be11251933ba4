import { parse as babelParse } from '@babel/parser';
import { Node, SyntaxKind, type Identifier, type SourceFile, type Statement } from 'ts-morph';
import type { Info, Site } from './types.js';
import { HARMLESS_FACTORIES, declaredInFile, enclosingFunction, hasUseStrict, isBindingName, isConstantBinding, isFactoryDeclaration, isHarmlessFactoryCall, isPure, isPureStatement, isWriteTarget, referencesOf } from './syntax.js';
import { analyzeExports, sloppyChecks } from './exports.js';

export const CJS_MARKERS = /(?<![.$\w])require\s*\(|\bmodule\.exports\b|\bexports\.[\w$]+\s*=|__dirname|__filename/;

// ---------------------------------------------------------------------------------------------------------------
// Analysis of one file

export function analyze(sf: SourceFile): Info {
  const file = sf.getFilePath();
  const statements = sf.getStatements();
  const info: Info = {
    sf,
    file,
    finalFile: file,
    strict: hasUseStrict(sf),
    blockers: [],
    sites: [],
    kept: [],
    needsRequire: false,
    dirnameUses: [],
    filenameUses: [],
    shape: { kind: 'none' },
    exportReads: [],
    memberAssignPrefixes: [],
    needsObject: false,
    needsInterop: false,
    dynamicPrefixes: [],
    convert: false,
    names: new Set(sf.getDescendantsOfKind(SyntaxKind.Identifier).map((i) => i.getText())),
  };
  const block = (reason: string, message: string, at?: Node | number) =>
    info.blockers.push({ reason, message, at: typeof at === 'number' ? at : at?.getStart() });

  // Strict-mode and module-only syntax.
  try {
    babelParse(sf.getFullText(), { sourceType: 'module', plugins: ['jsx'], allowReturnOutsideFunction: false });
  } catch (err) {
    const e = err as { message: string; pos?: number; reasonCode?: string };
    const reason = /return/i.test(e.message) ? 'top-level-return' : info.strict ? 'module-syntax' : 'sloppy-syntax';
    block(reason, `not valid as an ES module: ${e.message}`, e.pos);
    return info;
  }

  // Top-level requires that can become imports, in order; side effects before a require make it late.
  // Calls of a few logging factories (`require('debug')('ns')`, `deprecate('ns')` with `deprecate = require('depd')`)
  // do not count: see HARMLESS_FACTORIES.
  let impure = false;
  const siteCalls = new Set<Node>();
  const factoryBindings: Identifier[] = [];
  for (const stmt of statements) {
    const sites = siteOf(stmt);
    if (sites) {
      for (const s of sites) {
        s.late = impure;
        info.sites.push(s);
        siteCalls.add(s.call!);
        if (s.kind === 'bind' && HARMLESS_FACTORIES.has(s.spec) && isConstantBinding(sf, s.name!)) factoryBindings.push(s.name!);
      }
      if (sites.some((s) => s.kind === 'chain' && s.init && !isPure(s.init, s.call) && !isHarmlessFactoryCall(s.init, s.spec, s.call))) impure = true;
      continue;
    }
    if (!isPureStatement(stmt) && !isFactoryDeclaration(stmt, factoryBindings)) impure = true;
  }

  // Every other use of the CommonJS globals.
  for (const id of sf.getDescendantsOfKind(SyntaxKind.Identifier)) {
    const name = id.getText();
    if (!['require', 'module', 'exports', '__dirname', '__filename', 'arguments'].includes(name)) continue;
    const parent = id.getParent();
    if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) continue;
    if ((Node.isPropertyAssignment(parent) || Node.isMethodDeclaration(parent) || Node.isPropertySignature(parent)) && parent.getNameNode() === id) continue;
    if (declaredInFile(id)) continue;
    if (name === 'arguments') {
      if (!enclosingFunction(id, false)) block('top-level-arguments', '`arguments` at the top level is the CommonJS wrapper\'s', id);
      continue;
    }
    if (name === '__dirname') {
      info.dirnameUses.push(id);
      continue;
    }
    if (name === '__filename') {
      info.filenameUses.push(id);
      continue;
    }
    if (name === 'require') {
      if (Node.isCallExpression(parent) && parent.getExpression() === id) {
        if (siteCalls.has(parent)) continue;
        const arg = parent.getArguments()[0];
        if (parent.getArguments().length !== 1 || !Node.isStringLiteral(arg) && !Node.isNoSubstitutionTemplateLiteral(arg)) {
          block('dynamic-require', `require(${arg?.getText() ?? ''}) loads a module chosen at run time`, parent);
          info.dynamicPrefixes.push(literalPrefix(arg));
          continue;
        }
        info.kept.push({ call: parent, spec: arg.getLiteralValue() });
        continue;
      }
      if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === id) {
        const prop = parent.getName();
        if (prop === 'resolve') {
          info.needsRequire = true;
          continue;
        }
        block(prop === 'main' ? 'require-main' : 'require-object', `require.${prop} has no ES module equivalent`, parent);
        continue;
      }
      block('require-object', '`require` is used as a value', id);
      continue;
    }
    // module / exports: handled by the export analysis below; anything else blocks.
  }

  analyzeExports(info, block);

  // `this` at the top level is module.exports in CommonJS, undefined in ESM.
  for (const t of sf.getDescendantsOfKind(SyntaxKind.ThisKeyword)) {
    if (!enclosingFunction(t, true)) block('top-level-this', 'top-level `this` is module.exports in CommonJS and undefined in ESM', t);
  }

  if (!info.strict) sloppyChecks(info, block);

  // Import bindings are constant and declared once. Counted by name as well as by symbol: in a JS file that is not
  // type-checked, `var x = require('a'); var x = require('b')` can come back as two symbols, and two imports of one
  // name do not load.
  const topLevelNames = new Map<string, number>();
  for (const stmt of sf.getStatements()) {
    const names = Node.isVariableStatement(stmt)
      ? stmt.getDeclarations().flatMap((d) => (Node.isIdentifier(d.getNameNode()) ? [d.getName()] : d.getNameNode().getDescendantsOfKind(SyntaxKind.Identifier).filter((i) => isBindingName(i)).map((i) => i.getText())))
      : (Node.isFunctionDeclaration(stmt) || Node.isClassDeclaration(stmt)) && stmt.getName()
        ? [stmt.getName()!]
        : [];
    for (const name of names) topLevelNames.set(name, (topLevelNames.get(name) ?? 0) + 1);
  }
  // A `var` inside a top-level block binds the module-level name too.
  for (const d of sf.getDescendantsOfKind(SyntaxKind.VariableDeclaration)) {
    const list = d.getParent();
    if (!Node.isVariableDeclarationList(list) || list.getDeclarationKind() !== 'var' || enclosingFunction(d, true)) continue;
    if (Node.isVariableStatement(list.getParent()) && list.getParent()!.getParent() === sf) continue; // counted above
    if (Node.isIdentifier(d.getNameNode())) topLevelNames.set(d.getName(), (topLevelNames.get(d.getName()) ?? 0) + 1);
  }
  for (const s of info.sites) {
    const ids = s.kind === 'bind' || s.kind === 'chain' ? [s.name!] : s.kind === 'destructure' ? s.pattern!.getDescendantsOfKind(SyntaxKind.Identifier).filter((i) => isBindingName(i)) : [];
    for (const id of ids) {
      const sym = id.getSymbol();
      if ((topLevelNames.get(id.getText()) ?? 0) > 1 || (sym && sym.getDeclarations().length > 1)) block('redeclared', `"${id.getText()}" is declared more than once`, id);
      else if (!sym) continue;
      else if (referencesOf(sf, id).some((r) => isWriteTarget(r))) {
        if (s.kind !== 'chain') block('reassigned-require', `"${id.getText()}" is reassigned; an import binding cannot be`, id);
      }
    }
  }
  return info;
}

// ---------------------------------------------------------------------------------------------------------------
// Requires

function siteOf(stmt: Statement): Site[] | undefined {
  if (Node.isExpressionStatement(stmt)) {
    const e = stmt.getExpression();
    const spec = requireSpec(e);
    if (spec === undefined) return undefined;
    return [{ stmt, kind: 'bare', spec, quote: quoteOf(e), declKind: '', call: e, late: false }];
  }
  if (!Node.isVariableStatement(stmt)) return undefined;
  const out: Site[] = [];
  const declKind = stmt.getDeclarationKind();
  for (const d of stmt.getDeclarations()) {
    const init = d.getInitializer();
    if (!init) return undefined;
    const call = innermostRequire(init);
    if (!call) return undefined;
    const spec = requireSpec(call)!;
    const nameNode = d.getNameNode();
    const base = { stmt, spec, quote: quoteOf(call), declKind, call, late: false };
    if (call === init) {
      if (Node.isIdentifier(nameNode)) out.push({ ...base, kind: 'bind', name: nameNode });
      else if (Node.isObjectBindingPattern(nameNode)) out.push({ ...base, kind: 'destructure', pattern: nameNode });
      else return undefined;
    } else {
      if (!Node.isIdentifier(nameNode)) return undefined;
      out.push({ ...base, kind: 'chain', name: nameNode, init });
    }
  }
  return out;
}

/** `require('x')`, or the require at the head of `require('x').a.b` / `require('x')(…)`. */
function innermostRequire(e: Node): Node | undefined {
  let cur: Node = e;
  for (;;) {
    if (requireSpec(cur) !== undefined) return cur;
    if (Node.isPropertyAccessExpression(cur)) cur = cur.getExpression();
    else if (Node.isCallExpression(cur)) cur = cur.getExpression();
    else return undefined;
  }
}

function requireSpec(e: Node): string | undefined {
  if (!Node.isCallExpression(e)) return undefined;
  const callee = e.getExpression();
  if (!Node.isIdentifier(callee) || callee.getText() !== 'require' || declaredInFile(callee)) return undefined;
  const args = e.getArguments();
  if (args.length !== 1) return undefined;
  const a = args[0];
  if (Node.isStringLiteral(a) || Node.isNoSubstitutionTemplateLiteral(a)) return a.getLiteralValue();
  return undefined;
}

function quoteOf(call: Node): string {
  const arg = (call as import('ts-morph').CallExpression).getArguments()[0];
  const q = arg.getText()[0];
  return q === '"' ? '"' : "'";
}

function literalPrefix(arg: Node | undefined): string {
  let cur = arg;
  while (cur && Node.isBinaryExpression(cur)) cur = cur.getLeft();
  if (cur && (Node.isStringLiteral(cur) || Node.isNoSubstitutionTemplateLiteral(cur))) return cur.getLiteralValue();
  if (cur && Node.isTemplateExpression(cur)) return cur.getHead().getLiteralText();
  return '';
}
