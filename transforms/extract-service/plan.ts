/** Phase 3: the app's domain-error plan (errors module, response mapping) and writing those modules. */
import fs from 'node:fs';
import path from 'node:path';
import { Node, type SourceFile } from 'ts-morph';
import type { ProjectTransformContext } from '../../src/engine/project-engine.js';
import { GENERATED_MARKER, errorsModuleText } from './errors.js';
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
  /**
   * Router modules with a mapping of their own (Express): their handlers answer some kind differently from the rest
   * of the app, so the module declares its own `sendDomainError` (kind → response statement).
   */
  moduleLines: Map<SourceFile, Map<string, string>>;
  /** Kinds thrown for flashed failures (flash-answer.ts): declared in the errors module, answered by the handlers. */
  flashKinds: Set<string>;
}

export const ERRORS_BASE = 'errors';
export const RESPONDER_BASE = 'error-responses';

export interface ModulePlan {
  file: SourceFile;
  extractions: (Extraction & { method: string })[];
}

export function errorPlan(ctx: ProjectTransformContext<Options>, plans: ModulePlan[], options: Options): AppErrors {
  // One errors module and one mapping serve every router module, so they take the module format most of those have
  // (a CommonJS module cannot require an .mjs file, nor an ES module import names from a CommonJS one alike); the
  // handlers with error responses in a module of another format are left alone.
  // (counted over the modules of all the app's route handlers, extracted or not, so that a second run decides alike)
  const selected = new Set(ctx.files.map((f) => f.getFilePath()));
  const handlerFiles = [...new Set([...plans.map((p) => p.file), ...ctx.appModel().routes.flatMap((r) => (r.handler?.node ? [(r.handler.node as Node).getSourceFile()] : []))])].filter((f) => selected.has(f.getFilePath()));
  // (each file's format read once: styleOf scans the file's text)
  const formatOf = new Map(handlerFiles.map((f) => [f, moduleFormat(f)] as const));
  const formats = new Map<string, number>();
  for (const format of formatOf.values()) formats.set(format, (formats.get(format) ?? 0) + 1);
  const appFormat = [...formats].sort((a, b) => b[1] - a[1])[0]?.[0];
  const firstFile = plans.find((p) => formatOf.get(p.file) === appFormat)?.file ?? handlerFiles.find((f) => formatOf.get(f) === appFormat) ?? plans[0]?.file ?? ctx.files[0];
  const style = firstFile ? styleOf(firstFile) : ({ ts: false, esm: false, declKeyword: 'const', unit: '  ', ext: '.js', withExtension: false, quote: "'", semi: ';', strict: false } as ModuleStyle);
  const serviceDir = firstFile ? serviceDirFor(ctx, firstFile, options) : ctx.cwd;
  const ext = style.ts ? (/^\.[cm]ts$/.test(style.ext) ? style.ext : '.ts') : style.ext;
  const errorsPath = path.join(serviceDir, `${ERRORS_BASE}${ext}`);
  // beside most of the router modules
  const dirs = new Map<string, number>();
  for (const p of plans) dirs.set(path.dirname(p.file.getFilePath()), (dirs.get(path.dirname(p.file.getFilePath())) ?? 0) + 1);
  const routerish = (d: string) => (/^(routes?|routers?|controllers?|api|handlers?)$/i.test(path.basename(d)) ? 1 : 0);
  const routerDir = [...dirs].sort((a, b) => b[1] - a[1] || routerish(b[0]) - routerish(a[0]))[0]?.[0] ?? ctx.cwd;
  const responderPath = path.join(routerDir, `${RESPONDER_BASE}${ext}`);
  const onDisk = readText(ctx, responderPath);
  const framework = (onDisk !== undefined ? responderFramework(onDisk) : undefined) ?? plans.flatMap((p) => p.extractions).find((e) => e.errors.length)?.site.framework ?? 'express';
  const app: AppErrors = { errorsPath, responderPath, style, lines: new Map(), existing: false, used: false, conflicts: new Map(), framework, moduleLines: new Map(), flashKinds: new Set() };
  if (onDisk !== undefined) {
    const parsed = parseResponder(onDisk);
    app.existing = true;
    if (parsed) app.lines = parsed;
  }
  // the errors module too: one the app wrote itself (its own DomainError, other kinds) is never replaced
  const errorsOnDisk = readText(ctx, errorsPath);
  const errorsOk = errorsOnDisk === undefined || errorsOnDisk.includes(GENERATED_MARKER);
  const existingOk = (onDisk === undefined || parseResponder(onDisk) !== undefined) && errorsOk;
  const notOurs = errorsOk ? responderPath : errorsPath;
  // a kind answered with details somewhere and without elsewhere is the same response (spreading nothing)
  const same = (a: string, b: string) => a === b || a.replace(', ...err.details', '') === b.replace(', ...err.details', '');
  const fits = (into: Map<string, string>, lines: Map<string, string>) => [...lines].every(([k, v]) => !into.has(k) || same(into.get(k)!, v));
  const merge = (into: Map<string, string>, lines: Map<string, string>) => {
    for (const [k, v] of lines) if (!into.has(k) || into.get(k)!.length < v.length) into.set(k, v);
  };
  for (const plan of plans) {
    // The module's handlers must answer each kind alike; the module then shares the app's mapping, or has its own
    // when it answers some kind differently from the app (Express: a `sendDomainError` declared in the module).
    const local = localResponder(plan.file);
    const moduleLines = new Map(local ?? []);
    const accepted: Extraction[] = [];
    for (const e of plan.extractions) {
      if (!e.errors.length) continue;
      if (!existingOk) {
        app.conflicts.set(e, new Unsafe('error-module-exists', `${ctx.relative(notOurs)} exists and was not written by extract-service`));
        continue;
      }
      if (formatOf.get(plan.file) !== appFormat) {
        app.conflicts.set(e, new Unsafe('mixed-module-formats', `the app's domain errors are written as ${formatName(appFormat!)}, the format of most of its router modules; this one is ${formatName(formatOf.get(plan.file)!)}, which could not load them`, e.site.fn));
        continue;
      }
      if (e.site.framework !== framework) {
        app.conflicts.set(e, new Unsafe('mixed-frameworks', `the app's error mapping answers through ${framework}; this handler is ${e.site.framework}`));
        continue;
      }
      const mine = new Map<string, string>();
      let bad: Unsafe | undefined;
      for (const shape of e.errors) {
        // (a flashed failure is answered by the handler's own catch: flash-answer.ts)
        if (shape.form === 'flash') {
          app.flashKinds.add(shape.kind);
          continue;
        }
        const line = responderFor(framework, shape);
        const have = moduleLines.get(shape.kind) ?? mine.get(shape.kind);
        if (have && !same(have, line)) {
          bad = new Unsafe('error-shape-differs', `the handler answers ${shape.kind.replace(/Error$/, '')} with \`${line}\`, other handlers of its module with \`${have}\``, shape.at);
          break;
        }
        if (local && !local.has(shape.kind)) {
          bad = new Unsafe('error-shape-differs', `the module's own ${DOMAIN_ERROR_RESPONDER} (written by an earlier run) has no answer for ${shape.kind}`, shape.at);
          break;
        }
        mine.set(shape.kind, have && have.length > line.length ? have : line);
      }
      if (bad) app.conflicts.set(e, bad);
      else {
        merge(moduleLines, mine);
        accepted.push(e);
      }
    }
    if (!accepted.length) continue;
    if (!local && fits(app.lines, moduleLines)) merge(app.lines, moduleLines);
    else if (framework === 'express' && (local || !importsResponder(plan.file))) app.moduleLines.set(plan.file, moduleLines);
    else {
      const kind = [...moduleLines.keys()].find((k) => app.lines.has(k) && !same(app.lines.get(k)!, moduleLines.get(k)!))!;
      for (const e of accepted) {
        const shape = e.errors.find((x) => x.kind === kind) ?? e.errors[0];
        app.conflicts.set(e, new Unsafe('error-shape-differs', `the handler answers ${kind.replace(/Error$/, '')} with \`${moduleLines.get(kind)}\`, other handlers of the app with \`${app.lines.get(kind)}\``, shape.at));
      }
    }
  }
  return app;
}

/** How a module is written, as far as loading another one goes: TypeScript, an ES module or CommonJS, and its extension. */
function moduleFormat(file: SourceFile): string {
  const style = styleOf(file);
  return `${style.ts ? 'ts' : style.esm ? 'esm' : 'cjs'} ${style.ts ? '.ts' : style.ext}`;
}

function formatName(format: string): string {
  const [kind, ext] = format.split(' ');
  return `${kind === 'ts' ? 'TypeScript' : kind === 'esm' ? 'ES modules' : 'CommonJS'} (${ext})`;
}

/** The module's own mapping an earlier run declared (`function sendDomainError` carrying the marker), parsed. */
export function localResponder(file: SourceFile): Map<string, string> | undefined {
  const fn = file.getFunction(DOMAIN_ERROR_RESPONDER);
  return fn ? parseResponder(fn.getJsDocs().map((d) => d.getText()).join('\n') + '\n' + fn.getText()) : undefined;
}

/** Does the module import the app's mapping (an earlier run's controllers call it)? */
function importsResponder(file: SourceFile): boolean {
  return file.getStatements().some((s) => (Node.isImportDeclaration(s) || Node.isVariableStatement(s)) && new RegExp(`\\b${DOMAIN_ERROR_RESPONDER}\\b`).test(s.getText()) && s.getText().includes(RESPONDER_BASE));
}

export function readText(ctx: ProjectTransformContext<Options>, file: string): string | undefined {
  const sf = ctx.project.getSourceFile(file);
  if (sf) return sf.getFullText();
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

export function writeErrorModules(ctx: ProjectTransformContext<Options>, app: AppErrors, thrown: ReadonlySet<string>): void {
  if (!app.used) return;
  const nl = '\n';
  // the kinds the extracted handlers throw, those a module's own mapping answers, and those an earlier run declared
  // or answered (its services throw them); a kind only a handler refused later would have thrown is left out
  const onDisk = [...(readText(ctx, app.errorsPath) ?? '').matchAll(/class (\w+) extends DomainError\b/g)].map((m) => m[1]);
  const answeredOnDisk = new Set([...(readText(ctx, app.responderPath) ?? '').matchAll(/instanceof (\w+)/g)].map((m) => m[1]));
  const lines = new Map([...app.lines].filter(([kind]) => thrown.has(kind) || answeredOnDisk.has(kind)));
  const kinds = [...new Set([...lines.keys(), ...[...app.moduleLines.values()].flatMap((l) => [...l.keys()]), ...[...app.flashKinds].filter((k) => thrown.has(k)), ...onDisk])];
  if (!kinds.length && !lines.size) return;
  const gen = { ...app.style, semi: app.style.semi, strict: app.style.strict };
  const errorsText = errorsModuleText(gen, kinds, nl);
  const responderText = lines.size ? responderModuleFor(app.framework, gen, lines, specifier(app.responderPath, app.errorsPath, app.style), nl, DOMAIN_ERROR_RESPONDER) : undefined;
  for (const [file, text] of [[app.errorsPath, errorsText], [app.responderPath, responderText]] as const) {
    if (text === undefined) continue;
    const existing = ctx.project.getSourceFile(file);
    if (existing) {
      if (existing.getFullText() !== text) existing.replaceWithText(text);
    } else ctx.project.createSourceFile(file, text, { overwrite: true });
  }
}
