import fs from 'node:fs';
import path from 'node:path';
import { Node, SyntaxKind, ts, type SourceFile } from 'ts-morph';
import { z } from 'zod';
import type { ProjectTransformContext } from '../../src/engine/project-engine.js';
import { defineMeta } from '../../src/types.js';
import { collectReads, type FieldInfo, type SourceKind } from './reads.js';
import { aliasText, interfaceText, summarize, typedefText, zodSchemaText, type FieldLevel, type FieldSummary } from './render.js';
import type { Route } from '../../src/app-model/types.js';
import { fileResource } from '../../src/app-model/names.js';
import type { Framework, HandlerFn } from './reads.js';
import { applyEdits, type Edit } from './edits.js';

export const meta = defineMeta({
  name: 'introduce-dto',
  description: 'types Express, Koa and Fastify handlers with request DTOs (body, params, query) inferred from how each handler reads them',
  engine: 'project',
  reasons: {
    'shared-handler': 'the same handler serves several routes; typed once, at the first',
    'zod-js-unsupported': '--validate zod is for TypeScript handlers; a JavaScript handler is typed with JSDoc only',
    'koa-unsupported': 'a Koa handler passed by name, or in JavaScript, cannot be typed through the router call',
    'unsupported-registration': 'the route call takes no type arguments',
    'custom-request-type': 'the request parameter has a custom type',
    'already-typed': 'the request parameter already has a JSDoc type',
    'dto-introduced': 'a DTO type was introduced for the request (a note)',
    'dto-introduced-with-fallback': 'a DTO type was introduced, with some fields typed by a fallback (a note)',
    'dynamic-key': 'the request is read with a dynamic key',
    'dynamic-path': 'the route path is computed at run time',
    'external-handler': 'the handler is not project source',
    'no-request-reads': 'the handler reads no body, params or query; nothing to type',
    'passed-on': 'the request part is passed whole to a function that does not declare what it reads',
    'passed-through-typed': 'the request part is passed whole to a function whose parameter type is already declared',
    'rest-element': 'the request part is collected with a rest element',
    spread: 'the request part is spread into another object',
    'spread-arguments': 'the route is registered with spread arguments',
    'type-check-failed': 'the typed handler does not compile',
    'unresolved-handler-expression': 'the route handler could not be resolved to a function',
    'zod-not-added': 'no validation added (the handler has no block body or no response parameter)',
  },
  version: '1',
  docs: `
Finds route handlers (Express \`app|router.<verb>(path, ...handlers)\` and \`router.route(path).<verb>()\`, koa-router
\`router.<verb>(path, ctx => ...)\` reading \`ctx.request.body\`, \`ctx.params\`, \`ctx.query\`, Fastify
\`fastify.<verb>(path, (request, reply) => ...)\`), inline or passed by name from another module, in TS and JS. For each
handler it collects every read of body, params and query (property access, optional chaining, destructuring with
defaults and renames, aliases such as \`const body = req.body || {}\`, nested objects, arrays of objects through
\`items[i].x\`, \`for...of\` and array callbacks, values passed to other functions of the project) and infers each
field's type from its uses with the type checker: typed parameters it is passed to, comparisons with literals, string /
number / array methods, arithmetic, \`Array.isArray\`, \`typeof\` guards, casts, default values, and
\`Number()\`/\`parseInt\` (then the raw field is a string). Params and query fields are strings (string arrays when used
as arrays) whatever the conversions that follow. A field is optional when guarded, defaulted or checked for presence.
When nothing tells, a field is \`unknown\`; when the code does not compile with \`unknown\`, it gets an \`any\` fallback
with a comment, and the report counts fallbacks.

TypeScript: interfaces go to \`<resource>.dto.ts\` next to the handler (\`CreateUserBody\`, \`UserParams\`,
\`ListUsersQuery\`, named from verb + path) and handlers are typed through the framework's generics:
\`Request<UserParams, unknown, CreateUserBody, ListUsersQuery>\` (Express; its params and query shapes are object type
aliases, not interfaces, so that they stay assignable to \`ParamsDictionary\` / \`ParsedQs\` and the handler still
compiles after middleware typed with the plain \`Request\`), \`router.post<{}, { request: { body: B };
params: P; query: Q }>\` (koa-router's context extension), \`fastify.post<{ Body: B; Params: P; Querystring: Q }>\`
(and \`FastifyRequest<...>\` for handlers passed by name). JavaScript: \`@typedef\`s at the top of the handler's file
and a JSDoc \`@param\` on each handler.

The types are claims about the input, not guarantees: JSON bodies can hold anything, and Express 4 parses query
strings into \`string | string[] | ParsedQs | ParsedQs[]\`, so \`limit?: string\` says what the handler expects, not
what a client must send. \`--validate zod\` makes them checked: it emits zod schemas (\`CreateUserBody = z.object(...)\`,
types through \`z.infer\`) and validates at the top of each handler, answering 400 with the issues. It is off by
default because it changes behaviour on bad input (requests that used to reach the handler are rejected), and it
refuses to run when the target's package.json does not list zod (add it first). TypeScript only.

Every change is type-checked in memory: a field whose type breaks a use is made required, then falls back to \`any\`;
a handler that still does not compile is left alone (\`type-check-failed\`). Left alone, with the reason: dynamic keys
(\`req.body[key]\`, \`for...in\`), a source passed on whole (\`passed-through-typed\` when the receiver declares its
type, \`passed-on\` otherwise), spreads and rest elements, handlers that cannot be resolved, custom request types,
and handlers that already have DTO types (\`already-typed\`, which makes a second run a no-op). The report has one
line per typed handler: \`POST /users → CreateUserBody (3 fields: 3 typed, 0 fallback)\`.

Routes come from the app model (src/app-model): every route it holds gets exactly one outcome, so the summary counts
all of them: typed, left alone with a reason above, \`no-request-reads\` (reads no body, params or query),
\`shared-handler\` (the same function answers an earlier route and is typed there), or the model's reason when the
handler could not be followed (\`unresolved-handler-expression\`, \`external-handler\`, \`unknown-factory-result\`).
Names come from the model too (\`addresses\` → \`CreateAddressBody\`).`,
  options: z.object({
    validate: z
      .enum(['none', 'zod'])
      .default('none')
      .describe('"zod": also emit zod schemas and answer 400 on invalid input (changes behaviour on bad input; TypeScript only)'),
  }),
  prefilter: (source) => /\.(get|post|put|patch|delete|del|all|head|options)\s*[<(]/.test(source) || /\b(req|request|ctx)\b/.test(source),
});

type Options = z.infer<NonNullable<typeof meta.options>>;

/** A route of the app model with the parts introduce-dto edits. */
interface RouteSite {
  route: Route;
  framework: Framework;
  verb: string;
  fullPath: string;
  call: import('ts-morph').CallExpression;
  handler: HandlerFn;
  /** The handler is written in the call (not passed by name). */
  inline: boolean;
  reqParam: import('ts-morph').ParameterDeclaration;
}

const JS_EXT = /\.(js|jsx|cjs|mjs)$/;
const SOURCE_ORDER: SourceKind[] = ['params', 'query', 'body'];

type Anchor =
  | { kind: 'annotate'; pos: number }
  | { kind: 'wrap'; start: number; end: number; name: string }
  | { kind: 'type-args'; pos: number }
  | { kind: 'replace-type'; start: number; end: number }
  | { kind: 'jsdoc'; pos: number; newline: string };

interface Plan {
  id: number;
  label: string;
  framework: Framework;
  js: boolean;
  filePath: string;
  callFilePath: string;
  callStart: number;
  callEnd: number;
  handlerStart: number;
  handlerEnd: number;
  sources: Array<{ kind: SourceKind; info: FieldInfo; base: string }>;
  levels: Map<SourceKind, Map<string, FieldLevel>>;
  planLevel: 0 | 1 | 2;
  dropReason?: string;
  anchor: Anchor;
  /** What the annotation wraps the DTOs in. */
  style: 'express-request' | 'fastify-request' | 'koa-call' | 'fastify-call';
  /** `const h: RequestHandler = (req, res) => ...`: where the declared handler type takes the same arguments. */
  handlerTypeArgsPos?: number;
  reqName: string;
  zod?: { pos: number; indent: string; unit: string; req: string; res: string };
  action: string;
  entity: string;
  /** Final names in the current iteration. */
  names: Map<SourceKind, string>;
  summaries: Map<SourceKind, FieldSummary[]>;
}

interface FileFacts {
  path: string;
  js: boolean;
  text: string;
  importPos: number;
  importAfter: boolean;
  quote: string;
  semi: string;
  unit: string;
  jsExt: boolean;
  identifiers: Set<string>;
  requestImport?: { ref: string; line?: string };
  fastifyImport?: { ref: string; line?: string };
  typedefPos: number;
  dtoPath: string;
}

export default function introduceDto(ctx: ProjectTransformContext<Options>): void {
  const { project, options } = ctx;
  const zodMode = options.validate === 'zod';
  if (zodMode && !targetHasZod(ctx.cwd)) {
    ctx.refuse('--validate zod needs zod in the target project: add it to package.json dependencies (npm install zod) and run again');
  }
  const files = ctx.files.filter((sf) => !sf.isDeclarationFile() && !/\.dto\.[cm]?[jt]s$/.test(sf.getFilePath()) && !sf.getFilePath().includes('/node_modules/'));
  const selected = new Set(files.map((sf) => sf.getFilePath()));
  const facts = new Map<string, FileFacts>();
  const factsOf = (sf: SourceFile) => {
    let f = facts.get(sf.getFilePath());
    if (!f) facts.set(sf.getFilePath(), (f = fileFacts(sf, project.getCompilerOptions())));
    return f;
  };
  const plans: Plan[] = [];
  // One outcome for every route of the app model: typed (reported after the check), left alone with a reason, or
  // unresolved with the model's reason.
  const seenHandlers = new Map<Node, string>();
  for (const route of ctx.appModel().routes) {
    const callFile = route.call?.getSourceFile();
    const label = `${route.method.toUpperCase()} ${route.path}`;
    if (!callFile || !selected.has(callFile.getFilePath())) continue;
    const handler = route.handler?.node as HandlerFn | undefined;
    if (!handler) {
      const why = route.unresolved ?? { reason: 'unresolved-handler-expression', detail: 'no final handler' };
      ctx.report(callFile, `${label}: handler not resolved (${why.detail}); left alone`, route.call, why.reason);
      continue;
    }
    const hsf = handler.getSourceFile();
    if (hsf.isDeclarationFile() || hsf.getFilePath().includes('/node_modules/') || /\.dto\.[cm]?[jt]s$/.test(hsf.getFilePath())) {
      ctx.report(callFile, `${label}: the handler is not project source; left alone`, route.call, 'external-handler');
      continue;
    }
    const first = seenHandlers.get(handler);
    if (first) {
      ctx.report(hsf, `${label}: same handler as ${first}; typed once, there`, handler, 'shared-handler');
      continue;
    }
    seenHandlers.set(handler, label);
    const reqParam = handler.getParameters()[route.framework === 'express' && handler.getParameters().length === 4 ? 1 : 0];
    if (!reqParam) {
      ctx.report(hsf, `${label}: the handler takes no request parameter; nothing to type`, handler, 'no-request-reads');
      continue;
    }
    const site: RouteSite = { route, framework: route.framework, verb: route.method, fullPath: route.path, call: route.call!, handler, inline: route.handler!.shape === 'inline', reqParam };
    const plan = planFor(ctx, site, factsOf(hsf), zodMode, plans.length);
    if (plan) plans.push(plan);
  }
  if (!plans.length) return;

  // Type-check loop: apply, find new diagnostics, degrade the fields (or handlers) they point at, repeat.
  const originals = new Map<string, string>();
  for (const p of plans) {
    for (const file of [p.filePath, p.callFilePath]) {
      const sf = project.getSourceFile(file);
      if (sf && !originals.has(file)) originals.set(file, sf.getFullText());
    }
  }
  const dtoOriginals = new Map<string, string | undefined>();
  for (const p of plans) {
    if (p.js) continue;
    const dto = facts.get(p.filePath)!.dtoPath;
    if (!dtoOriginals.has(dto)) dtoOriginals.set(dto, project.getSourceFile(dto)?.getFullText());
  }
  const dependents = dependentFiles(project, new Set(originals.keys()));
  const checked = new Set([...originals.keys(), ...dependents]);
  const baseline = diagnosticsOf(project, checked);
  let result: Built | undefined;
  for (let round = 0; round < 12; round++) {
    result = build(plans, facts, originals, dtoOriginals, zodMode);
    write(project, result, originals, dtoOriginals);
    const fresh = newDiagnostics(project, new Set([...checked, ...result.dtoTexts.keys()]), baseline);
    if (!fresh.length) break;
    blame(fresh, plans, result);
  }
  // Whatever still fails after the rounds is dropped as a whole, and the check runs once more.
  const remaining = newDiagnostics(project, new Set([...checked, ...(result?.dtoTexts.keys() ?? [])]), baseline);
  if (remaining.length) {
    for (const p of plans) if (p.planLevel < 2) { p.planLevel = 2; p.dropReason = `does not type-check: ${remaining[0].message}`; }
    result = build(plans, facts, originals, dtoOriginals, zodMode);
    write(project, result, originals, dtoOriginals);
  }

  // One report line per handler.
  for (const p of plans) {
    const sf = project.getSourceFile(p.filePath);
    if (!sf || !result) continue;
    const at = result.maps.get(p.filePath)?.toNew(p.handlerStart) ?? p.handlerStart;
    if (p.planLevel === 2) {
      ctx.report(sf, `${p.label}: left alone, ${p.dropReason ?? 'the typed handler does not compile'}`, at, 'type-check-failed');
      continue;
    }
    let fields = 0;
    let typed = 0;
    let fallback = 0;
    let unknown = 0;
    for (const list of p.summaries.values()) {
      for (const f of list) {
        fields++;
        if (f.fallback) fallback++;
        else if (f.concrete) typed++;
        else unknown++;
      }
    }
    const names = SOURCE_ORDER.filter((k) => p.names.has(k)).map((k) => p.names.get(k)!);
    const unknownNote = unknown ? `, ${unknown} unknown` : '';
    ctx.report(
      sf,
      `${p.label} → ${names.join(', ')} (${fields} field${fields === 1 ? '' : 's'}: ${typed} typed, ${fallback} fallback${unknownNote})`,
      at,
      fallback ? 'dto-introduced-with-fallback' : 'dto-introduced',
    );
    if (zodMode && p.js) ctx.report(sf, `${p.label}: --validate zod is for TypeScript handlers; typed with JSDoc only`, at, 'zod-js-unsupported');
    if (zodMode && !p.js && !p.zod) ctx.report(sf, `${p.label}: no validation added (the handler has no block body or no response parameter)`, at, 'zod-not-added');
  }
}

function targetHasZod(cwd: string): boolean {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        const json = JSON.parse(fs.readFileSync(pkg, 'utf8'));
        return Boolean(json.dependencies?.zod ?? json.devDependencies?.zod ?? json.peerDependencies?.zod);
      } catch {
        return false;
      }
    }
    if (path.dirname(dir) === dir) return false;
  }
}

function lineIndent(text: string, pos: number): string {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

function fileFacts(sf: SourceFile, compilerOptions: ts.CompilerOptions): FileFacts {
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

function planFor(ctx: ProjectTransformContext<Options>, route: RouteSite, facts: FileFacts, zodMode: boolean, id: number): Plan | undefined {
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


// ---------- building texts ----------

interface Built {
  texts: Map<string, string>;
  maps: Map<string, ReturnType<typeof applyEdits>>;
  dtoTexts: Map<string, string>;
  /** dto file → [start, end, plan ids] of each declaration. */
  dtoBlocks: Map<string, Array<{ start: number; end: number; owners: number[] }>>;
  /** Edits with their owners, by file. */
  edits: Map<string, Edit[]>;
}

function relativeSpecifier(fromFile: string, toFile: string, jsExt: boolean): string {
  let rel = path.relative(path.dirname(fromFile), toFile).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = './' + rel;
  return rel.replace(/\.ts$/, jsExt ? '.js' : '');
}

function build(plans: Plan[], facts: Map<string, FileFacts>, originals: Map<string, string>, dtoOriginals: Map<string, string | undefined>, zodMode: boolean): Built {
  const edits = new Map<string, Edit[]>();
  const push = (file: string, e: Edit) => {
    const list = edits.get(file) ?? [];
    list.push(e);
    edits.set(file, list);
  };
  // Declarations per namespace (dto file for TS, the handler file for JS): name → { text, owners }.
  const decls = new Map<string, Map<string, { text: string; owners: number[] }>>();
  const dtoImports = new Map<string, Set<string>>();
  const requestImports = new Map<string, Set<string>>();
  for (const p of plans) {
    p.names.clear();
    p.summaries.clear();
    if (p.planLevel === 2) continue;
    const f = facts.get(p.filePath)!;
    const namespace = p.js ? p.filePath : f.dtoPath;
    const declared = decls.get(namespace) ?? new Map<string, { text: string; owners: number[] }>();
    decls.set(namespace, declared);
    const existing = p.js ? '' : dtoOriginals.get(f.dtoPath) ?? '';
    for (const s of p.sources) {
      const levels = new Map(p.levels.get(s.kind) ?? []);
      if (p.planLevel === 1) for (const name of s.info.children.keys()) levels.set(name, 2);
      const fields = summarize(s.info, s.kind, levels, p.js);
      p.summaries.set(s.kind, fields);
      const asAlias = p.style === 'express-request' && s.kind !== 'body';
      const render = (name: string) =>
        p.js ? typedefText(name, fields) : zodMode ? zodSchemaText(name, fields) : asAlias ? aliasText(name, fields) : interfaceText(name, fields);
      const candidates = [s.base, `${p.action}${s.base}`, ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${s.base}${n}`)];
      for (const name of candidates) {
        const text = render(name);
        const prev = declared.get(name);
        const clashes = (f.identifiers.has(name) && !p.js) || new RegExp(`\\b${name}\\b`).test(existing) || (p.js && f.identifiers.has(name));
        if (clashes) continue;
        if (prev && prev.text !== text) continue;
        if (prev) prev.owners.push(p.id);
        else declared.set(name, { text, owners: [p.id] });
        p.names.set(s.kind, name);
        break;
      }
    }
    if (p.names.size !== p.sources.length) {
      p.planLevel = 2;
      p.dropReason = 'no free name for its DTOs';
      continue;
    }
    const P = p.names.get('params');
    const Q = p.names.get('query');
    const B = p.names.get('body');
    // The type the handler gets.
    let typeText = '';
    if (p.style === 'express-request') {
      const args = !Q && !B ? [P ?? '{}'] : !Q ? [P ?? '{}', 'unknown', B!] : [P ?? '{}', 'unknown', B ?? 'unknown', Q];
      typeText = `<${args.join(', ')}>`;
    } else if (p.style === 'fastify-request' || p.style === 'fastify-call') {
      const members = [B && `Body: ${B}`, P && `Params: ${P}`, Q && `Querystring: ${Q}`].filter(Boolean);
      typeText = `<{ ${members.join('; ')} }>`;
    } else {
      const request = [B && `body: ${B}`, Q && `query: ${Q}`].filter(Boolean);
      const members = [request.length ? `request: { ${request.join('; ')} }` : '', P && `params: ${P}`, Q && `query: ${Q}`].filter(Boolean);
      typeText = `<{}, { ${members.join('; ')} }>`;
    }
    const a = p.anchor;
    if (p.js) {
      const reqType = p.style === 'express-request' ? `import('express').Request${typeText}` : `import('fastify').FastifyRequest${typeText}`;
      const requestName = `${p.action}${p.entity}Request`;
      let rn = requestName;
      for (let n = 2; declared.has(rn) || f.identifiers.has(rn); n++) rn = `${requestName}${n}`;
      declared.set(rn, { text: `/** @typedef {${reqType}} ${rn} */`, owners: [p.id] });
      const reqName = p.reqName;
      if (a.kind === 'jsdoc') push(p.filePath, { start: a.pos, end: a.pos, text: `/** @param {${rn}} ${reqName} */${a.newline}`, owner: p.id });
      continue;
    }
    let ref = '';
    if (p.style === 'express-request' || p.style === 'fastify-request') {
      if (a.kind !== 'type-args') {
        const sf = facts.get(p.filePath)!;
        const r = p.style === 'express-request' ? (sf.requestImport ??= requestRefFromFacts(sf, 'express', 'Request')) : (sf.fastifyImport ??= requestRefFromFacts(sf, 'fastify', 'FastifyRequest'));
        ref = r.ref;
        if (r.line) {
          const set = requestImports.get(p.filePath) ?? new Set<string>();
          set.add(r.line);
          requestImports.set(p.filePath, set);
        }
      }
    }
    if (p.handlerTypeArgsPos !== undefined) push(p.filePath, { start: p.handlerTypeArgsPos, end: p.handlerTypeArgsPos, text: typeText, owner: p.id });
    if (a.kind === 'type-args') push(p.filePath, { start: a.pos, end: a.pos, text: typeText, owner: p.id });
    else if (a.kind === 'annotate') push(p.filePath, { start: a.pos, end: a.pos, text: `: ${ref}${typeText}`, owner: p.id });
    else if (a.kind === 'replace-type') push(p.filePath, { start: a.start, end: a.end, text: `${ref}${typeText}`, owner: p.id });
    else if (a.kind === 'wrap') push(p.filePath, { start: a.start, end: a.end, text: `(${a.name}: ${ref}${typeText})`, owner: p.id });
    const importSet = dtoImports.get(p.filePath) ?? new Set<string>();
    for (const n of p.names.values()) importSet.add(n);
    dtoImports.set(p.filePath, importSet);
    if (zodMode && p.zod) push(p.filePath, { start: p.zod.pos, end: p.zod.pos, text: validationText(p), owner: p.id });
  }

  // Imports (TS) and typedef blocks (JS).
  for (const [file, names] of dtoImports) {
    const f = facts.get(file)!;
    const spec = relativeSpecifier(file, f.dtoPath, f.jsExt);
    const lines = [...(requestImports.get(file) ?? [])];
    lines.push(`import ${zodMode ? '' : 'type '}{ ${[...names].sort().join(', ')} } from ${f.quote}${spec}${f.quote}${f.semi}`);
    const text = f.importAfter ? '\n' + lines.join('\n') : lines.join('\n') + '\n\n';
    push(file, { start: f.importPos, end: f.importPos, text, owner: -1 });
  }
  const dtoTexts = new Map<string, string>();
  const dtoBlocks: Built['dtoBlocks'] = new Map();
  for (const [namespace, declared] of decls) {
    if (!declared.size) continue;
    const f = facts.get(namespace);
    if (f?.js) {
      const blocks = [...declared.values()].map((d) => d.text);
      const lead = f.typedefPos > 0 ? '\n\n' : '';
      const trail = f.typedefPos > 0 ? '' : '\n\n';
      push(namespace, { start: f.typedefPos, end: f.typedefPos, text: lead + blocks.join('\n') + trail, owner: -1 });
      continue;
    }
    const original = dtoOriginals.get(namespace);
    let text = original ?? HEADER(zodMode);
    if (original !== undefined) text = text.replace(/\n*$/, '\n');
    const blocks: Array<{ start: number; end: number; owners: number[] }> = [];
    for (const d of declared.values()) {
      if (text.length && !text.endsWith('\n\n')) text += '\n';
      const start = text.length;
      text += d.text;
      blocks.push({ start, end: text.length, owners: d.owners });
    }
    dtoTexts.set(namespace, text);
    dtoBlocks.set(namespace, blocks);
  }
  const texts = new Map<string, string>();
  const maps = new Map<string, ReturnType<typeof applyEdits>>();
  for (const [file, list] of edits) {
    const original = originals.get(file)!;
    const applied = applyEdits(original, list);
    texts.set(file, applied.text);
    maps.set(file, applied);
  }
  return { texts, maps, dtoTexts, dtoBlocks, edits };
}

const HEADER = (zodMode: boolean) =>
  zodMode
    ? `import { z } from 'zod';\n\n// Request shapes inferred by remodel introduce-dto from how the handlers read them; each handler validates its\n// input against these schemas and answers 400 when it does not match.\n`
    : `// Request shapes inferred by remodel introduce-dto from how the handlers read them. They describe what the handlers\n// expect; nothing checks them at run time (JSON bodies and query strings can hold anything).\n`;

function requestRefFromFacts(f: FileFacts, moduleName: string, exportName: string): { ref: string; line?: string } {
  const pattern = new RegExp(`import\\s+(type\\s+)?\\{([^}]*)\\}\\s*from\\s*['"]${moduleName}['"]`);
  const m = pattern.exec(f.text);
  if (m) {
    for (const part of m[2].split(',')) {
      const [orig, alias] = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/);
      if (orig === exportName) return { ref: alias ?? orig };
    }
  }
  if (moduleName === 'express') {
    const d = /import\s+(?:\*\s+as\s+)?([\w$]+)\s*(?:,\s*\{[^}]*\})?\s*from\s*['"]express['"]/.exec(f.text);
    if (d) return { ref: `${d[1]}.${exportName}` };
  }
  const ref = f.identifiers.has(exportName) ? (moduleName === 'express' ? 'ExpressRequest' : 'FastifyRequestOf') : exportName;
  const spec = ref === exportName ? exportName : `${exportName} as ${ref}`;
  return { ref, line: `import type { ${spec} } from ${f.quote}${moduleName}${f.quote}${f.semi}` };
}

function validationText(p: Plan): string {
  const z = p.zod!;
  const i = z.indent;
  const u = z.unit;
  const out: string[] = [];
  const sourceExpr = (kind: SourceKind) =>
    p.framework === 'koa' ? (kind === 'body' ? `${z.req}.request.body` : `${z.req}.${kind}`) : `${z.req}.${kind}`;
  for (const s of p.sources) {
    const schema = p.names.get(s.kind)!;
    const v = `${s.kind}Check`;
    const what = s.kind === 'body' ? 'request body' : s.kind === 'params' ? 'route parameters' : 'query string';
    const answer = `{ error: 'Invalid ${what}', issues: ${v}.error.issues }`;
    out.push(`${i}const ${v} = ${schema}.safeParse(${sourceExpr(s.kind)});`);
    if (p.framework === 'express') {
      out.push(`${i}if (!${v}.success) {`, `${i}${u}${z.res}.status(400).json(${answer});`, `${i}${u}return;`, `${i}}`);
    } else if (p.framework === 'fastify') {
      out.push(`${i}if (!${v}.success) {`, `${i}${u}return ${z.res}.code(400).send(${answer});`, `${i}}`);
    } else {
      out.push(`${i}if (!${v}.success) {`, `${i}${u}${z.req}.status = 400;`, `${i}${u}${z.req}.body = ${answer};`, `${i}${u}return;`, `${i}}`);
    }
  }
  return '\n' + out.join('\n');
}

function write(project: import('ts-morph').Project, built: Built, originals: Map<string, string>, dtoOriginals: Map<string, string | undefined>): void {
  for (const [file, original] of originals) {
    const sf = project.getSourceFile(file);
    const text = built.texts.get(file) ?? original;
    if (sf && sf.getFullText() !== text) sf.replaceWithText(text);
  }
  for (const [file, original] of dtoOriginals) {
    const text = built.dtoTexts.get(file) ?? original;
    const sf = project.getSourceFile(file);
    if (text === undefined) {
      if (sf) project.removeSourceFile(sf);
    } else if (!sf) project.createSourceFile(file, text, { overwrite: true });
    else if (sf.getFullText() !== text) sf.replaceWithText(text);
  }
}

// ---------- checking ----------

interface Diag {
  file: string;
  start?: number;
  code: number;
  message: string;
}

function dependentFiles(project: import('ts-morph').Project, changed: Set<string>): string[] {
  const stems = new Set([...changed].map((f) => path.basename(f).replace(/\.[cm]?[jt]sx?$/, '')));
  const out: string[] = [];
  for (const sf of project.getSourceFiles()) {
    const file = sf.getFilePath();
    if (changed.has(file) || file.includes('/node_modules/') || sf.isDeclarationFile()) continue;
    const { importedFiles } = ts.preProcessFile(sf.getFullText(), true, true);
    if (importedFiles.some((i) => stems.has(path.basename(i.fileName).replace(/\.[cm]?[jt]sx?$/, '')))) out.push(file);
  }
  return out;
}

function diagnosticsOf(project: import('ts-morph').Project, files: Set<string>): Diag[] {
  const program = project.getProgram().compilerObject;
  const out: Diag[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (!sf) continue;
    for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
      out.push({ file, start: d.start, code: d.code, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') });
    }
  }
  return out;
}

function newDiagnostics(project: import('ts-morph').Project, files: Set<string>, baseline: Diag[]): Diag[] {
  const key = (d: Diag) => `${d.file}\0${d.code}\0${d.message}`;
  const left = new Map<string, number>();
  for (const d of baseline) left.set(key(d), (left.get(key(d)) ?? 0) + 1);
  const out: Diag[] = [];
  for (const d of diagnosticsOf(project, files)) {
    const n = left.get(key(d)) ?? 0;
    if (n > 0) left.set(key(d), n - 1);
    else out.push(d);
  }
  return out;
}

function escalatePlan(p: Plan, message: string): void {
  if (p.planLevel === 0) p.planLevel = 1;
  else {
    p.planLevel = 2;
    p.dropReason = `the typed handler does not compile: ${message.split('\n')[0]}`;
  }
}

function escalateField(p: Plan, kind: SourceKind, name: string, info: FieldInfo): void {
  const levels = p.levels.get(kind) ?? new Map<string, FieldLevel>();
  p.levels.set(kind, levels);
  const level = levels.get(name) ?? 0;
  if (level === 2) return;
  const summary = p.summaries.get(kind)?.find((f) => f.name === name);
  levels.set(name, level === 0 && info.optional && summary && summary.concrete ? 1 : 2);
}

/** Points each new diagnostic at the fields (or handlers) it comes from and degrades them one step. */
function blame(fresh: Diag[], plans: Plan[], built: Built): void {
  const active = plans.filter((p) => p.planLevel < 2);
  const wholePlan = new Map<Plan, string>();
  const fields = new Map<Plan, Map<string, { kind: SourceKind; name: string; info: FieldInfo }>>();
  const blamePlan = (p: Plan, d: Diag) => {
    if (!wholePlan.has(p)) wholePlan.set(p, d.message);
  };
  for (const d of fresh) {
    const blocks = built.dtoBlocks.get(d.file);
    if (blocks) {
      const owners = blocks.filter((b) => d.start === undefined || (d.start >= b.start && d.start <= b.end)).flatMap((b) => b.owners);
      for (const p of active) if (owners.includes(p.id) || !owners.length) blamePlan(p, d);
      continue;
    }
    const map = built.maps.get(d.file);
    const where = d.start === undefined ? undefined : map ? map.toOld(d.start) : { pos: d.start };
    const inFile = active.filter((p) => p.filePath === d.file || p.callFilePath === d.file);
    if (!where) {
      for (const p of inFile.length ? inFile : active) blamePlan(p, d);
      continue;
    }
    if (where.owner !== undefined) {
      for (const p of active) if (p.id === where.owner || (where.owner < 0 && p.filePath === d.file)) blamePlan(p, d);
      continue;
    }
    const pos = where.pos;
    const inHandler = active
      .filter((p) => p.filePath === d.file && pos >= p.handlerStart && pos <= p.handlerEnd)
      .sort((a, b) => a.handlerEnd - a.handlerStart - (b.handlerEnd - b.handlerStart));
    const owner = inHandler[0] ?? active.find((p) => p.callFilePath === d.file && pos >= p.callStart && pos <= p.callEnd);
    if (!owner) {
      // Elsewhere (a caller of a named handler, a dependent file): every handler that file may see.
      for (const p of inFile.length ? inFile : active) blamePlan(p, d);
      continue;
    }
    // The fields whose read holds the error, else those used in the innermost statement around it.
    let best: Array<{ kind: SourceKind; name: string; info: FieldInfo }> = [];
    for (const exact of [true, false]) {
      let bestLen = Infinity;
      for (const s of owner.sources) {
        for (const [name, info] of s.info.children) {
          for (const [ea, eb, sa, sb] of info.uses) {
            const [a, b] = exact ? [ea, eb] : [sa, sb];
            if (pos < a || pos > b) continue;
            const len = b - a;
            if (len < bestLen) {
              bestLen = len;
              best = [{ kind: s.kind, name, info }];
            } else if (len === bestLen && !best.some((x) => x.kind === s.kind && x.name === name)) best.push({ kind: s.kind, name, info });
          }
        }
      }
      if (best.length) break;
    }
    // Several candidates: the ones nothing told about go first.
    const vague = best.filter((b) => owner.summaries.get(b.kind)?.find((f) => f.name === b.name)?.concrete === false);
    if (vague.length && vague.length < best.length) best = vague;
    const open = best.filter((b) => (owner.levels.get(b.kind)?.get(b.name) ?? 0) < 2 && owner.planLevel === 0);
    if (!open.length) {
      blamePlan(owner, d);
      continue;
    }
    const set = fields.get(owner) ?? new Map();
    for (const b of open) set.set(`${b.kind}.${b.name}`, b);
    fields.set(owner, set);
  }
  for (const [p, message] of wholePlan) escalatePlan(p, message);
  for (const [p, set] of fields) {
    if (wholePlan.has(p)) continue;
    for (const b of set.values()) escalateField(p, b.kind, b.name, b.info);
  }
}
