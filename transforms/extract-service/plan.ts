/** Phase 3: the app's domain-error plan (errors module, response mapping) and writing those modules. */
import fs from 'node:fs';
import path from 'node:path';
import type { SourceFile } from 'ts-morph';
import type { ProjectTransformContext } from '../../src/engine/project-engine.js';
import { errorsModuleText } from './errors.js';
import { type Options } from './meta.js';
import { type ModuleStyle, styleOf, serviceDirFor, specifier } from './style.js';
import { Unsafe, type Extraction, DOMAIN_ERROR_RESPONDER } from './handler-model.js';
import { parseResponder, responderFor, responderFramework, responderModuleFor } from './frameworks/index.js';
import type { Framework } from '../../src/app-model/types.js';

export interface AppErrors {
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
  /** The framework the mapping answers through (the first with error responses; one per app). */
  framework: Framework;
}

export const ERRORS_BASE = 'errors';
export const RESPONDER_BASE = 'error-responses';

export interface ModulePlan {
  file: SourceFile;
  extractions: (Extraction & { method: string })[];
}

export function errorPlan(ctx: ProjectTransformContext<Options>, plans: ModulePlan[], options: Options): AppErrors {
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
  const onDisk = readText(ctx, responderPath);
  const framework = (onDisk !== undefined ? responderFramework(onDisk) : undefined) ?? plans.flatMap((p) => p.extractions).find((e) => e.errors.length)?.site.framework ?? 'express';
  const app: AppErrors = { errorsPath, responderPath, style, lines: new Map(), existing: false, used: false, conflicts: new Map(), framework };
  if (onDisk !== undefined) {
    const parsed = parseResponder(onDisk);
    app.existing = true;
    if (parsed) app.lines = parsed;
  }
  const existingOk = onDisk === undefined || parseResponder(onDisk) !== undefined;
  for (const plan of plans) {
    for (const e of plan.extractions) {
      if (!e.errors.length) continue;
      if (!existingOk) {
        app.conflicts.set(e, new Unsafe('error-module-exists', `${ctx.relative(responderPath)} exists and was not written by extract-service`));
        continue;
      }
      if (e.site.framework !== framework) {
        app.conflicts.set(e, new Unsafe('mixed-frameworks', `the app's error mapping answers through ${framework}; this handler is ${e.site.framework}`));
        continue;
      }
      const mine = new Map<string, string>();
      let bad: Unsafe | undefined;
      for (const shape of e.errors) {
        const line = responderFor(framework, shape);
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

export function readText(ctx: ProjectTransformContext<Options>, file: string): string | undefined {
  const sf = ctx.project.getSourceFile(file);
  if (sf) return sf.getFullText();
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

export function writeErrorModules(ctx: ProjectTransformContext<Options>, app: AppErrors): void {
  if (!app.used) return;
  const nl = '\n';
  const kinds = [...app.lines.keys()];
  const gen = { ...app.style, semi: app.style.semi, strict: app.style.strict };
  const errorsText = errorsModuleText(gen, kinds, nl);
  const responderText = responderModuleFor(app.framework, gen, app.lines, specifier(app.responderPath, app.errorsPath, app.style), nl, DOMAIN_ERROR_RESPONDER);
  for (const [file, text] of [[app.errorsPath, errorsText], [app.responderPath, responderText]] as const) {
    const existing = ctx.project.getSourceFile(file);
    if (existing) {
      if (existing.getFullText() !== text) existing.replaceWithText(text);
    } else ctx.project.createSourceFile(file, text, { overwrite: true });
  }
}
