import path from 'node:path';
import { Node, SyntaxKind, ts, type SourceFile } from 'ts-morph';
import type { ProjectTransformContext } from '../../src/engine/project-engine.js';
import { collectReads, type SourceKind } from './reads.js';
import { fileResource } from '../../src/app-model/names.js';
import type { Framework } from './reads.js';
import type { Anchor, FileFacts, Plan, RouteSite } from './types.js';
import type { Options } from './index.js';

const JS_EXT = /\.(js|jsx|cjs|mjs)$/;

export const SOURCE_ORDER: SourceKind[] = ['params', 'query', 'body'];

function lineIndent(text: string, pos: number): string {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

export function fileFacts(sf: SourceFile, compilerOptions: ts.CompilerOptions): FileFacts {
  const text = sf.getFullText();
  const file = sf.getFilePath();
  const js = JS_EXT.test(file);
  const imports = sf.getImportDeclarations();
  const statements = sf.getStatements();
  const lastImport = imports[imports.length - 1];
  const importPos = lastImport ? lastImport.getEnd() : statements[0]?.getStart() ?? 0;
  const quote = /(?:from\s*|require\s*\(\s*)"/.test(text) && !/(?:from\s*|require\s*\(\s*)'/.test(text) ? '"' : "'";
  const firstStmt = lastImport ?? statements[0];
  const semi = firstStmt && !firstStmt.getText().trimEnd().endsWith(';') ? '' : ';';
  const indentMatch = /\n( +|\t)\S/.exec(text);
  const unit = indentMatch ? (indentMatch[1] === '\t' ? '\t' : indentMatch[1].length >= 4 ? '    ' : '  ') : '  ';
  const relSpecs = imports.map((i) => i.getModuleSpecifierValue()).filter((s) => s.startsWith('.'));
  const resolution = compilerOptions.moduleResolution;
  const jsExt =
    resolution === ts.ModuleResolutionKind.Node16 ||
    resolution === ts.ModuleResolutionKind.NodeNext ||
    (relSpecs.length > 0 && relSpecs.every((s) => /\.[cm]?js$/.test(s)));
  const identifiers = new Set(text.match(/[A-Za-z_$][\w$]*/g) ?? []);
  // JS: typedefs go after the leading requires/imports.
  let typedefPos = 0;
  for (const st of statements) {
    const t = st.getText();
    if (Node.isImportDeclaration(st) || (Node.isVariableStatement(st) && /\brequire\s*\(/.test(t)) || /^['"]use strict['"]/.test(t)) typedefPos = st.getEnd();
    else break;
  }
  const resource = fileResource(file);
  return {
    path: file,
    js,
    text,
    importPos,
    importAfter: Boolean(lastImport),
    quote,
    semi,
    unit,
    jsExt,
    identifiers,
    typedefPos,
    dtoPath: path.join(path.dirname(file), `${resource}.dto.ts`),
  };
}

function alreadyTyped(route: RouteSite, js: boolean): string | undefined {
  const { call, reqParam, framework, inline } = route;
  if (inline && call.getTypeArguments().length) return 'the route call already has type arguments';
  if (js) {
    const tag = ts.getJSDocType(reqParam.compilerNode);
    if (tag) return `\`${reqParam.getName()}\` already has a JSDoc type`;
    return undefined;
  }
  const typeNode = reqParam.getTypeNode();
  if (!typeNode) return undefined;
  if (Node.isTypeReference(typeNode) && typeNode.getTypeArguments().length) return `\`${reqParam.getName()}\` is already typed as ${typeNode.getText()}`;
  if (framework === 'koa') return `\`${reqParam.getName()}\` has a declared context type`;
  return undefined;
}

export function planFor(ctx: ProjectTransformContext<Options>, route: RouteSite, facts: FileFacts, zodMode: boolean, id: number): Plan | undefined {
  const sf = route.handler.getSourceFile();
  const fullPath = route.fullPath;
  const label = `${route.verb.toUpperCase()} ${fullPath}`;
  const js = facts.js;
  const typed = alreadyTyped(route, js);
  if (typed) {
    ctx.report(sf, `${label}: ${typed}; skipped`, route.handler, 'already-typed');
    return undefined;
  }
  if (route.framework === 'koa' && (js || !route.inline)) {
    ctx.report(sf, `${label}: Koa handlers are typed through the router call's context type; ${js ? 'JavaScript' : 'a handler passed by name'} is left alone`, route.handler, 'koa-unsupported');
    return undefined;
  }
  const reads = collectReads(route.handler, route.framework);
  if (reads.problems.length) {
    const p = reads.problems[0];
    ctx.report(sf, `${label}: left alone, ${p.message}`, p.pos, p.reason);
    return undefined;
  }
  if (!reads.sources.size) {
    ctx.report(sf, `${label}: reads no body, params or query; nothing to type`, route.handler, 'no-request-reads');
    return undefined;
  }
  const names = route.route.names;
  const entity = names.dtoBase.slice(names.action.length);
  const sources = SOURCE_ORDER.filter((k) => reads.sources.has(k)).map((kind) => ({
    kind,
    info: reads.sources.get(kind)!,
    base: kind === 'params' ? names.paramsType : `${names.dtoBase}${kind === 'body' ? 'Body' : 'Query'}`,
  }));

  // Where the annotation goes.
  const req = route.reqParam;
  const handler = route.handler;
  let anchor: Anchor;
  let style: Plan['style'];
  if (js) {
    style = route.framework === 'fastify' ? 'fastify-request' : 'express-request';
    let target: Node = handler;
    if (Node.isFunctionDeclaration(handler)) target = handler;
    const pos = target.getStart();
    const onOwnLine = /^[ \t]*$/.test(facts.text.slice(facts.text.lastIndexOf('\n', pos - 1) + 1, pos));
    anchor = { kind: 'jsdoc', pos, newline: onOwnLine ? '\n' + lineIndent(facts.text, pos) : ' ' };
  } else if (route.inline && route.framework !== 'express') {
    style = route.framework === 'koa' ? 'koa-call' : 'fastify-call';
    const callee = route.call.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) {
      ctx.report(sf, `${label}: the route call \`${callee.getText()}\` takes no type arguments; left alone`, route.handler, 'unsupported-registration');
      return undefined;
    }
    anchor = { kind: 'type-args', pos: callee.getNameNode().getEnd() };
  } else {
    style = route.framework === 'fastify' ? 'fastify-request' : 'express-request';
    const typeNode = req.getTypeNode();
    const nameNode = req.getNameNode();
    if (typeNode) {
      const expected = route.framework === 'fastify' ? /^FastifyRequest$/ : /^(express\.)?Request$/;
      if (typeNode.getKind() === SyntaxKind.AnyKeyword) anchor = { kind: 'replace-type', start: typeNode.getStart(), end: typeNode.getEnd() };
      else if (Node.isTypeReference(typeNode) && expected.test(typeNode.getTypeName().getText()) && fromFramework(typeNode.getTypeName(), route.framework)) {
        anchor = { kind: 'type-args', pos: typeNode.getTypeName().getEnd() };
      } else {
        ctx.report(sf, `${label}: \`${req.getName()}\` has the custom type \`${typeNode.getText()}\`; left alone`, handler, 'custom-request-type');
        return undefined;
      }
    } else if (Node.isArrowFunction(handler) && !facts.text.slice(handler.getStart(), req.getStart()).includes('(')) {
      anchor = { kind: 'wrap', start: nameNode.getStart(), end: nameNode.getEnd(), name: nameNode.getText() };
    } else {
      anchor = { kind: 'annotate', pos: (req.getQuestionTokenNode() ?? nameNode).getEnd() };
    }
  }

  let handlerTypeArgsPos: number | undefined;
  const holder = handler.getParent();
  if (!js && route.framework === 'express' && holder && (Node.isVariableDeclaration(holder) || Node.isPropertyDeclaration(holder))) {
    const declared = holder.getTypeNode();
    if (declared && Node.isTypeReference(declared) && /^(express\.)?RequestHandler$/.test(declared.getTypeName().getText())) {
      if (declared.getTypeArguments().length) {
        ctx.report(sf, `${label}: the handler's declared type \`${declared.getText()}\` already has type arguments; skipped`, handler, 'already-typed');
        return undefined;
      }
      handlerTypeArgsPos = declared.getTypeName().getEnd();
    }
  }

  let zodSite: Plan['zod'];
  if (zodMode && !js) {
    const body = (handler as any).getBody?.() as Node | undefined;
    const resParam = handler.getParameters()[1];
    const reqName = Node.isIdentifier(req.getNameNode()) ? req.getName() : undefined;
    const resName = resParam && Node.isIdentifier(resParam.getNameNode()) ? resParam.getName() : undefined;
    if (body && Node.isBlock(body) && reqName && (resName || route.framework === 'koa')) {
      const first = body.getStatements()[0];
      const indent = first ? lineIndent(facts.text, first.getStart()) : lineIndent(facts.text, handler.getStart()) + facts.unit;
      zodSite = { pos: body.getStart() + 1, indent, unit: facts.unit, req: reqName, res: resName ?? '' };
    }
  }
  // A named handler's range takes in the declaration holding it (errors on its declared type belong to it).
  const outer = !route.inline && holder && (Node.isVariableDeclaration(holder) || Node.isPropertyDeclaration(holder)) ? holder : handler;
  const [start, end] = [outer.getStart(), outer.getEnd()];
  return {
    id,
    label,
    framework: route.framework,
    js,
    filePath: sf.getFilePath(),
    callFilePath: route.call.getSourceFile().getFilePath(),
    callStart: route.call.getStart(),
    callEnd: route.call.getEnd(),
    handlerStart: start,
    handlerEnd: end,
    sources,
    levels: new Map(),
    planLevel: 0,
    anchor,
    style,
    handlerTypeArgsPos,
    reqName: req.getName(),
    zod: zodSite,
    action: names.action,
    entity,
    names: new Map(),
    summaries: new Map(),
  };
}

function fromFramework(typeName: Node, framework: Framework): boolean {
  const sym = typeName.getSymbol();
  const decls = (sym?.isAlias() ? sym.getAliasedSymbol() : sym)?.getDeclarations() ?? [];
  if (!decls.length) return false;
  return decls.some((d) => {
    const file = d.getSourceFile().getFilePath();
    return framework === 'fastify' ? /fastify/i.test(file) : /express/i.test(file);
  });
}
