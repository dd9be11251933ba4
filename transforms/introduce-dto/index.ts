import fs from 'node:fs';
import path from 'node:path';
import { Node, ts, type Project, type SourceFile } from 'ts-morph';
import { z } from 'zod';
import type { ProjectTransformContext } from '../../src/engine/project-engine.js';
import { defineMeta } from '../../src/types.js';
import { isTestPath } from '../../src/paths.js';
import { importersIndex } from '../../src/engine/file-diagnostics.js';
import type { HandlerFn } from './reads.js';
import type { Built, FileFacts, Plan, RouteSite } from './types.js';
import { SOURCE_ORDER, fileFacts, planFor } from './plan.js';
import { Baseline, blame, dependentFiles, newDiagnostics } from './verify.js';
import { build, write } from './build.js';

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
    'unknown-factory-result': 'the handler is made by a factory whose returned function is not statically known',
    'test-file': "the route is registered or its handler written in a test file: a test's own app, not the app's routes",
    'framework-not-found': 'the framework package cannot be resolved from the handler (not installed?), so its request type would not resolve',
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
  options: z.object({
    validate: z
      .enum(['none', 'zod'])
      .default('none')
      .describe('"zod": also emit zod schemas and answer 400 on invalid input (changes behaviour on bad input; TypeScript only)'),
  }),
  prefilter: (source) => /\.(get|post|put|patch|delete|del|all|head|options)\s*[<(]/.test(source) || /\b(req|request|ctx)\b/.test(source),
});

export type Options = z.infer<NonNullable<typeof meta.options>>;

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
  const resolves = moduleResolver(project);
  // (who imports a module under a test-like folder: the app's own code makes it the app's)
  const importers = importersIndex(project);
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
    const inTests = [callFile, hsf].find((f) => isTestPath(ctx.relative(f.getFilePath()), () => importers(f.getFilePath()).some((by) => !isTestPath(ctx.relative(by)))));
    if (inTests) {
      ctx.report(callFile, `${label}: ${inTests === callFile ? 'registered' : 'written'} in a test file (${ctx.relative(inTests.getFilePath())}): a test's own app, not the app's routes; left alone`, route.call, 'test-file');
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
    if (!plan) continue;
    // The request type comes from the framework's module (`import('express').Request<…>`, `Request` imported from
    // 'express'): when that module cannot be resolved at all (dependencies not installed), the types would not
    // resolve and every handler would fail the type check; say why instead.
    const framework = plan.style === 'express-request' ? 'express' : plan.style === 'fastify-request' ? 'fastify' : undefined;
    if (framework && !resolves(framework, hsf.getFilePath())) {
      ctx.report(hsf, `${label}: left alone, \`${framework}\` cannot be resolved from ${ctx.relative(hsf.getFilePath())} (is it installed? run npm install), so its request type would not resolve`, handler, 'framework-not-found');
      continue;
    }
    plans.push(plan);
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
  const baseline = new Baseline(project, checked);
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

/** Whether a bare module name resolves from a file: a package it can reach, or an ambient module of the program. */
function moduleResolver(project: Project): (name: string, fromFile: string) => boolean {
  const known = new Map<string, boolean>();
  let ambient: Set<string> | undefined;
  return (name, fromFile) => {
    const key = `${path.dirname(fromFile)}\0${name}`;
    let found = known.get(key);
    if (found === undefined) {
      ambient ??= new Set(project.getTypeChecker().compilerObject.getAmbientModules().map((m) => m.getName().replace(/^"|"$/g, '')));
      found = ambient.has(name) || Boolean(ts.resolveModuleName(name, fromFile, project.getCompilerOptions(), project.getModuleResolutionHost()).resolvedModule);
      known.set(key, found);
    }
    return found;
  };
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
