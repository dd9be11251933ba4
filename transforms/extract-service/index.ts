import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { Node, SyntaxKind, ts, type SourceFile, type Statement } from 'ts-morph';
import { z } from 'zod';
import type { ProjectTransformContext } from '../../src/engine/project-engine.js';
import { defineMeta } from '../../src/types.js';
import { analyzeHandler, DOMAIN_ERROR_RESPONDER, indentAt, REPLAY_HELPERS, Unsafe, type Extraction } from './analyze.js';
import { errorsModuleText, parseResponderLines, responderLine, responderModuleText } from './errors.js';
import { lowerFirst, mayHaveRoutes, pascal, type HandlerFn, type RouteSite } from './routes.js';

export const meta = defineMeta({
  name: 'extract-service',
  description: 'moves the business logic of fat route handlers (Express, Koa, Fastify) into a service module; handlers keep request reading, one service call and the response',
  engine: 'project',
  reasons: {
    'unresolved-import': 'the logic uses a package that is not installed, so the service module would not type-check',
    'error-first-callback': 'an error-first callback that cannot be turned into a promise with the same behaviour (it may throw, or names are taken)',
    'dynamic-route-options': 'route({...}) whose method, url or handler is not written literally',
    'mounted-twice': 'the router is mounted in more than one place',
    'unmounted-router': 'the router is never mounted on an app',
    'unresolved-mount': 'the router is mounted through an expression the app model cannot follow',
    'unknown-factory-result': 'the handler is made by a factory whose returned function is not statically known',
    'dynamic-method': 'the route method is computed (app[method](...))',
    'shared-handler': 'the same handler function serves an earlier route; it is handled once, there',
    'service-exists': 'a service module of that name exists in a form extract-service cannot add methods to',
    'name-clash': 'the router module already uses a name the extraction needs (the service instance, class or sendDomainError)',
    'already-thin': 'the handler is already thin (at most one call besides the response)',
    'catch-without-variable': 'the final catch clause does not name the error',
    'closure-state': 'the logic uses a variable of an enclosing function',
    'ctx-throw': 'the logic answers with ctx.throw',
    'destructured-parameters': 'the handler destructures its parameters',
    'dynamic-path': 'the route path is computed at run time',
    'dynamic-status': 'the status of a response is computed by the logic',
    'error-body-shape': 'the error response has an unusual form',
    'error-middleware': 'four-parameter error middleware is not a route handler',
    'error-module-exists': 'the error module exists and was not written by extract-service',
    'error-response-headers': 'an error response sets headers or other options besides its status',
    'error-shape-differs': 'the handler answers an error with another body than other handlers',
    'exported-dependency': 'the logic uses a declaration the router module exports',
    'expression-body': 'the handler is a single expression',
    'external-handler': 'the handler is not in the files being transformed',
    extracted: 'the handler logic was extracted to a service method (a note, not a skip)',
    'framework-not-supported': 'Fastify handlers are not extracted into HTTP-free services yet',
    'generator-handler': 'generator handlers are left alone',
    'handler-local-function': 'the logic calls a function declared in the handler',
    'helper-shared-between-services': 'the logic uses a helper that moves to another service',
    'module-side-effect': 'the logic depends on a module-level statement that is not a declaration',
    'next-in-logic': 'the logic calls `next` itself',
    'no-logic': 'the handler only reads the request',
    'no-response-in-logic': 'no response is written by the logic',
    'no-type-info': 'the module is not part of a checked program here (a JavaScript file in a project without allowJs?)',
    'path-without-response': 'a path of the logic returns without answering the request',
    'request-read-aliased': 'a request object read by the logic is also used as a whole, so a field of it may change before the logic reads it',
    'request-in-logic': 'the logic uses the request object beyond plain reads',
    'res-locals': '`res.locals` is used by the logic',
    'res-passed-to-helper': 'the response object is passed to another function',
    'response-in-callback': 'the response (or next) is written inside a callback',
    'response-inside-try': 'a response is written inside a try block of the logic',
    'response-not-in-tail': 'a returned value uses the response',
    'returns-value': 'the handler returns a value that is not a response',
    'router-dependency': 'the logic uses the router module itself',
    'service-name-clash': 'the service module already declares the name differently',
    'session-mutation': 'the logic uses the session',
    'shared-local': 'a local is used both by the logic and by code that stays in the handler',
    'shared-mutable-state': 'module-level state is reassigned by the logic',
    'spread-arguments': 'the route is registered with spread arguments',
    'streaming-response': 'the response is streamed or written piecemeal (write)',
    'success-response-needs-logic-values': 'the success response (status, headers) uses values the logic computes besides its body',
    'success-response-shape': 'the success response is written with another method than json/send/status',
    'success-response-uses-changed-input': 'the success response uses a value the logic changes',
    summary: 'counts of extracted and skipped handlers (a note)',
    'type-errors-in-logic': 'the logic has a type error already',
    'unmapped-error-status': 'no domain error stands for the status of an error response',
    'unresolved-handler-expression': 'the route handler could not be resolved to a function',
    'uses-this': 'the logic uses `this`',
    'varying-success-response': 'the success responses differ in status, headers or form',
  },
  version: '1',
  docs: `
For every Express route handler (\`router.get('/path', ..., handler)\`, inline or a named function of the module) the
statements after the request reads (\`var id = parseId(req.params.id)\`, \`const { name } = req.body\`) move into a
service method that knows nothing of HTTP: validation, database calls, computations. One service per resource
(\`routes/users.js\` or routes under \`/users\` → \`services/users.service.js\`, class \`UsersService\`, or plain
functions with \`--style functions\`), method names from intent (\`GET /users/:id\` → \`getUser\`, \`GET /users\` →
\`listUsers\`, \`POST /users\` → \`createUser\`; names come from the app model). Routes come from the app model
(handlers in other modules, CommonJS exports, class methods, route() chains; only a chain's final handler moves);
every route gets one outcome. A service that exists gets the new methods. An error-first callback that forwards its
error to \`next\` and cannot throw otherwise becomes a promise in the service. Module-level helpers and constants
the logic uses move with it (exported back when the router still needs them); JSDoc \`@typedef\` blocks stay where
they are (they are declarations).

Error answers become typed domain errors: \`return res.status(404).json({ error: 'User ' + id + ' not found' })\`
turns into \`throw new NotFoundError('User ' + id + ' not found')\` (400 ValidationError, 401 UnauthorizedError, 403
ForbiddenError, 404 NotFoundError, 409 ConflictError, 422 UnprocessableError, ...; other body fields travel as
\`details\`). The generated \`services/errors\` module holds \`DomainError\` and only the kinds the handlers use; the
generated \`sendDomainError(res, err)\` (\`error-responses\` beside the routers) answers each kind exactly as the
handlers did (\`{ error }\`, \`{ message }\`, \`sendStatus\`, plain text); a handler that answers a kind differently from
the rest of the app is left alone (\`error-shape-differs\`). The success body is the method's result and the
controller writes the response around it (status, headers, \`Location\`; when \`Location\` needs the returned value
the controller names it: \`const view = await usersService.createUser(input)\`). Other errors keep their path:
rethrown, \`next(err)\` in a promise chain's catch, or the handler's own final \`try/catch\`.

Inputs are typed with the request part's named type when its fields are exactly the method's inputs (introduce-dto's
\`CreateUserBody\`), else with the checker's types (\`*Input\` interfaces / JSDoc typedefs).

Left alone, with the reason in the report: responses written inside other callbacks (\`response-in-callback\`,
\`error-first-callback\`), responses
that are not the last thing done on their path, paths that end without a response (\`path-without-response\`),
statuses computed by the logic (\`dynamic-status\`), success responses that differ between paths or need values of
the logic besides the body, error responses with headers, streaming (\`res.write\`, \`pipe\`, \`sendFile\`), \`res\`
passed to helpers, \`res.locals\` and session use, \`next()\` called by the logic, \`this\`, handler-local functions,
shared mutable module state, Koa and Fastify handlers (\`framework-not-supported\`), and handlers already thin (one
call besides the response, log lines not counted: running it twice changes nothing). Every handler is listed in the
report as \`extracted\` or with its skip reason; a \`summary\` line gives the ratio.`,
  options: z.object({
    serviceDir: z
      .string()
      .default('')
      .describe('folder for the services, relative to the working directory (default: services/ beside the routes folder)'),
    style: z.enum(['class', 'functions']).default('class').describe('a service class instantiated once per router module, or exported functions'),
  }),
  prefilter: (source) => mayHaveRoutes(source),
});

type Options = z.infer<NonNullable<typeof meta.options>>;

interface AppErrors {
  /** Domain errors module (service side) and the module mapping them to responses (controller side). */
  errorsPath: string;
  responderPath: string;
  style: ModuleStyle;
  /** Response statement per kind, as the mapping writes it (existing ones parsed from the module on disk). */
  lines: Map<string, string>;
  existing: boolean;
  used: boolean;
  /** Extractions refused because their error responses differ from the app's mapping. */
  conflicts: Map<Extraction, Unsafe>;
}

const ERRORS_BASE = 'errors';
const RESPONDER_BASE = 'error-responses';

interface ModulePlan {
  file: SourceFile;
  extractions: (Extraction & { method: string })[];
}

export default function extractService(ctx: ProjectTransformContext<Options>): void {
  const { options } = ctx;
  const counts = { extracted: 0, skipped: 0, unresolved: 0, shared: 0 };
  let summaryFile: SourceFile | undefined;
  const plans: ModulePlan[] = [];
  const planOf = new Map<SourceFile, ModulePlan>();
  const selected = new Set(ctx.files.map((f) => f.getFilePath()));
  const seen = new Map<Node, string>();
  const usedMethods = new Map<string, Set<string>>();
  // One outcome for every route of the app model: extracted, left alone with a reason, the same handler as an
  // earlier route, or the model's own unresolved reason.
  for (const route of ctx.appModel().routes) {
    const callFile = route.call?.getSourceFile();
    if (!callFile || !selected.has(callFile.getFilePath())) continue;
    summaryFile ??= callFile;
    const label = `${route.method.toUpperCase()} ${route.path}`;
    const fn = route.handler?.node as HandlerFn | undefined;
    if (!fn || !(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) || Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn))) {
      const why = route.unresolved ?? route.chain.find((c) => c.unresolved)?.unresolved ?? { reason: 'unresolved-handler-expression', detail: 'no final handler' };
      counts.unresolved++;
      ctx.report(callFile, `${label}: skipped, handler not resolved (${why.detail})`, route.call, why.reason);
      continue;
    }
    const file = fn.getSourceFile();
    if (file.isDeclarationFile() || file.isInNodeModules() || !selected.has(file.getFilePath())) {
      counts.unresolved++;
      ctx.report(callFile, `${label}: skipped, the handler is not in the files being transformed (${ctx.relative(file.getFilePath())})`, route.call, 'external-handler');
      continue;
    }
    const first = seen.get(fn);
    if (first) {
      counts.shared++;
      ctx.report(callFile, `${label}: same handler as ${first}; handled once, there`, route.call, 'shared-handler');
      continue;
    }
    seen.set(fn, label);
    const site: RouteSite = { file, framework: route.framework, verb: route.method, routePath: route.path, call: route.call!, fn, label, names: route.names, route };
    try {
      const e = analyzeHandler(site);
      const cls = route.names.serviceClass;
      const used = usedMethods.get(file.getFilePath() + '#' + cls) ?? new Set<string>();
      usedMethods.set(file.getFilePath() + '#' + cls, used);
      const base = route.names.serviceMethod;
      let method = base;
      for (let i = 2; used.has(method); i++) method = `${base}${i}`;
      used.add(method);
      let plan = planOf.get(file);
      if (!plan) {
        plan = { file, extractions: [] };
        planOf.set(file, plan);
        plans.push(plan);
      }
      plan.extractions.push({ ...e, method });
    } catch (err) {
      if (!(err instanceof Unsafe)) throw err;
      counts.skipped++;
      const at = err.at && err.at.getSourceFile() === file ? err.at : fn;
      ctx.report(file, `${label}: skipped, ${err.message}`, at, err.reason);
    }
  }

  // One mapping from domain error to response for the whole app: every handler must have answered a kind the same way.
  const app = errorPlan(ctx, plans, options);
  for (const plan of plans) {
    // Reported before the module's text changes (positions are those of the original file).
    applyModule(ctx, plan, options, app, (done) => {
      for (const e of plan.extractions) {
        const why = done.skipped.get(e);
        if (why) {
          counts.skipped++;
          ctx.report(plan.file, `${e.site.label}: skipped, ${why.message}`, e.site.fn, why.reason);
        } else {
          counts.extracted++;
          ctx.report(plan.file, `${e.site.label}: extracted to ${done.serviceNames.get(e)}.${e.method}`, e.site.fn, 'extracted');
        }
      }
    });
  }

  writeErrorModules(ctx, app);
  const total = counts.extracted + counts.skipped + counts.unresolved + counts.shared;
  if (summaryFile && total) {
    const handlers = counts.extracted + counts.skipped;
    const pct = handlers ? Math.round((counts.extracted / handlers) * 100) : 0;
    ctx.report(
      summaryFile,
      `extract-service: ${counts.extracted} of ${handlers} handlers extracted (${pct}%), ${counts.skipped} skipped; ${total} routes: ${counts.unresolved} with an unresolved handler, ${counts.shared} sharing a handler`,
      undefined,
      'summary',
    );
  }
}

function errorPlan(ctx: ProjectTransformContext<Options>, plans: ModulePlan[], options: Options): AppErrors {
  const firstFile = plans[0]?.file ?? ctx.files[0];
  const style = firstFile ? styleOf(firstFile) : ({ ts: false, esm: false, declKeyword: 'const', unit: '  ', ext: '.js', withExtension: false, quote: "'", semi: ';', strict: false } as ModuleStyle);
  const serviceDir = firstFile ? serviceDirFor(ctx, firstFile, options) : ctx.cwd;
  const ext = style.ts ? '.ts' : style.ext;
  const errorsPath = path.join(serviceDir, `${ERRORS_BASE}${ext}`);
  // beside most of the router modules
  const dirs = new Map<string, number>();
  for (const p of plans) dirs.set(path.dirname(p.file.getFilePath()), (dirs.get(path.dirname(p.file.getFilePath())) ?? 0) + 1);
  const routerish = (d: string) => (/^(routes?|routers?|controllers?|api|handlers?)$/i.test(path.basename(d)) ? 1 : 0);
  const routerDir = [...dirs].sort((a, b) => b[1] - a[1] || routerish(b[0]) - routerish(a[0]))[0]?.[0] ?? ctx.cwd;
  const responderPath = path.join(routerDir, `${RESPONDER_BASE}${ext}`);
  const app: AppErrors = { errorsPath, responderPath, style, lines: new Map(), existing: false, used: false, conflicts: new Map() };
  const onDisk = readText(ctx, responderPath);
  if (onDisk !== undefined) {
    const parsed = parseResponderLines(onDisk);
    app.existing = true;
    if (parsed) app.lines = parsed;
  }
  const existingOk = onDisk === undefined || parseResponderLines(onDisk) !== undefined;
  for (const plan of plans) {
    for (const e of plan.extractions) {
      if (!e.errors.length) continue;
      if (!existingOk) {
        app.conflicts.set(e, new Unsafe('error-module-exists', `${ctx.relative(responderPath)} exists and was not written by extract-service`));
        continue;
      }
      const mine = new Map<string, string>();
      let bad: Unsafe | undefined;
      for (const shape of e.errors) {
        const line = responderLine(shape);
        const have = app.lines.get(shape.kind) ?? mine.get(shape.kind);
        // a kind answered with details somewhere and without elsewhere is the same response (spreading nothing)
        const same = (a: string, b: string) => a === b || a.replace(', ...err.details', '') === b.replace(', ...err.details', '');
        if (have && !same(have, line)) {
          bad = new Unsafe('error-shape-differs', `the handler answers ${shape.kind.replace(/Error$/, '')} with \`${line}\`, other handlers of the app with \`${have}\``, shape.at);
          break;
        }
        mine.set(shape.kind, have && have.length > line.length ? have : line);
      }
      if (bad) app.conflicts.set(e, bad);
      else for (const [k, v] of mine) if (!app.lines.has(k) || app.lines.get(k)!.length < v.length) app.lines.set(k, v);
    }
  }
  return app;
}

function readText(ctx: ProjectTransformContext<Options>, file: string): string | undefined {
  const sf = ctx.project.getSourceFile(file);
  if (sf) return sf.getFullText();
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

function writeErrorModules(ctx: ProjectTransformContext<Options>, app: AppErrors): void {
  if (!app.used) return;
  const nl = '\n';
  const kinds = [...app.lines.keys()];
  const gen = { ...app.style, semi: app.style.semi, strict: app.style.strict };
  const errorsText = errorsModuleText(gen, kinds, nl);
  const responderText = responderModuleText(gen, app.lines, specifier(app.responderPath, app.errorsPath, app.style), nl, DOMAIN_ERROR_RESPONDER);
  for (const [file, text] of [[app.errorsPath, errorsText], [app.responderPath, responderText]] as const) {
    const existing = ctx.project.getSourceFile(file);
    if (existing) {
      if (existing.getFullText() !== text) existing.replaceWithText(text);
    } else ctx.project.createSourceFile(file, text, { overwrite: true });
  }
}

interface ModuleStyle {
  ts: boolean;
  esm: boolean;
  declKeyword: 'var' | 'const';
  unit: string;
  ext: string;
  /** Relative imports written with an extension (`./db.js`). */
  withExtension: boolean;
  quote: string;
  semi: string;
  strict: boolean;
}

function styleOf(file: SourceFile): ModuleStyle {
  const text = file.getFullText();
  const ext = path.extname(file.getFilePath());
  const ts = /\.[cm]?tsx?$/.test(ext);
  const esm = file.getImportDeclarations().length > 0 || file.getExportDeclarations().length > 0 || file.getExportAssignments().length > 0 || /^export\s/m.test(text);
  const varCount = (text.match(/^\s*var\s/gm) ?? []).length;
  const constCount = (text.match(/^\s*(const|let)\s/gm) ?? []).length;
  // leading whitespace of code lines (not the ` * ` of block comments, not continuation commas)
  const indents = [...text.matchAll(/\n([ \t]+)([^\s*,])/g)].map((m) => m[1]);
  const tab = indents.some((i) => i.startsWith('\t'));
  const spaces = indents.filter((i) => !i.startsWith('\t')).map((i) => i.length);
  const unit = tab ? '\t' : ' '.repeat(spaces.length ? Math.min(...spaces) : 2);
  const specs = ts_preProcess(text).filter((s) => s.startsWith('.'));
  const withExtension = specs.length > 0 && specs.every((s) => /\.[cm]?[jt]sx?$/.test(s));
  const quote = (text.match(/(['"])\.{1,2}\//) ?? [])[1] ?? "'";
  // semicolon-free files: no statement line ends with `;` (a `for (;;)` header does not count)
  const semi = /[\w$)\]'"`]\s*;[ \t]*(\/\/.*)?$/m.test(text) ? ';' : '';
  const strict = /^\s*['"]use strict['"]/.test(text);
  return { ts, esm: ts || esm, declKeyword: varCount > 0 && constCount === 0 ? 'var' : 'const', unit: unit || '  ', ext, withExtension, quote, semi, strict };
}

function ts_preProcess(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

function serviceDirFor(ctx: ProjectTransformContext<Options>, file: SourceFile, options: Options): string {
  if (options.serviceDir) return path.resolve(ctx.cwd, options.serviceDir);
  const dir = path.dirname(file.getFilePath());
  return /^(routes?|routers?|controllers?|api|handlers?)$/i.test(path.basename(dir)) ? path.join(path.dirname(dir), 'services') : path.join(dir, 'services');
}

function specifier(fromFile: string, toFile: string, style: ModuleStyle): string {
  let rel = path.relative(path.dirname(fromFile), toFile).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = './' + rel;
  const ext = path.extname(rel);
  const bare = rel.slice(0, -ext.length);
  if (!style.withExtension && !(style.esm && !style.ts)) return bare;
  return bare + (ext === '.ts' || ext === '.tsx' ? '.js' : ext === '.mts' ? '.mjs' : ext === '.cts' ? '.cjs' : ext);
}

/** Re-points a relative module specifier written in `fromFile` so it works from `toDir`. */
function repoint(spec: string, fromFile: string, toDir: string): string {
  if (!spec.startsWith('.')) return spec;
  let rel = path.relative(toDir, path.resolve(path.dirname(fromFile), spec)).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = './' + rel;
  return rel;
}

interface Applied {
  /** Service class (or module binding) each extraction went to. */
  serviceNames: Map<Extraction, string>;
  skipped: Map<Extraction, Unsafe>;
}

/** Module-level statements a set of statements depends on (transitively), within one file. */
function closure(file: SourceFile, seeds: Iterable<Statement>): Set<Statement> {
  const out = new Set<Statement>();
  const queue = [...seeds];
  while (queue.length) {
    const s = queue.pop()!;
    if (out.has(s)) continue;
    out.add(s);
    if (isImportLike(s)) continue;
    s.forEachDescendant((d) => {
      if (!Node.isIdentifier(d)) return;
      const decl = d.getSymbol()?.getDeclarations()[0];
      if (!decl || decl.getSourceFile() !== file) return;
      const top = topOf(decl);
      if (top && top !== s && !out.has(top)) queue.push(top);
    });
  }
  return out;
}

function topOf(n: Node): Statement | undefined {
  let cur: Node = n;
  for (;;) {
    const p = cur.getParent();
    if (!p) return undefined;
    if (Node.isSourceFile(p)) return cur as Statement;
    if (Node.isBlock(p) || Node.isModuleBlock(p)) return undefined;
    if (cur !== n && (Node.isArrowFunction(cur) || Node.isFunctionExpression(cur) || Node.isFunctionDeclaration(cur) || Node.isMethodDeclaration(cur))) return undefined;
    cur = p;
  }
}

function isRequireCall(n: Node | undefined): boolean {
  if (!n) return false;
  if (Node.isPropertyAccessExpression(n)) return isRequireCall(n.getExpression());
  return Node.isCallExpression(n) && n.getExpression().getText() === 'require' && n.getArguments().length === 1 && Node.isStringLiteral(n.getArguments()[0]);
}

function isImportLike(s: Statement): boolean {
  if (Node.isImportDeclaration(s) || Node.isImportEqualsDeclaration(s)) return true;
  return Node.isVariableStatement(s) && s.getDeclarations().every((d) => isRequireCall(d.getInitializer()));
}

/** Names a statement declares at module level. */
function declaredNames(s: Statement): Node[] {
  if (Node.isImportDeclaration(s)) {
    const out: Node[] = [];
    const def = s.getDefaultImport();
    if (def) out.push(def);
    const ns = s.getNamespaceImport();
    if (ns) out.push(ns);
    for (const spec of s.getNamedImports()) out.push(spec.getAliasNode() ?? spec.getNameNode());
    return out;
  }
  if (Node.isVariableStatement(s)) {
    return s.getDeclarations().flatMap((d) => {
      const n = d.getNameNode();
      return Node.isIdentifier(n) ? [n] : n.getDescendantsOfKind(SyntaxKind.Identifier).filter((i) => Node.isBindingElement(i.getParent()) && (i.getParent() as any).getNameNode() === i);
    });
  }
  if (Node.isFunctionDeclaration(s) || Node.isClassDeclaration(s) || Node.isInterfaceDeclaration(s) || Node.isTypeAliasDeclaration(s) || Node.isEnumDeclaration(s) || Node.isImportEqualsDeclaration(s)) {
    const n = s.getNameNode();
    return n ? [n] : [];
  }
  return [];
}

interface ServiceGroup {
  className: string;
  resource: string;
  /** The router module's binding: the instance (class style) or the module namespace (functions style). */
  instanceName: string;
  servicePath: string;
  spec: string;
  /** The router module already binds the service (a later run adding methods). */
  bound: boolean;
  extractions: (Extraction & { method: string })[];
}

/** Does an import/require statement of the router bind `name` from module `spec`? */
function bindsFrom(file: SourceFile, name: string, spec: string): boolean {
  const quoted = new RegExp(`['"]${spec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\.[cm]?[jt]s)?['"]`);
  return file.getStatements().some((s) => isImportLike(s) && quoted.test(s.getText()) && declaredNames(s).some((n) => n.getText() === name));
}

/** `const usersService = new UsersService()` at module level. */
function instanceOf(file: SourceFile, instance: string, className: string): boolean {
  return file.getVariableStatements().some((s) => s.getDeclarations().some((d) => d.getName() === instance && d.getInitializer()?.getText().replace(/\s/g, '') === `new${className}()`));
}

function applyModule(ctx: ProjectTransformContext<Options>, plan: ModulePlan, options: Options, app: AppErrors, decided: (a: Applied) => void): void {
  const { file } = plan;
  const style = styleOf(file);
  const skipped = new Map<Extraction, Unsafe>();
  const serviceNames = new Map<Extraction, string>();
  for (const e of plan.extractions) {
    const conflict = app.conflicts.get(e);
    if (conflict) skipped.set(e, conflict);
  }
  const text = file.getFullText();
  const serviceDir = serviceDirFor(ctx, file, options);
  const serviceExt = style.ts ? '.ts' : style.ext;
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const u = style.unit;
  const q = style.quote;
  const semi = style.semi;
  const kw = style.declKeyword;
  const relRoute = ctx.relative(file.getFilePath());
  const classStyle = options.style === 'class';
  const done = () => decided({ serviceNames, skipped });
  const skip = (list: Extraction[], reason: string, message: string, at?: Node) => {
    for (const e of list) if (!skipped.has(e)) skipped.set(e, new Unsafe(reason, message, at));
  };

  // Names the router module gets must be free (or already bound to the same thing by an earlier run).
  const taken = new Set(file.getDescendantsOfKind(SyntaxKind.Identifier).map((i) => i.getText()));
  const helper = DOMAIN_ERROR_RESPONDER;
  const helperSpec = specifier(file.getFilePath(), app.responderPath, style);
  const helperBound = bindsFrom(file, helper, helperSpec);
  if (taken.has(helper) && !helperBound) {
    skip(plan.extractions, 'name-clash', `the router module already uses the name \`${helper}\``);
    return done();
  }

  // 0. One service per resource (the app model's service class).
  const groups = new Map<string, ServiceGroup>();
  for (const e of plan.extractions) {
    if (skipped.has(e)) continue;
    const className = e.site.names.serviceClass;
    let g = groups.get(className);
    if (!g) {
      const resource = e.site.names.resource;
      const servicePath = path.join(serviceDir, `${resource}.service${serviceExt}`);
      const spec = specifier(file.getFilePath(), servicePath, style);
      const instanceName = lowerFirst(className);
      const bound = classStyle ? bindsFrom(file, className, spec) && instanceOf(file, instanceName, className) : bindsFrom(file, instanceName, spec);
      g = { className, resource, instanceName, servicePath, spec, bound, extractions: [] };
      groups.set(className, g);
    }
    g.extractions.push(e);
  }
  for (const g of groups.values()) {
    if (g.bound) continue;
    for (const name of classStyle ? [g.instanceName, g.className] : [g.instanceName]) {
      if (taken.has(name)) skip(g.extractions, 'name-clash', `the router module already uses the name \`${name}\``);
    }
  }

  // 1. Dependencies: what the moved logic needs from module scope; refuse what cannot move safely.
  const routerLike = new Set<Statement>();
  for (const e of plan.extractions) {
    const routeStmt = e.site.call.getSourceFile() === file ? topOf(e.site.call) : undefined;
    if (routeStmt) routerLike.add(routeStmt);
  }
  const checkDeps = (e: Extraction): Unsafe | undefined => {
    for (const s of closure(file, e.deps)) {
      if (isImportLike(s)) {
        // a package the checker cannot find would be a new error in the service module (verification refuses the run)
        const missing = importTargets(s, file.getFilePath()).find((t) => !path.isAbsolute(t) && !packageFound(t, path.dirname(file.getFilePath())));
        if (missing) return new Unsafe('unresolved-import', `the logic uses \`${missing}\`, which is not installed here`, s);
        continue;
      }
      if (routerLike.has(s)) return new Unsafe('router-dependency', 'the logic uses the router module itself', s);
      if (Node.isExpressionStatement(s) || !declaredNames(s).length) return new Unsafe('module-side-effect', 'the logic depends on a module-level statement that is not a declaration', s);
      if ((Node.isVariableStatement(s) || Node.isFunctionDeclaration(s) || Node.isClassDeclaration(s)) && s.isExported()) {
        return new Unsafe('exported-dependency', 'the logic uses a declaration the router module exports', s);
      }
      for (const n of declaredNames(s)) {
        if (/\b(router|app)\b/.test(s.getText()) && /express\s*\.\s*Router|express\(\)/.test(s.getText())) return new Unsafe('router-dependency', 'the logic uses the router', s);
        // assigned after its declaration: a shared mutable binding (CommonJS would copy it)
        const refs = Node.isIdentifier(n) ? n.findReferencesAsNodes() : [];
        for (const r of refs) {
          const p = r.getParent();
          if (Node.isBinaryExpression(p) && p.getLeft() === r && isAssignmentOperator(p.getOperatorToken().getText())) {
            return new Unsafe('shared-mutable-state', `module-level \`${n.getText()}\` is reassigned`, r);
          }
          if (Node.isPostfixUnaryExpression(p) || (Node.isPrefixUnaryExpression(p) && /^(\+\+|--)/.test(p.getText()))) return new Unsafe('shared-mutable-state', `module-level \`${n.getText()}\` is reassigned`, r);
        }
      }
    }
    return undefined;
  };
  for (const e of plan.extractions) {
    if (skipped.has(e)) continue;
    const bad = checkDeps(e);
    if (bad) skipped.set(e, bad);
  }

  // 1b. A module-level helper moves into one service only; services that exist already keep what they declare.
  const claimedBy = new Map<Statement, ServiceGroup>();
  const existing = new Map<ServiceGroup, SourceFile>();
  for (const g of groups.values()) {
    let sf = ctx.project.getSourceFile(g.servicePath);
    if (!sf && fs.existsSync(g.servicePath)) sf = ctx.project.addSourceFileAtPath(g.servicePath);
    if (!sf) continue;
    existing.set(g, sf);
    const cls = sf.getClass(g.className);
    if (classStyle ? !cls : sf.getClasses().length > 0) {
      skip(g.extractions, 'service-exists', `${ctx.relative(g.servicePath)} exists and has no ${classStyle ? `class ${g.className}` : 'exported functions'} to add methods to`);
      continue;
    }
    if (!sf.getFullText().includes('remodel extract-service')) {
      // hand-written service of the same name: added to only when its form is the one generated here
      if (!style.esm && !/module\.exports\s*=\s*\{[^}]*\}/.test(sf.getFullText())) {
        skip(g.extractions, 'service-exists', `${ctx.relative(g.servicePath)} exists and does not export with module.exports = { ... }`);
        continue;
      }
    }
    const members = new Set(classStyle ? cls!.getMembers().map((m) => (m as any).getName?.() as string) : sf.getFunctions().map((f) => f.getName() ?? ''));
    for (const e of g.extractions) {
      if (!members.has(e.method)) continue;
      const base = e.method;
      let i = 2;
      while (members.has(`${base}${i}`) || g.extractions.some((x) => x !== e && x.method === `${base}${i}`)) i++;
      e.method = `${base}${i}`;
    }
  }
  for (const g of groups.values()) {
    for (const e of g.extractions) {
      if (skipped.has(e)) continue;
      const mine = [...closure(file, e.deps)].filter((s) => !isImportLike(s));
      const clash = mine.find((s) => claimedBy.has(s) && claimedBy.get(s) !== g);
      if (clash) {
        const name = declaredNames(clash)[0]?.getText() ?? 'a helper';
        skipped.set(e, new Unsafe('helper-shared-between-services', `the logic uses \`${name}\`, which moves to ${claimedBy.get(clash)!.className} for another route`, clash));
        continue;
      }
      for (const s of mine) claimedBy.set(s, g);
    }
  }
  const active = plan.extractions.filter((e) => !skipped.has(e));
  if (!active.length) return done();

  const moved = closure(file, active.flatMap((e) => [...e.deps]));
  // (parts of a success response stay in the controller: what they use stays imported there)
  const inRegion = (pos: number) => active.some((e) => pos >= e.start && pos < e.end && !e.keep.some(([a, b]) => pos >= a && pos < b));
  const movedStatements = [...moved].sort((a, b) => a.getStart() - b.getStart());
  const stillUsed = (s: Statement) =>
    declaredNames(s).some((n) =>
      Node.isIdentifier(n) &&
      n.findReferencesAsNodes().some((r) => {
        if (r.getSourceFile() !== file) return false;
        const pos = r.getStart();
        if (inRegion(pos)) return false;
        return !movedStatements.some((m) => !isImportLike(m) && m !== s && pos >= m.getStart() && pos < m.getEnd()) && !(pos >= s.getStart() && pos < s.getEnd());
      }),
    );
  const sharedDecls = movedStatements.filter((s) => !isImportLike(s) && stillUsed(s));
  const removable = movedStatements.filter((s) => !stillUsed(s) || !isImportLike(s));
  const groupOf = (e: Extraction) => [...groups.values()].find((g) => g.extractions.includes(e as any))!;

  // 2. The services: created, or added to.
  const lastGroups = [...groups.values()].filter((g) => g.extractions.some((e) => !skipped.has(e)));
  const serviceEdits: { sf?: SourceFile; g: ServiceGroup; skeleton?: string; edits: { start: number; end: number; text: string }[] }[] = [];
  for (const g of lastGroups) {
    const mine = g.extractions.filter((e) => !skipped.has(e));
    const sf = existing.get(g);
    const svcText = sf?.getFullText() ?? '';
    const svcNames = new Set(sf ? sf.getStatements().flatMap((s) => declaredNames(s).map((n) => n.getText())) : []);
    const gMoved = movedStatements.filter((s) => (isImportLike(s) ? mine.some((e) => closure(file, e.deps).has(s)) : claimedBy.get(s) === g));
    // what the service has already stays; what clashes with it is refused
    const addImports: string[] = [];
    const addBody: Statement[] = [];
    let clash: Unsafe | undefined;
    for (const s of gMoved) {
      const names = declaredNames(s).map((n) => n.getText());
      const have = names.filter((n) => svcNames.has(n));
      if (have.length === 0) {
        if (isImportLike(s)) addImports.push(repointStatement(s, file.getFilePath(), serviceDir));
        else addBody.push(s);
        continue;
      }
      const same = have.length === names.length && (isImportLike(s) ? importTargets(s, file.getFilePath()).every((t) => t === g.servicePath || svcText.includes(repointStatement(s, file.getFilePath(), serviceDir))) : Node.isFunctionDeclaration(s) && svcText.includes(s.getText()));
      if (!same) {
        clash = new Unsafe('service-name-clash', `${ctx.relative(g.servicePath)} already declares \`${have[0]}\` differently`, s);
        break;
      }
    }
    if (clash) {
      skip(mine, clash.reason, clash.message, clash.at);
      continue;
    }
    for (const e of mine) serviceNames.set(e, classStyle ? g.className : g.instanceName);
    const kinds = [...new Set(mine.flatMap((e) => e.errors.map((x) => x.kind)))].filter((k) => !svcNames.has(k)).sort();
    if (mine.some((e) => e.errors.length)) app.used = true;
    if (kinds.length) {
      const errorsSpec = specifier(g.servicePath, app.errorsPath, style);
      addImports.push(style.esm ? `import { ${kinds.join(', ')} } from ${q}${errorsSpec}${q}${semi}` : `${kw} { ${kinds.join(', ')} } = require(${q}${errorsSpec}${q})${semi}`);
    }
    // DTO types (introduce-dto's, or any named type of the request part) are the inputs' type when they match exactly
    const dtoImports = new Map<string, Set<string>>();
    const dtoRef = new Map<Extraction, string>();
    for (const e of mine) {
      const dto = dtoFor(e);
      if (!dto) continue;
      const declFile = dto.decl.getSourceFile().getFilePath();
      const spec = specifier(g.servicePath, declFile, style);
      if (style.ts) {
        if (declFile === file.getFilePath() && !(Node.isInterfaceDeclaration(dto.decl) || Node.isTypeAliasDeclaration(dto.decl) ? dto.decl.isExported() : false)) continue;
        if (!(Node.isInterfaceDeclaration(dto.decl) || Node.isTypeAliasDeclaration(dto.decl))) continue;
        dtoRef.set(e, dto.name);
        if (svcNames.has(dto.name)) continue;
        if (!dtoImports.has(spec)) dtoImports.set(spec, new Set());
        dtoImports.get(spec)!.add(dto.name);
      } else {
        dtoRef.set(e, `import(${q}${spec}${q}).${dto.name}`);
      }
    }
    for (const [spec, names] of dtoImports) addImports.push(`import type { ${[...names].sort().join(', ')} } from ${q}${spec}${q}${semi}`);
    let body = '';
    let previous: Statement | undefined;
    for (const s of addBody) {
      const exportIt = sharedDecls.includes(s) && style.esm;
      // keep statements that were adjacent together, and a blank line where there was one (or a gap)
      const adjacent = previous && !/\n[ \t]*\r?\n/.test(text.slice(previous.getEnd(), s.getStart())) && file.getStatements().indexOf(s) === file.getStatements().indexOf(previous) + 1;
      if (previous) body += adjacent ? nl : nl + nl;
      body += (exportIt ? 'export ' : '') + statementText(s);
      previous = s;
    }
    const inputTypes: string[] = [];
    const methods: string[] = [];
    const memberIndent = classStyle ? u : '';
    for (const e of mine) {
      const typeName = dtoRef.get(e) ?? `${pascal(e.method)}Input`;
      const fields = e.inputs.map((i) => ({ name: i.name, type: i.annotation ?? typeText(i.typeNode, g.servicePath, file) }));
      if (fields.length && !dtoRef.has(e)) {
        if (style.ts) inputTypes.push(`export interface ${typeName} {${nl}${fields.map((f) => `${u}${f.name}: ${f.type};`).join(nl)}${nl}}`);
        else inputTypes.push(`/** @typedef {{ ${fields.map((f) => `${f.name}: ${f.type}`).join(', ')} }} ${typeName} */`);
      }
      const param = fields.length ? (style.ts ? `input: ${typeName}` : 'input') : '';
      const doc: string[] = [`${memberIndent}/**`, `${memberIndent} * ${e.site.label} (${relRoute})`];
      if (!style.ts && fields.length) doc.push(`${memberIndent} * @param {${typeName}} input`);
      doc.push(`${memberIndent} */`);
      const bodyIndent = memberIndent + u;
      const inner: string[] = [];
      if (fields.length) {
        const kind = e.inputs.every((i) => i.declKind === 'var') ? 'var' : e.inputs.some((i) => i.assigned) ? 'let' : 'const';
        inner.push(`${bodyIndent}${kind} { ${e.inputs.map((i) => i.name).join(', ')} } = input${semi}`);
      }
      inner.push(bodyIndent + reindent(e.body, e.indent, bodyIndent, nl, e.multilineTemplate));
      const head = classStyle
        ? `${memberIndent}${e.async ? 'async ' : ''}${e.method}(${param}) {`
        : `${style.esm ? 'export ' : ''}${e.async ? 'async ' : ''}function ${e.method}(${param}) {`;
      methods.push([...doc, head, ...inner, `${memberIndent}}`].join(nl));
    }
    const exportNames = [...(classStyle ? [] : mine.map((e) => e.method)), ...addBody.filter((s) => sharedDecls.includes(s)).flatMap((s) => declaredNames(s).map((n) => n.getText()))];
    const skeleton = sf
      ? undefined
      : [
          ...(!style.esm && style.strict ? [`'use strict'${semi}`, ''] : []),
          `// Business logic of ${relRoute}, moved out of its route handlers by remodel extract-service.`,
          '',
          ...(classStyle ? [`${style.esm ? 'export ' : ''}class ${g.className} {`, '}'] : []),
          ...(!style.esm ? [...(classStyle ? [''] : []), `module.exports = { ${classStyle ? g.className : ''} }${semi}`.replace('{  }', '{}')] : []),
        ].join(nl) + nl;
    const target = sf ?? ctx.project.createSourceFile(g.servicePath, skeleton!, { overwrite: false });
    const t = target.getFullText();
    const edits: { start: number; end: number; text: string }[] = [];
    // imports: after the last import of the service (or its header comment)
    if (addImports.length) {
      const lastImport = [...target.getStatements()].filter(isImportLike).pop();
      const header = /^(?:['"]use strict['"];?\r?\n\r?\n?)?(?:\/\/[^\n]*\n)?/.exec(t)![0].length;
      const at = lastImport ? lineEnd(t, lastImport.getEnd()) : header;
      edits.push({ start: at, end: at, text: addImports.join(nl) + nl });
    }
    const cls = classStyle ? target.getClassOrThrow(g.className) : undefined;
    const exportsStmt = target.getStatements().find((s) => Node.isExpressionStatement(s) && /^module\.exports\s*=\s*\{/.test(s.getText()));
    const chunk = [body, inputTypes.join(nl + nl)].filter(Boolean).join(nl + nl);
    const anchorStmt = cls ?? exportsStmt;
    if (cls) {
      if (chunk) edits.push({ start: cls.getStart(true), end: cls.getStart(true), text: chunk + nl + nl });
      const close = cls.getEnd() - 1;
      const joined = methods.join(nl + nl);
      edits.push({ start: close, end: close, text: cls.getMembers().length ? nl + joined + nl : joined + nl });
    } else if (anchorStmt) {
      const parts = [chunk, methods.join(nl + nl)].filter(Boolean).join(nl + nl);
      edits.push({ start: anchorStmt.getStart(true), end: anchorStmt.getStart(true), text: parts + nl + nl });
    } else {
      const parts = [chunk, methods.join(nl + nl)].filter(Boolean).join(nl + nl);
      edits.push({ start: t.length, end: t.length, text: (t.endsWith(nl + nl) || !t ? '' : nl) + parts + nl });
    }
    if (!style.esm && exportNames.length) {
      const obj = exportsStmt?.getFirstDescendantByKind(SyntaxKind.ObjectLiteralExpression);
      if (!obj) throw new Error(`extract-service: ${g.servicePath} has no module.exports object`);
      const props = obj.getProperties();
      if (props.length) edits.push({ start: props[props.length - 1].getEnd(), end: props[props.length - 1].getEnd(), text: `, ${exportNames.join(', ')}` });
      else edits.push({ start: obj.getStart(), end: obj.getEnd(), text: `{ ${exportNames.join(', ')} }` });
    }
    serviceEdits.push({ sf: target, g, edits });
  }
  const applied = active.filter((e) => !skipped.has(e));
  if (!applied.length) return done();

  // 3. The router module: controller calls, imports of the services, moved declarations removed.
  const edits: { start: number; end: number; text: string }[] = [];
  const needsResponder = applied.some((e) => e.errors.length);
  for (const e of applied) {
    const g = groupOf(e);
    edits.push({ start: e.start, end: e.end, text: controllerText(e, style, g.instanceName, helper, nl) });
    if (e.catchInsert && e.errors.length) {
      const res = e.site.fn.getParameters()[1].getName();
      edits.push({ start: e.catchInsert.at, end: e.catchInsert.at, text: `${nl}${e.catchInsert.indent}if (${helper}(${res}, ${e.catchInsert.variable})) return${semi}` });
    }
  }
  for (const s of removable) {
    if (isImportLike(s) && stillUsed(s)) continue;
    const comments = s.getLeadingCommentRanges();
    const own = ownComments(s);
    // after a JSDoc type declaration that stays (its own line end), else the statement's full start
    const full = own.length < comments.length ? lineEnd(text, comments[comments.length - own.length - 1].getEnd()) : s.getFullStart();
    const lineStart = text.lastIndexOf('\n', s.getStart() - 1) + 1;
    const leading = text.slice(full, lineStart);
    // keep blank lines before the statement, drop its own line(s) and any comment attached to it
    const from = full + (leading.match(/^(\s*\n)?/)?.[0].length ?? 0);
    let end = s.getEnd();
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
    edits.push({ start: Math.min(from, lineStart), end, text: '' });
  }
  const importLines: string[] = [];
  const instanceLines: string[] = [];
  for (const g of lastGroups) {
    if (!g.extractions.some((e) => applied.includes(e))) continue;
    const sharedNames = sharedDecls.filter((s) => claimedBy.get(s) === g).flatMap((s) => declaredNames(s).map((n) => n.getText()));
    if (classStyle) {
      const names = [...(g.bound ? [] : [g.className]), ...sharedNames];
      if (names.length) importLines.push(style.esm ? `import { ${names.join(', ')} } from ${q}${g.spec}${q}${semi}` : `${kw} { ${names.join(', ')} } = require(${q}${g.spec}${q})${semi}`);
      if (!g.bound) instanceLines.push(`${kw} ${g.instanceName} = new ${g.className}()${semi}`);
    } else {
      if (!g.bound) importLines.push(style.esm ? `import * as ${g.instanceName} from ${q}${g.spec}${q}${semi}` : `${kw} ${g.instanceName} = require(${q}${g.spec}${q})${semi}`);
      if (sharedNames.length) importLines.push(style.esm ? `import { ${sharedNames.join(', ')} } from ${q}${g.spec}${q}${semi}` : `${kw} { ${sharedNames.join(', ')} } = require(${q}${g.spec}${q})${semi}`);
    }
  }
  if (needsResponder && !helperBound) {
    importLines.push(style.esm ? `import { ${helper} } from ${q}${helperSpec}${q}${semi}` : `${kw} { ${helper} } = require(${q}${helperSpec}${q})${semi}`);
  }
  const newLines = [...importLines, ...(instanceLines.length ? ['', ...instanceLines] : [])];
  if (newLines.length) {
    const anchor = lastImportLike(file, new Set(removable));
    const existingInstance = classStyle ? file.getVariableStatements().filter((s) => s.getDeclarations().some((d) => /^new\s+\w+Service\(\)$/.test(d.getInitializer()?.getText() ?? ''))).pop() : undefined;
    if (existingInstance && !importLines.length) {
      const at = lineEnd(text, existingInstance.getEnd());
      edits.push({ start: at, end: at, text: instanceLines.join(nl) + nl });
    } else {
      const at = anchor ? lineEnd(text, anchor.getEnd()) : firstCodeLine(file);
      edits.push({ start: at, end: at, text: newLines.join(nl) + nl });
    }
  }

  done();
  tidyRemovals(edits, text);
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const ed of edits) out = out.slice(0, ed.start) + ed.text + out.slice(ed.end);
  file.replaceWithText(out);
  for (const se of serviceEdits) {
    const t = se.sf!.getFullText();
    let o = t;
    for (const ed of [...se.edits].sort((a, b) => b.start - a.start || b.end - a.end)) o = o.slice(0, ed.start) + ed.text + o.slice(ed.end);
    se.sf!.replaceWithText(o);
  }
}

/** Absolute paths of the relative modules an import-like statement loads. */
function importTargets(s: Statement, fromFile: string): string[] {
  const specs: string[] = [];
  if (Node.isImportDeclaration(s)) specs.push(s.getModuleSpecifierValue());
  else s.forEachDescendant((d) => {
    if (Node.isCallExpression(d) && d.getExpression().getText() === 'require' && Node.isStringLiteral(d.getArguments()[0])) specs.push((d.getArguments()[0] as import('ts-morph').StringLiteral).getLiteralValue());
  });
  return specs.map((sp) => {
    if (!sp.startsWith('.')) return sp;
    const abs = path.resolve(path.dirname(fromFile), sp);
    const ext = path.extname(abs);
    return ext ? abs.replace(/\.js$/, path.extname(fromFile) === '.ts' ? '.ts' : '.js') : abs + path.extname(fromFile);
  });
}

function packageFound(spec: string, fromDir: string): boolean {
  if (builtinModules.includes(spec.replace(/^node:/, '').split('/')[0])) return true;
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'node_modules', name)) || fs.existsSync(path.join(dir, 'node_modules', '@types', name.replace(/^@([^/]+)\//, '$1__')))) return true;
    if (path.dirname(dir) === dir) return false;
  }
}

const isAssignmentOperator = (op: string) => op.endsWith('=') && !['==', '===', '!=', '!==', '<=', '>='].includes(op);

/** Joins adjacent removed lines and drops one of two blank lines a removal would leave next to each other. */
function tidyRemovals(edits: { start: number; end: number; text: string }[], text: string): void {
  const removals = edits.filter((e) => e.text === '' && e.end > e.start).sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < removals.length; i++) {
    if (removals[i].end === removals[i + 1].start) {
      removals[i + 1].start = removals[i].start;
      edits.splice(edits.indexOf(removals[i]), 1);
    }
  }
  for (const r of edits) {
    if (r.text !== '' || r.end <= r.start) continue;
    const blankBefore = /\n[ \t]*\r?\n$/.test(text.slice(0, r.start)) || r.start === 0;
    const after = /^[ \t]*\r?\n/.exec(text.slice(r.end));
    if (blankBefore && after && !edits.some((o) => o !== r && o.start === r.end)) r.end += after[0].length;
  }
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i === -1 ? text.length : i + 1;
}

function firstCodeLine(file: SourceFile): number {
  const first = file.getStatements()[0];
  if (first && Node.isExpressionStatement(first) && /^['"]use strict['"]/.test(first.getText())) return lineEnd(file.getFullText(), first.getEnd());
  return 0;
}

/** The last import/require statement that stays (new imports go after it). */
function lastImportLike(file: SourceFile, removed: Set<Statement>): Statement | undefined {
  let last: Statement | undefined;
  for (const s of file.getStatements()) {
    if (isImportLike(s)) last = s;
    else if (!removed.has(s) && last) break;
  }
  return last;
}

function statementText(s: Statement): string {
  const text = s.getSourceFile().getFullText();
  const comments = ownComments(s);
  const start = comments.length ? comments[0].getPos() : s.getStart();
  return text.slice(start, s.getEnd());
}

/** JSDoc declarations (`@typedef`, `@callback`) declare types of their own: they never travel with a statement. */
const isTypeDeclarationComment = (t: string) => /^\/\*\*[\s\S]*@(typedef|callback|template|import)\b/.test(t);

/** The leading comments that belong to a statement: those after the last JSDoc type declaration before it. */
function ownComments(s: Statement) {
  const comments = s.getLeadingCommentRanges();
  let i = comments.length;
  while (i > 0 && !isTypeDeclarationComment(comments[i - 1].getText())) i--;
  return comments.slice(i);
}

function repointStatement(s: Statement, fromFile: string, toDir: string): string {
  let t = s.getText();
  if (Node.isImportDeclaration(s)) {
    const lit = s.getModuleSpecifier();
    const spec = s.getModuleSpecifierValue();
    return t.slice(0, lit.getStart() - s.getStart()) + lit.getText()[0] + repoint(spec, fromFile, toDir) + lit.getText()[0] + t.slice(lit.getEnd() - s.getStart());
  }
  s.forEachDescendant((d) => {
    if (Node.isCallExpression(d) && d.getExpression().getText() === 'require') {
      const arg = d.getArguments()[0];
      if (Node.isStringLiteral(arg)) {
        const off = arg.getStart() - s.getStart();
        t = t.slice(0, off) + arg.getText()[0] + repoint(arg.getLiteralValue(), fromFile, toDir) + arg.getText()[0] + t.slice(off + arg.getWidth());
      }
    }
  });
  return t;
}

/** Body text moved from indentation `from` to `to` (the first line carries no indentation of its own). */
function reindent(body: string, from: string, to: string, nl: string, keep: boolean): string {
  const lines = body.split(/\r?\n/);
  if (keep) return lines.join(nl); // multi-line template literals keep their bytes
  return lines
    .map((line, i) => {
      if (i === 0 || !line.trim()) return i === 0 ? line : '';
      return line.startsWith(from) ? to + line.slice(from.length) : line;
    })
    .join(nl);
}

/** The declared type of an input as text usable in the service file (absolute import() paths made relative). */
function typeText(node: Node, servicePath: string, routeFile: SourceFile): string {
  const type = node.getType();
  let t = type.getText(undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseFullyQualifiedType);
  t = t.replace(/import\("([^"]+)"\)/g, (_m, p: string) => {
    if (!p.startsWith('/')) return `import("${p}")`;
    if (p.includes('/node_modules/')) {
      const pkg = p.split('/node_modules/').pop()!.replace(/^@types\//, '').replace(/\/index$/, '');
      return `import("${pkg}")`;
    }
    let rel = path.relative(path.dirname(servicePath), p).split(path.sep).join('/');
    if (!rel.startsWith('.')) rel = './' + rel;
    return `import("${rel}")`;
  });
  void routeFile;
  return t;
}

/** The handler's new body from the region on: the service call, the success response, domain errors answered. */
function controllerText(e: Extraction & { method: string }, style: ModuleStyle, instance: string, responder: string, nl: string): string {
  const params = e.site.fn.getParameters().map((p) => p.getName());
  const res = params[1];
  const next = params[2];
  const semi = style.semi;
  const u = style.unit;
  const ind = e.indent;
  const arrow = Node.isArrowFunction(e.site.fn);
  const args = e.inputs.length ? `{ ${e.inputs.map((i) => (i.expr === i.name ? i.name : `${i.name}: ${i.expr}`)).join(', ')} }` : '';
  const call = `${instance}.${e.method}(${args})`;
  const used = new Set(e.site.fn.getDescendantsOfKind(SyntaxKind.Identifier).map((i) => i.getText()));
  const errName = ['err', 'error', 'e', 'failure'].find((n) => !used.has(n)) ?? 'domainError';
  const resultName = e.success?.varName ?? (['result', 'value', 'data'].find((n) => !used.has(n)) ?? 'serviceResult');
  // statements writing the success response around `value` (the service's result expression)
  const success = (value: string, declare: boolean): string[] => {
    if (!e.success) return [`${value}${semi}`];
    const t = e.success.template;
    if (e.success.varName) return [declare ? `${style.declKeyword} ${e.success.varName} = ${value}${semi}` : '', `${t}${semi}`].filter(Boolean);
    // the response is touched only once the service has answered (a status or header set before a failure would leak)
    if (/^[\w$]+\.[\w$]+\(\u0000\)$/.test(t) || (!declare && t.includes('\u0000'))) return [`${t.replace('\u0000', value)}${semi}`];
    if (t.includes('\u0000')) return [`${style.declKeyword} ${resultName} = ${value}${semi}`, `${t.replace('\u0000', resultName)}${semi}`];
    return [declare || value !== resultName ? `${value}${semi}` : '', `${t}${semi}`].filter(Boolean);
  };
  const block = (lines: string[], depth: number) => lines.map((l) => ind + u.repeat(depth) + l).join(nl);
  if (e.call === 'then') {
    const okParam = e.success && (e.success.varName || e.success.template.includes('\u0000')) ? resultName : '';
    const okLines = e.success ? success(resultName, false).filter((l) => l !== `${resultName}${semi}`) : [];
    const fnHead = (p: string) => (arrow ? `(${p}) => {` : `function (${p}) {`);
    const out = [call];
    if (okLines.length) out.push(`${u}.then(${fnHead(okParam)}`, ...okLines.map((l) => `${u}${u}${l}`), `${u}})`);
    if (e.errors.length) {
      out.push(`${u}.catch(${fnHead(errName)}`, `${u}${u}if (!${responder}(${res}, ${errName})) ${next}(${errName})${semi}`, `${u}})${semi}`);
    } else {
      out.push(`${u}.catch(${next})${semi}`);
    }
    return out.map((l, i) => (i === 0 ? l : ind + l)).join(nl);
  }
  const value = e.call === 'await' ? `await ${call}` : call;
  const lines = success(value, true);
  if (!e.errors.length || e.catchInsert) return lines.map((l, i) => (i === 0 ? l : ind + l)).join(nl);
  return [
    'try {',
    block(lines, 1),
    `${ind}} catch (${errName}) {`,
    `${ind}${u}if (!${responder}(${res}, ${errName})) throw ${errName}${semi}`,
    `${ind}}`,
  ].join(nl);
}

/** The named type of a request part (`CreateUserBody` for req.body) whose fields are exactly the method's inputs. */
function dtoFor(e: Extraction): { name: string; decl: Node } | undefined {
  const reqParam = e.site.fn.getParameters()[0];
  if (!reqParam || !e.inputs.length) return undefined;
  const reqType = reqParam.getType();
  for (const part of ['body', 'params', 'query']) {
    const prop = reqType.getProperty(part);
    if (!prop) continue;
    const t = prop.getTypeAtLocation(reqParam);
    const sym = t.getAliasSymbol() ?? t.getSymbol();
    const decl = sym?.getDeclarations()[0];
    if (!sym || !decl || decl.getSourceFile().isInNodeModules() || decl.getSourceFile().isDeclarationFile()) continue;
    if (!/^[A-Za-z_$][\w$]*$/.test(sym.getName()) || sym.getName() === '__type' || sym.getName() === '__object') continue;
    const names = t.getProperties().map((p) => p.getName());
    if (names.length !== e.inputs.length || !e.inputs.every((i) => names.includes(i.name))) continue;
    const fits = e.inputs.every((i) => {
      const want = t.getPropertyOrThrow(i.name).getTypeAtLocation(reqParam);
      const have = i.typeNode.getType();
      return have.getText() === want.getText() || have.isAssignableTo(want);
    });
    if (fits) return { name: sym.getName(), decl };
  }
  return undefined;
}

export { indentAt, REPLAY_HELPERS, type RouteSite };
