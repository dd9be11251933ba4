/** extract-service: phase 1 (one outcome per app-model route), then plan (plan.ts) and apply (apply.ts). */
import { Node, type SourceFile } from 'ts-morph';
import type { ProjectTransformContext } from '../../src/engine/project-engine.js';
import { type HandlerFn, type RouteSite } from './routes.js';
import { type Options } from './meta.js';
import { type ModulePlan, errorPlan, writeErrorModules } from './plan.js';
import { applyModule } from './apply.js';
import { REPLAY_HELPERS, Unsafe, setAppRequestProperties } from './handler-model.js';
import { analyzeHandler, knownWrapperShape, logicBeforeTailTry } from './analyze.js';
import { isTestPath } from '../../src/paths.js';
import { importersIndex } from '../../src/engine/file-diagnostics.js';

export { meta } from './meta.js';
export default function extractService(ctx: ProjectTransformContext<Options>): void {
  const { options } = ctx;
  const counts = { extracted: 0, skipped: 0, unresolved: 0, shared: 0, middleware: 0 };
  let summaryFile: SourceFile | undefined;
  const plans: ModulePlan[] = [];
  const planOf = new Map<SourceFile, ModulePlan>();
  const selected = new Set(ctx.files.map((f) => f.getFilePath()));
  const seen = new Map<Node, string>();
  const usedMethods = new Map<string, Set<string>>();
  const routes = ctx.appModel().routes;
  // (who imports a module under a test-like folder: the app's own code makes it the app's)
  const importers = importersIndex(ctx.project);
  setAppRequestProperties(ctx.project, ctx.appModel().requestProperties.keys());
  // how each handler function is registered, over all its routes (`get('/d', h)` and `get('/w', answer(h))`)
  const shapesOf = new Map<Node, string[]>();
  for (const route of routes) {
    const n = route.handler?.node as Node | undefined;
    if (n) shapesOf.set(n, [...(shapesOf.get(n) ?? []), route.handler?.wrapper ? knownWrapperShape(route.handler.wrapper) : (route.handler?.shape ?? '')]);
  }
  // One outcome for every route of the app model: extracted, left alone with a reason, the same handler as an
  // earlier route, or the model's own unresolved reason.
  for (const route of routes) {
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
    const inTests = [callFile, file].find((f) => isTestPath(ctx.relative(f.getFilePath()), () => importers(f.getFilePath()).some((by) => !isTestPath(ctx.relative(by)))));
    if (inTests) {
      // (not a route of the app: no part of the handlers' count)
      ctx.report(callFile, `${label}: skipped, ${inTests === callFile ? 'registered' : 'written'} in a test file (${ctx.relative(inTests.getFilePath())}): a test's own app, not the app's routes`, route.call, 'test-file');
      continue;
    }
    const first = seen.get(fn);
    if (first) {
      counts.shared++;
      ctx.report(callFile, `${label}: same handler as ${first}; handled once, there`, route.call, 'shared-handler');
      continue;
    }
    seen.set(fn, label);
    const site: RouteSite = { file, framework: route.framework, verb: route.method, routePath: route.path, call: route.call!, fn, label, names: route.names, route, shapes: shapesOf.get(fn) ?? [] };
    try {
      const e = analyzeWhole(site, options);
      const cls = route.names.serviceClass;
      const used = usedMethods.get(file.getFilePath() + '#' + cls) ?? new Set<string>();
      usedMethods.set(file.getFilePath() + '#' + cls, used);
      // (a guard that hands the request on, `next()`, is named for what it checks, as its author named it:
      // FeedbacksService.verifyCaptcha rather than createFeedback)
      const base = (e.success && /^[\w$]+\(\)$/.test(e.success.template) && passOnName(fn)) || route.names.serviceMethod;
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
      const at = err.at && err.at.getSourceFile() === file ? err.at : fn;
      if (err.reason === 'middleware-kept') {
        // not a handler that answers: no part of the handlers' count
        counts.middleware++;
        ctx.report(file, `${label}: ${err.message}`, at, err.reason);
        continue;
      }
      counts.skipped++;
      ctx.report(file, `${label}: skipped, ${err.message}`, at, err.reason);
    }
  }

  // Middleware of the routes' chains and functions mounted with `use` stay where they are; each gets one outcome, in
  // the file where it is written, so that no function the transform looked at goes unsaid.
  const kept = new Set<Node>(seen.keys());
  const keep = (node: Node | undefined, callFile: SourceFile | undefined, message: string, reason: string) => {
    if (!node || kept.has(node) || !callFile || !selected.has(callFile.getFilePath())) return;
    const file = node.getSourceFile();
    if (!selected.has(file.getFilePath())) return;
    kept.add(node);
    summaryFile ??= file;
    ctx.report(file, message, node, reason);
  };
  for (const route of routes) {
    for (const c of route.chain) {
      if (c.role !== 'middleware' || !c.node) continue;
      keep(c.node, route.call?.getSourceFile(), `middleware \`${c.label}\` of ${route.method.toUpperCase()} ${route.path}: kept as it is (middleware stays; only a route's final handler moves to a service)`, 'middleware-kept');
    }
  }
  for (const m of ctx.appModel().mountedFunctions) {
    const where = m.prefix ? `use('${m.prefix}', …)` : 'use(…)';
    keep(m.node, m.call.getSourceFile(), `\`${where}\` at ${ctx.relative(m.call.getSourceFile().getFilePath())}:${m.registration.line}: kept as it is (a function mounted with use runs for every method and every path below its prefix; only route handlers, registered with get, post, …, move to a service)`, 'mounted-with-use');
  }

  // What the app model looked at and could not turn into routes (a computed method, route({...}) options, a mount it
  // could not follow or one mounted twice): each is an outcome of its own, in the file where it is written.
  for (const u of ctx.appModel().unresolved) {
    const sf = ctx.project.getSourceFile(u.loc.file);
    if (!sf || !selected.has(sf.getFilePath())) continue;
    summaryFile ??= sf;
    const at = sf.compilerNode.getPositionOfLineAndCharacter(u.loc.line - 1, u.loc.column - 1);
    ctx.report(sf, `${u.method ? `${u.method.toUpperCase()} ` : ''}skipped, not followed by the app model: ${u.detail}`, at, u.reason);
  }

  // One mapping from domain error to response for the whole app: every handler must have answered a kind the same way.
  const app = errorPlan(ctx, plans, options);
  // (the kinds the extracted handlers throw: a handler refused while its module was applied throws none)
  const thrown = new Set<string>();
  for (const plan of plans) {
    // Reported before the module's text changes (positions are those of the original file).
    applyModule(ctx, plan, options, app, (done) => {
      for (const e of plan.extractions) {
        const why = done.skipped.get(e);
        if (!why) for (const x of e.errors) thrown.add(x.kind);
        if (why) {
          counts.skipped++;
          ctx.report(plan.file, `${e.site.label}: skipped, ${why.message}`, e.site.fn, why.reason);
        } else {
          counts.extracted++;
          ctx.report(plan.file, `${e.site.label}: extracted to ${done.serviceNames.get(e)}.${e.method}${e.keptBefore ? `; ${e.keptBefore}` : ''}`, e.site.fn, 'extracted');
        }
      }
    });
  }

  writeErrorModules(ctx, app, thrown);
  const total = counts.extracted + counts.skipped + counts.unresolved + counts.shared + counts.middleware;
  if (summaryFile && total) {
    const handlers = counts.extracted + counts.skipped;
    const pct = handlers ? Math.round((counts.extracted / handlers) * 100) : 0;
    ctx.report(
      summaryFile,
      `extract-service: ${counts.extracted} of ${handlers} handlers extracted (${pct}%), ${counts.skipped} skipped; ${total} routes: ${counts.unresolved} with an unresolved handler, ${counts.shared} sharing a handler${counts.middleware ? `, ${counts.middleware} kept as middleware (never answering)` : ''}`,
      undefined,
      'summary',
    );
  }
}


export { REPLAY_HELPERS, type RouteSite };

/** Outcomes of a first attempt that a smaller region cannot change: there is nothing to move, or no types. */
const NOTHING_TO_MOVE = new Set(['middleware-kept', 'already-thin', 'one-response-call', 'no-logic', 'expression-body', 'generator-handler', 'no-type-info', 'returns-value']);

/** Reasons only a second attempt gives (analyze.ts keptValue): about the statements it keeps before the try. */
const KEPT_BEFORE_TRY_REASONS = new Set(['kept-value-assigned', 'narrowed-before-try']);

/**
 * The handler's logic moves as a whole when that is proven to keep behaviour; failing that, a handler ending in a
 * try/catch may still move the try's logic, the statements before it staying in the controller as they are (an
 * authentication lookup, a guard answering 401 or handing an error to next). Those run unchanged and in their place,
 * so what the whole logic could not prove of them (that they cannot throw, say) no longer matters. When the second
 * fails too, the report names the first attempt's reason and adds the second's, except for the second attempt's own
 * refusals (a kept value assigned or narrowed), which lead; when it succeeds, the report says what stayed.
 */
function analyzeWhole(site: RouteSite, options: Parameters<typeof analyzeHandler>[1]): ReturnType<typeof analyzeHandler> {
  try {
    return analyzeHandler(site, options); // options: issue 14 (callbacks.ts)
  } catch (err) {
    if (!(err instanceof Unsafe) || NOTHING_TO_MOVE.has(err.reason)) throw err;
    const before = logicBeforeTailTry(site);
    if (!before.length) throw err;
    let e: ReturnType<typeof analyzeHandler>;
    try {
      e = analyzeHandler({ ...site }, options, true);
    } catch (second) {
      if (!(second instanceof Unsafe)) throw second;
      if (NOTHING_TO_MOVE.has(second.reason)) throw err;
      // (what only the second attempt checks is the last word: the whole logic's reason comes with it)
      if (KEPT_BEFORE_TRY_REASONS.has(second.reason)) throw new Unsafe(second.reason, `${second.message} (the logic could not move as a whole either: ${err.message})`, second.at);
      throw new Unsafe(err.reason, `${err.message} (nor can the try's logic move alone: ${second.message})`, err.at);
    }
    const n = before.length;
    return { ...e, keptBefore: `${n} ${n === 1 ? 'statement' : 'statements'} before its final try kept in the controller (${err.message})` };
  }
}

/**
 * The name its author gave a handler: its own (`function verifyCaptcha`), the variable it is assigned to, or the
 * factory that returns it (`export const verifyCaptcha = () => async (req, res, next) => …`).
 */
function passOnName(fn: Node): string | undefined {
  const own = (f: Node): string | undefined => {
    if ((Node.isFunctionDeclaration(f) || Node.isFunctionExpression(f)) && f.getName()) return f.getName();
    const p = f.getParent();
    if (Node.isVariableDeclaration(p) && Node.isIdentifier(p.getNameNode())) return p.getName();
    return undefined;
  };
  let name = own(fn);
  if (!name) {
    // (returned by a factory: the arrow's expression body, or a `return` of the factory's own body)
    const p = fn.getParent();
    const factory = Node.isArrowFunction(p) ? p : Node.isReturnStatement(p) ? p.getFirstAncestor((a) => Node.isFunctionDeclaration(a) || Node.isFunctionExpression(a) || Node.isArrowFunction(a)) : undefined;
    if (factory) name = own(factory);
  }
  return name && /^[a-z][\w$]*$/.test(name) && !/^(handler|middleware|route|callback|fn)$/i.test(name) ? name : undefined;
}
