/** Phase 4: applying a module's extractions (service file, controller rewrite, moved helpers and imports). */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { Node, SyntaxKind, type Identifier, type SourceFile, type Statement } from 'ts-morph';
import { NODE_TYPES_MISSING, type ProjectTransformContext } from '../../src/engine/project-engine.js';
import { lowerFirst, pascal } from './routes.js';
import { type Options } from './meta.js';
import { type AppErrors, type ModulePlan, localResponder, readText } from './plan.js';
import { styleOf, serviceDirFor, specifier, repoint } from './style.js';
import { typeText, controllerText, dtoFor } from './controller.js';
import { Unsafe, type Extraction, type Input, DOMAIN_ERROR_RESPONDER, isAssignment, isReference, isWriteTarget, isMemberName } from './handler-model.js';
import { localResponderText } from './errors.js';
import { answerParamIndex } from './frameworks/index.js';
import { toPosix } from '../../src/paths.js';
import { loadedWhole, reloadingTest } from './test-reloads.js';

export interface Applied {
  /** Service class (or module binding) each extraction went to. */
  serviceNames: Map<Extraction, string>;
  skipped: Map<Extraction, Unsafe>;
}

/** Module-level statements a set of statements depends on (transitively), within one file. */
export function closure(file: SourceFile, seeds: Iterable<Statement>): Set<Statement> {
  const out = new Set<Statement>();
  const queue = [...seeds];
  while (queue.length) {
    const s = queue.pop()!;
    if (out.has(s)) continue;
    out.add(s);
    if (isImportLike(s)) continue;
    s.forEachDescendant((d) => {
      if (!Node.isIdentifier(d)) return;
      // (every declaration of the name: a function's overload signatures and its implementation go together)
      for (const decl of d.getSymbol()?.getDeclarations() ?? []) {
        if (decl.getSourceFile() !== file) continue;
        const top = topOf(decl);
        if (top && top !== s && !out.has(top)) queue.push(top);
      }
    });
  }
  return out;
}

export function topOf(n: Node): Statement | undefined {
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

export function isRequireCall(n: Node | undefined): boolean {
  if (!n) return false;
  if (Node.isPropertyAccessExpression(n)) return isRequireCall(n.getExpression());
  return Node.isCallExpression(n) && n.getExpression().getText() === 'require' && n.getArguments().length === 1 && Node.isStringLiteral(n.getArguments()[0]);
}

export function isImportLike(s: Statement): boolean {
  if (Node.isImportDeclaration(s) || Node.isImportEqualsDeclaration(s)) return true;
  return Node.isVariableStatement(s) && s.getDeclarations().every((d) => isRequireCall(d.getInitializer()));
}

/** Names a statement declares at module level. */
export function declaredNames(s: Statement): Node[] {
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

export interface ServiceGroup {
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
export function bindsFrom(file: SourceFile, name: string, spec: string): boolean {
  return file.getStatements().some((s) => isImportLike(s) && specPattern(spec).test(s.getText()) && declaredNames(s).some((n) => n.getText() === name));
}

/** The module specifier `spec` quoted, with or without a script extension. */
function specPattern(spec: string): RegExp {
  return new RegExp(`['"]${spec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\.[cm]?[jt]s)?['"]`);
}

/** `const usersService = new UsersService()` at module level. */
export function instanceOf(file: SourceFile, instance: string, className: string): boolean {
  return file.getVariableStatements().some((s) => s.getDeclarations().some((d) => d.getName() === instance && d.getInitializer()?.getText().replace(/\s/g, '') === `new${className}()`));
}

export function applyModule(ctx: ProjectTransformContext<Options>, plan: ModulePlan, options: Options, app: AppErrors, decided: (a: Applied) => void): void {
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
  // (a .cts or .mts router's service keeps its extension, which fixes its module format as the router's)
  const serviceExt = style.ts ? (/^\.[cm]ts$/.test(style.ext) ? style.ext : '.ts') : style.ext;
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const u = style.unit;
  const q = style.quote;
  const semi = style.semi;
  const kw = style.declKeyword;
  const relRoute = packagePath(file.getFilePath()) ?? ctx.relative(file.getFilePath());
  const classStyle = options.style === 'class';
  const done = () => decided({ serviceNames, skipped });
  // The generated modules are written in the router's syntax: each must get the router's module format from Node
  // (a package.json's "type" between them: `api/package.json` {"type":"commonjs"} under an ES-module root; adversarial
  // round 14, F1: the service crashed at start-up, and a check that reads no JavaScript types could not tell)
  const routerFormat = nodeFormat(ctx, file.getFilePath());
  const formatDiffers = (p: string) => nodeFormat(ctx, p) !== routerFormat;
  const formatName = (f: 'module' | 'commonjs') => (f === 'module' ? 'an ES module' : 'CommonJS');
  const formatMessage = (p: string) => `${ctx.relative(p)} would be ${formatName(nodeFormat(ctx, p))} (its package.json's "type"), the router ${formatName(routerFormat)}: written in the router's syntax it would not run`;
  const skip = (list: Extraction[], reason: string, message: string, at?: Node) => {
    for (const e of list) if (!skipped.has(e)) skipped.set(e, new Unsafe(reason, message, at));
  };

  // Names the router module gets must be free (or already bound to the same thing by an earlier run).
  // (member names, `errors.ValidationError`, bind nothing: adversarial round 16, F7, where the second run then
  // extracted what the first refused)
  const taken = new Set(file.getDescendantsOfKind(SyntaxKind.Identifier).filter((i) => !isMemberName(i)).map((i) => i.getText()));
  const helper = DOMAIN_ERROR_RESPONDER;
  const helperSpec = specifier(file.getFilePath(), app.responderPath, style);
  // (a module whose handlers answer some kind differently from the app declares its own mapping: plan.ts)
  const localLines = app.moduleLines.get(file);
  const localDeclared = !!localLines && !!localResponder(file);
  const helperBound = localLines ? localDeclared : bindsFrom(file, helper, helperSpec);
  if (taken.has(helper) && !helperBound) {
    skip(plan.extractions, 'name-clash', `the router module already uses the name \`${helper}\``);
    return done();
  }
  const kindsSpec = specifier(file.getFilePath(), app.errorsPath, style);
  const localKinds = localLines && !localDeclared ? [...localLines.keys()].filter((k) => !bindsFrom(file, k, kindsSpec)) : [];
  // (a handler's catch names the kind of a flashed failure: the name must be free in the module, or that kind)
  for (const e of plan.extractions) {
    const kind = e.errors.find((x) => x.form === 'flash' && taken.has(x.kind) && !bindsFrom(file, x.kind, kindsSpec))?.kind;
    if (kind) skip([e], 'name-clash', `the router module already uses the name \`${kind}\` (the handler's catch tests the domain error of that name)`);
  }
  const takenKind = localKinds.find((k) => taken.has(k));
  if (takenKind) {
    skip(plan.extractions.filter((e) => e.errors.length), 'name-clash', `the router module already uses the name \`${takenKind}\` (its own ${helper} needs the domain error of that name)`);
  }

  // 0. One service per resource (the app model's service class). A route whose logic uses a module-level helper that
  // the logic of a route of a variant of its resource (the same first word: `continueCodeFindIts`, `continueCodeFixIts`)
  // uses too joins that route's service: a helper moves into one service only. Unrelated resources sharing a helper
  // (`/users` and `/orders` paging alike) are refused below (helper-shared-between-services).
  const firstWord = (resource: string) => /^[a-z0-9]+/.exec(resource)?.[0] ?? resource;
  const groups = new Map<string, ServiceGroup>();
  const helpersOf = new Map<Extraction, Set<Statement>>();
  for (const e of plan.extractions) helpersOf.set(e, new Set([...closure(file, e.deps)].filter((st) => !isImportLike(st))));
  for (const e of plan.extractions) {
    if (skipped.has(e)) continue;
    const mine = helpersOf.get(e)!;
    const sharing = mine.size ? [...groups.values()].find((x) => x.className !== e.site.names.serviceClass && firstWord(x.resource) === firstWord(e.site.names.resource) && x.extractions.some((o) => [...helpersOf.get(o)!].some((st) => mine.has(st)))) : undefined;
    if (sharing) {
      let method = e.method;
      for (let i = 2; sharing.extractions.some((o) => o.method === method); i++) method = `${e.method}${i}`;
      e.method = method;
      sharing.extractions.push(e);
      continue;
    }
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
    if (formatDiffers(g.servicePath)) {
      skip(g.extractions, 'module-format-differs', formatMessage(g.servicePath));
      continue;
    }
    const errorsAt = [app.errorsPath, app.responderPath].find(formatDiffers);
    if (errorsAt) skip(g.extractions.filter((e) => e.errors.length), 'module-format-differs', formatMessage(errorsAt));
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
  // assigned after its declaration: a shared mutable binding (the service would have its own copy)
  const reassigned = (s: Statement): Unsafe | undefined => {
    for (const n of declaredNames(s)) {
      const write = Node.isIdentifier(n) ? localReferences(n, file).find((r) => isWriteTarget(r)) : undefined;
      if (write) return new Unsafe('shared-mutable-state', `module-level \`${n.getText()}\` is reassigned`, write);
    }
    return undefined;
  };
  // A module-level `let` that only this logic (and the helpers moving with it) reads and assigns moves whole: the
  // service holds the one binding there is (`let isEventListenerCreated = false`, set once by the handler). Any other
  // use, in the router or in what the controller keeps of the handler, would read a copy.
  const notOwned = (s: Statement, e: Extraction): string | undefined => {
    // (a direct eval may name it from anywhere; tests that load the router module afresh reset its state with it,
    // which a service module, loaded once, would keep; round 19, F9, F6)
    if (file.getDescendantsOfKind(SyntaxKind.CallExpression).some((c) => c.getExpression().getText() === 'eval')) return 'a direct eval in the module may use it';
    const reloader = reloadingTest(file);
    if (reloader) return `${reloader} loads the router module afresh, which starts it over; a service module is loaded once`;
    const movingWith = [...closure(file, e.deps)].filter((t) => t !== s && !isImportLike(t));
    const inside = (pos: number, end: number, [a, b]: [number, number]) => pos >= a && end <= b;
    const owned = declaredNames(s).every((n) =>
      Node.isIdentifier(n) &&
      localReferences(n, file).every((r) => {
        const [pos, end] = [r.getStart(), r.getEnd()];
        if (inside(pos, end, [s.getStart(), s.getEnd()])) return true;
        if (inside(pos, end, [e.start, e.end])) return !e.keep.some((k) => inside(pos, end, k));
        return movingWith.some((t) => inside(pos, end, [t.getStart(), t.getEnd()]));
      }),
    );
    return owned ? undefined : 'used by code that stays in the router module';
  };
  const checkDeps = (e: Extraction): Unsafe | undefined => {
    // (said last: a reason of the logic's own helpers says more)
    let brokenImport: Unsafe | undefined;
    for (const s of closure(file, e.deps)) {
      if (isImportLike(s)) {
        // a package the checker cannot find would be a new error in the service module (verification refuses the run)
        // (a specifier the project's tsconfig maps, `data/types` under baseUrl, names a module of the project: the
        // same specifier names it from the service's folder)
        const mapped = Node.isImportDeclaration(s) && !!s.getModuleSpecifierSourceFile() && !s.getModuleSpecifierSourceFile()!.isInNodeModules() ? s.getModuleSpecifierValue() : undefined;
        const missing = importTargets(s, file.getFilePath()).find((t) => !path.isAbsolute(t) && t !== mapped && !packageFound(t, path.dirname(file.getFilePath())));
        if (missing) return new Unsafe('unresolved-import', `the logic uses \`${missing}\`, which is not installed here`, s);
        // an import the checker already reports an error in would be a new error in the service module: verification
        // would refuse the whole run (`const { models } = require('../../sequelize')` without node_modules)
        const broken = diagnosticIn(file, s.getStart(), s.getEnd());
        if (broken) brokenImport ??= new Unsafe('type-errors-in-logic', `an import the logic uses has a type error already (${broken.slice(0, 80)})`, s);
        // a helper an earlier run moved into another resource's service stays there (the first run refused this
        // route for the same reason: a second run must not import it from that service)
        const own = groups.get(e.site.names.serviceClass)?.servicePath;
        const other = importTargets(s, file.getFilePath())
          .filter((t) => path.isAbsolute(t))
          .flatMap((t) => [t, ...['.js', '.ts', '.cjs', '.mjs'].map((x) => t + x)])
          .find((t) => t !== own && isGeneratedService(ctx, t));
        if (other) {
          const used = declaredNames(s).map((n) => n.getText()).filter((n) => e.depNames.has(n));
          return new Unsafe('helper-shared-between-services', `the logic uses \`${used[0] ?? path.basename(other)}\`, which an earlier run moved to ${ctx.relative(other)} for another route`, s);
        }
        // (`var config = require('../config')` reloaded by another route)
        const mutable = Node.isVariableStatement(s) ? reassigned(s) : undefined;
        if (mutable) return mutable;
        continue;
      }
      if (routerLike.has(s)) return new Unsafe('router-dependency', 'the logic uses the router module itself', s);
      if (Node.isExpressionStatement(s) || !declaredNames(s).length) return new Unsafe('module-side-effect', 'the logic depends on a module-level statement that is not a declaration', s);
      // a helper that moves along: what names the module's location, or what the checker already reports in it,
      // would be wrong or a new error in the service's module (as for the logic itself, analyze.ts)
      const located = moduleLocation(s);
      if (located) return new Unsafe('module-location', `the logic uses a helper that uses \`${located.getText().slice(0, 40)}\`, which means the router module's own folder; from the service's folder it would name another place`, located);
      const existing = diagnosticIn(file, s.getStart(), s.getEnd());
      if (existing) return new Unsafe('type-errors-in-logic', `a helper the logic uses has a type error already (${existing.slice(0, 80)})`, s);
      // (`export { findItem as lookup }`: the export list stays and would name a declaration that moved; round 19, F3)
      const listed = declaredNames(s).find((n) => Node.isIdentifier(n) && localReferences(n, file).some((r) => !!r.getFirstAncestorByKind(SyntaxKind.ExportDeclaration) || !!r.getFirstAncestorByKind(SyntaxKind.ExportAssignment)));
      if (listed) return new Unsafe('exported-dependency', `the logic uses \`${listed.getText()}\`, which the router module exports in an export list or assignment`, s);
      if ((Node.isVariableStatement(s) || Node.isFunctionDeclaration(s) || Node.isClassDeclaration(s) || Node.isInterfaceDeclaration(s) || Node.isTypeAliasDeclaration(s)) && s.isExported()) {
        const why = exportedHelperStays(s, style.esm);
        if (why) return new Unsafe('exported-dependency', `the logic uses a declaration the router module exports, which cannot move: ${why}`, s);
      }
      if (/\b(router|app)\b/.test(s.getText()) && /express\s*\.\s*Router|express\(\)/.test(s.getText())) return new Unsafe('router-dependency', 'the logic uses the router', s);
      const mutable = reassigned(s);
      const why = mutable && notOwned(s, e);
      if (mutable && why) return new Unsafe(mutable.reason, `${mutable.message}, and ${why}: the service would have a copy of its own`, mutable.at);
    }
    return brokenImport;
  };
  for (const e of plan.extractions) {
    if (skipped.has(e)) continue;
    const bad = checkDeps(e);
    if (bad) skipped.set(e, bad);
  }

  // 1b. A module-level helper moves into one service only; services that exist already keep what they declare.
  const claimedBy = new Map<Statement, ServiceGroup>();
  // (a model lookup both services need is written in each: the same model either way)
  const alsoIn = new Map<Statement, Set<ServiceGroup>>();
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
      // (`class UserService {…} export default new UserService()`: the controller would import a name the module
      // does not export; adversarial round 14, F3)
      if (style.esm && classStyle && !(cls!.isExported() && !cls!.isDefaultExport())) {
        skip(g.extractions, 'service-exists', `${ctx.relative(g.servicePath)} exists and does not export class ${g.className} by name`);
        continue;
      }
    }
    // The logic uses the service module itself (`import users from '../services/user.service.js'`): moved into it,
    // its names would mean the module's own declarations, not the import
    const selfImporting = g.extractions.filter((e) => [...closure(file, e.deps)].some((st) => isImportLike(st) && importTargets(st, file.getFilePath()).some((t) => [t, ...['.js', '.ts', '.cjs', '.mjs', '.mts', '.cts'].map((x) => t + x)].includes(g.servicePath))));
    if (selfImporting.length) skip(selfImporting, 'service-exists', `the logic uses ${ctx.relative(g.servicePath)} itself, the module its methods would be added to`);
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
      const clash = mine.find((s) => claimedBy.has(s) && claimedBy.get(s) !== g && !modelLookup(s));
      if (clash) {
        const name = declaredNames(clash)[0]?.getText() ?? 'a helper';
        skipped.set(e, new Unsafe('helper-shared-between-services', `the logic uses \`${name}\`, which moves to ${claimedBy.get(clash)!.className} for another route`, clash));
        continue;
      }
      for (const s of mine) {
        if (claimedBy.has(s) && claimedBy.get(s) !== g) alsoIn.set(s, new Set([...(alsoIn.get(s) ?? []), g]));
        else claimedBy.set(s, g);
      }
    }
  }
  const active = plan.extractions.filter((e) => !skipped.has(e));
  if (!active.length) return done();

  const moved = closure(file, active.flatMap((e) => [...e.deps]));
  // (parts of a success response stay in the controller: what they use stays imported there)
  // (and a helper bound to the request is called from the controller: `security.isDeluxe` stays imported there)
  const boundCallee = (e: Extraction, pos: number) => e.inputs.some((i) => i.bound && Node.isCallExpression(i.bound.result) && pos >= i.bound.result.getStart() && pos < i.bound.result.getExpression().getEnd());
  const inRegion = (pos: number) => active.some((e) => pos >= e.start && pos < e.end && !e.keep.some(([a, b]) => pos >= a && pos < b) && !boundCallee(e, pos));
  const movedStatements = [...moved].sort((a, b) => a.getStart() - b.getStart());
  const stillUsed = (s: Statement) =>
    declaredNames(s).some((n) =>
      Node.isIdentifier(n) &&
      localReferences(n, file).some((r) => {
        if (r.getSourceFile() !== file) return false;
        const pos = r.getStart();
        if (inRegion(pos)) return false;
        return !movedStatements.some((m) => !isImportLike(m) && m !== s && pos >= m.getStart() && pos < m.getEnd()) && !(pos >= s.getStart() && pos < s.getEnd());
      }),
    );
  // (an exported helper moves and the router module exports it again from the service: exportedHelperStays)
  const reexported = movedStatements.filter((s) => !isImportLike(s) && exportsItself(s));
  const sharedDecls = movedStatements.filter((s) => !isImportLike(s) && (stillUsed(s) || reexported.includes(s)));
  const removable = movedStatements.filter((s) => !stillUsed(s) || !isImportLike(s));
  const groupOf = (e: Extraction) => [...groups.values()].find((g) => g.extractions.includes(e as any))!;

  // Load order: the service module, required where the router module's imports end, runs the declarations that moved
  // (`var Post = mongoose.model('Post')`) there. Statements that stay between that point and the last of them ran
  // before them (`require('../models/post')`, which registers the model): the service is required after those instead.
  // A statement there that uses a declaration the router module keeps importing from the service could then not
  // have it at load: refused.
  const text0 = file.getFullText();
  // (only what runs code at load matters: a function declaration is hoisted, `var LIMIT = 5` computes nothing; any
  // statement that may run code, a call, a getter, a tagged template, a decorator, a loop or an if, counts)
  const runsCode = (s: Statement) => !isImportLike(s) && !inertAtLoad(s);
  const movedCode = movedStatements.filter(runsCode);
  const lastMoved = movedCode[movedCode.length - 1];
  let importsAt: number | undefined;
  if (lastMoved) {
    const anchor0 = lastImportLike(file, new Set(removable));
    const at0 = anchor0 ? lineEnd(text0, anchor0.getEnd()) : firstCodeLine(file);
    // (statements that run code at load: a side-effect statement, a require, a declaration calling something)
    const between = file.getStatements().filter((s) => !movedStatements.includes(s) && s.getStart() >= at0 && s.getEnd() <= lastMoved.getStart() && (isImportLike(s) || runsCode(s)));
    if (between.length) {
      const sharedNames = new Set(sharedDecls.flatMap((s) => declaredNames(s).map((n) => n.getText())));
      const user = between.flatMap((s) => s.getDescendantsOfKind(SyntaxKind.Identifier)).find((id) => sharedNames.has(id.getText()) && isReference(id));
      if (user) {
        skip(active, 'module-side-effect', `\`${user.getText()}\` moves to a service required after the module-level statements that must run before it, and \`${user.getParentOrThrow().getText().split('\n')[0].slice(0, 50)}\`, which stays before them, uses it`, user);
        return done();
      }
      // (an ES module's imports all run before its body wherever they stand: a moved statement that runs code at load
      // would run before the statements that stay and run code, whatever they do)
      if (style.esm && between.some((s) => !isImportLike(s))) {
        skip(active, 'module-side-effect', `\`${lastMoved.getText().split('\n')[0].slice(0, 50)}\` would run when the service is imported, before the module-level statements above it that stay and run code at load (an ES module's imports run first)`, lastMoved);
        return done();
      }
      // (a moved statement that runs code, other than a model lookup, above one that stays would now run after it)
      const flipped = movedCode.find((m) => !modelLookup(m) && between.some((k) => k.getStart() > m.getStart()));
      if (flipped) {
        skip(active, 'module-side-effect', `\`${flipped.getText().split('\n')[0].slice(0, 50)}\` would run when the service is required, after the module-level statements below it that stay and run code at load`, flipped);
        return done();
      }
      // (an ES module runs its imports first wherever they stand: they stay with the others)
      if (!style.esm) importsAt = lineEnd(text0, between[between.length - 1].getEnd());
    }
  }

  // 2. The services: created, or added to.
  const lastGroups = [...groups.values()].filter((g) => g.extractions.some((e) => !skipped.has(e)));
  const serviceEdits: { sf?: SourceFile; g: ServiceGroup; skeleton?: string; edits: { start: number; end: number; text: string }[] }[] = [];
  for (const g of lastGroups) {
    const mine = g.extractions.filter((e) => !skipped.has(e));
    const sf = existing.get(g);
    const svcText = sf?.getFullText() ?? '';
    const svcNames = new Set(sf ? sf.getStatements().flatMap((s) => declaredNames(s).map((n) => n.getText())) : []);
    const gMoved = movedStatements.filter((s) => (isImportLike(s) ? mine.some((e) => closure(file, e.deps).has(s)) : claimedBy.get(s) === g || !!alsoIn.get(s)?.has(g)));
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
    const errorsSpec = specifier(g.servicePath, app.errorsPath, style);
    // the kinds the methods throw must be the errors module's classes in the service: not a name the service has, or
    // one the methods bring along, bound to something else (the app's own `ValidationError`; adversarial round 16, F1)
    const thrown = new Set(mine.flatMap((e) => e.errors.map((x) => x.kind)));
    const stem = (f: string) => f.replace(/\.[cm]?[jt]s$/, '');
    const fromErrors = (st: Statement, from: string) => isImportLike(st) && importTargets(st, from).some((t) => stem(t) === stem(app.errorsPath));
    const boundElse = [...(sf?.getStatements() ?? []).filter((st) => !fromErrors(st, g.servicePath)), ...gMoved.filter((st) => !fromErrors(st, file.getFilePath()))].find((st) => declaredNames(st).some((n) => thrown.has(n.getText())));
    if (!clash && boundElse) {
      const name = declaredNames(boundElse).map((n) => n.getText()).find((n) => thrown.has(n))!;
      clash = new Unsafe('service-name-clash', `${ctx.relative(g.servicePath)} would bind \`${name}\` to \`${boundElse.getText().split('\n')[0].slice(0, 60)}\`, not to the domain error the service throws`, boundElse);
    }
    if (clash) {
      skip(mine, clash.reason, clash.message, clash.at);
      continue;
    }
    for (const e of mine) serviceNames.set(e, classStyle ? g.className : g.instanceName);
    const kinds = [...thrown].filter((k) => !svcNames.has(k)).sort();
    if (mine.some((e) => e.errors.length)) app.used = true;
    // (names join the service's import of the errors module when it has one: another router's methods brought it)
    const errorsImport = sf?.getStatements().find((st) => isImportLike(st) && specPattern(errorsSpec).test(st.getText()) && /\{[^}]*\}/.test(st.getText()));
    if (kinds.length && !errorsImport) {
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
      const exportIt = sharedDecls.includes(s) && style.esm && !exportsItself(s);
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
      // An annotated variable the logic assigns (`let coupon: string | undefined | null = …`) was narrowed to its
      // initializer's type at its declaration: the input has that type, and the service declares the variable with
      // its annotation from it, so the same narrowing applies (and the same assignments type-check).
      const narrowed = new Map(e.inputs.filter((i) => style.ts && i.annotation && i.assigned && i.initializer).map((i) => [i, typeText(i.initializer!, g.servicePath, file, style)] as const));
      const fields = e.inputs.map((i) => ({
        name: i.name,
        type:
          narrowed.get(i) ??
          i.annotation ??
          (i.resultOf
            ? resultOfText(i.resultOf, specifier(g.servicePath, i.resultOf.module, style), q)
            : i.bound
            ? `(${i.bound.params.map((p) => `${p.name}: ${p.type ?? typeText(p.node, g.servicePath, file, style)}`).join(', ')}) => ${i.bound.query ? `ReturnType<typeof import(${q}${specifier(g.servicePath, i.bound.query.module, style)}${q}).${i.bound.query.member}>` : typeText(i.bound.result, g.servicePath, file, style)}`
            : typeText(i.typeNode, g.servicePath, file, style)),
      }));
      if (fields.length && !dtoRef.has(e)) {
        if (style.ts) inputTypes.push(`export interface ${typeName} {${nl}${fields.map((f) => `${u}${f.name}: ${f.type};`).join(nl)}${nl}}`);
        else inputTypes.push(`/** @typedef {{ ${fields.map((f) => `${f.name}: ${f.type}`).join(', ')} }} ${typeName} */`);
      }
      // The parameter's name: `input`, unless the logic declares or uses that name (`const input = pick(req.body)`, a
      // module's `input` helper), which it would clash with or hide (adversarial round 14, F2)
      let inputName = 'input';
      for (let k = 2; mentionsName(e.body, inputName) || e.depNames.has(inputName) || e.inputs.some((i) => i.name === inputName); k++) inputName = `input${k}`;
      const param = fields.length ? (style.ts ? `${inputName}: ${typeName}` : inputName) : '';
      const doc: string[] = [`${memberIndent}/**`, `${memberIndent} * ${e.site.label} (${relRoute})`];
      if (!style.ts && fields.length) doc.push(`${memberIndent} * @param {${typeName}} ${inputName}`);
      doc.push(`${memberIndent} */`);
      const bodyIndent = memberIndent + u;
      const inner: string[] = [];
      if (fields.length) {
        const plain = e.inputs.filter((i) => !narrowed.has(i));
        // (`const` even in an all-`var` file unless every input was a `var`: the checker keeps a `const`'s narrowing
        // inside the callbacks of the logic, `if (!id) throw …; db.remove(id, cb)` in a promise executor, not a `var`'s)
        const kind = plain.every((i) => i.declKind === 'var') ? 'var' : plain.some((i) => i.assigned) ? 'let' : 'const';
        if (plain.length) inner.push(`${bodyIndent}${kind} { ${plain.map((i) => i.name).join(', ')} } = ${inputName}${semi}`);
        for (const i of narrowed.keys()) inner.push(`${bodyIndent}${i.declKind === 'const' ? 'let' : i.declKind} ${i.name}: ${i.annotation} = ${inputName}.${i.name}${semi}`);
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
    if (kinds.length && errorsImport) {
      const close = errorsImport.getStart() + errorsImport.getText().indexOf('}');
      const before = t.slice(errorsImport.getStart(), close).replace(/\s+$/, '');
      const at = errorsImport.getStart() + before.length;
      edits.push({ start: at, end: at, text: `, ${kinds.join(', ')}` });
    }
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
  // (a handler whose only failures are flashed answers them in its own catch: flash-answer.ts)
  const needsResponder = applied.some((e) => e.errors.some((x) => x.form !== 'flash'));
  for (const e of applied) {
    const g = groupOf(e);
    edits.push({ start: e.start, end: e.end, text: controllerText(e, style, g.instanceName, helper, nl) });
    if (e.catchInsert && e.errors.length) {
      const res = e.site.fn.getParameters()[answerParamIndex(e.site.framework)].getName();
      // (flashed failures are answered around the service call: flash-answer.ts flashWrap)
      if (e.errors.some((x) => x.form !== 'flash')) edits.push({ start: e.catchInsert.at, end: e.catchInsert.at, text: `${nl}${e.catchInsert.indent}if (${helper}(${res}, ${e.catchInsert.variable})) return${e.answerReturns ? ` ${res}` : ''}${semi}` });
    }
  }
  for (const s of removable) {
    if (isImportLike(s) && stillUsed(s)) continue;
    const comments = s.getLeadingCommentRanges();
    let first = comments.length - ownComments(s).length;
    // an import's comments end where a blank line separates them from it (a file's license header above the first
    // import is not the import's own: it stays)
    if (isImportLike(s)) {
      for (let k = comments.length, next = s.getStart(); k > first; next = comments[--k].getPos()) {
        if (/\n[ \t]*\r?\n/.test(text.slice(comments[k - 1].getEnd(), next))) {
          first = k;
          break;
        }
      }
    }
    // after a JSDoc type declaration (or a header) that stays (its own line end), else the statement's full start
    const full = first > 0 ? lineEnd(text, comments[first - 1].getEnd()) : s.getFullStart();
    const lineStart = text.lastIndexOf('\n', s.getStart() - 1) + 1;
    const leading = text.slice(full, lineStart);
    // keep blank lines before the statement, drop its own line(s) and any comment attached to it; the rest of the
    // line before (`var db = require('../db'); // the store`) is the statement before's
    const firstBreak = leading.indexOf('\n');
    const from = firstBreak >= 0 && /\S/.test(leading.slice(0, firstBreak)) ? full + firstBreak + 1 : full + (leading.match(/^(\s*\n)?/)?.[0].length ?? 0);
    // (and its own comment at the end of its line goes with it)
    let end = Math.max(s.getEnd(), ...s.getTrailingCommentRanges().filter((c) => !text.slice(s.getEnd(), c.getPos()).includes('\n')).map((c) => c.getEnd()));
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    // (a statement that shares its line with one before it that stays goes alone: `router.use(auth); var LIMIT = 5;`)
    if (/\S/.test(text.slice(lineStart, s.getStart()))) {
      let start = s.getStart();
      if (/^\r?\n/.test(text.slice(end))) while (text[start - 1] === ' ' || text[start - 1] === '\t') start--;
      edits.push({ start, end, text: '' });
      continue;
    }
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
    edits.push({ start: Math.min(from, lineStart), end, text: '' });
  }
  const importLines: string[] = [];
  const instanceLines: string[] = [];
  for (const g of lastGroups) {
    if (!g.extractions.some((e) => applied.includes(e))) continue;
    // (types exported again come with `export type … from`, not through this import; overloads are one name)
    const sharedNames = [...new Set(sharedDecls.filter((s) => claimedBy.get(s) === g && !(typeOnly(s) && reexported.includes(s) && !stillUsed(s))).flatMap((s) => declaredNames(s).map((n) => n.getText())))];
    if (classStyle) {
      const names = [...(g.bound ? [] : [g.className]), ...sharedNames];
      if (names.length) importLines.push(style.esm ? `import { ${names.join(', ')} } from ${q}${g.spec}${q}${semi}` : `${kw} { ${names.join(', ')} } = require(${q}${g.spec}${q})${semi}`);
      if (!g.bound) instanceLines.push(`${kw} ${g.instanceName} = new ${g.className}()${semi}`);
    } else {
      if (!g.bound) importLines.push(style.esm ? `import * as ${g.instanceName} from ${q}${g.spec}${q}${semi}` : `${kw} ${g.instanceName} = require(${q}${g.spec}${q})${semi}`);
      if (sharedNames.length) importLines.push(style.esm ? `import { ${sharedNames.join(', ')} } from ${q}${g.spec}${q}${semi}` : `${kw} { ${sharedNames.join(', ')} } = require(${q}${g.spec}${q})${semi}`);
    }
    // (a function's overloads are statements of one name; round 19, F4)
    const again = [...new Set(reexported.filter((s) => claimedBy.get(s) === g && !typeOnly(s)).flatMap((s) => declaredNames(s).map((n) => n.getText())))];
    if (again.length) importLines.push(`export { ${again.join(', ')} }${semi}`);
    const againTypes = [...new Set(reexported.filter((s) => claimedBy.get(s) === g && typeOnly(s)).flatMap((s) => declaredNames(s).map((n) => n.getText())))];
    if (againTypes.length) importLines.push(`export type { ${againTypes.join(', ')} } from ${q}${g.spec}${q}${semi}`);
  }
  if (needsResponder && !helperBound && !localLines) {
    importLines.push(style.esm ? `import { ${helper} } from ${q}${helperSpec}${q}${semi}` : `${kw} { ${helper} } = require(${q}${helperSpec}${q})${semi}`);
  }
  if (needsResponder && localLines && !localDeclared) {
    // the module's own mapping, declared at its end, with the kinds it answers imported
    if (localKinds.length) importLines.push(style.esm ? `import { ${localKinds.join(', ')} } from ${q}${kindsSpec}${q}${semi}` : `${kw} { ${localKinds.join(', ')} } = require(${q}${kindsSpec}${q})${semi}`);
    const resType = bindsFrom(file, 'Response', 'express') ? 'Response' : "import('express').Response";
    const fnText = localResponderText({ ...style }, localLines, nl, helper, resType, /\bfunction [\w$]+ \(/.test(text));
    const tail = text.replace(/\s+$/, '').length;
    edits.push({ start: tail, end: tail, text: nl + nl + fnText });
  }
  // the kinds of flashed failures the handlers' catches test (flash-answer.ts)
  const flashKinds = [...new Set(applied.flatMap((e) => e.errors.filter((x) => x.form === 'flash').map((x) => x.kind)))].filter((k) => !localKinds.includes(k) && !bindsFrom(file, k, kindsSpec));
  if (flashKinds.length) importLines.push(style.esm ? `import { ${flashKinds.join(', ')} } from ${q}${kindsSpec}${q}${semi}` : `${kw} { ${flashKinds.join(', ')} } = require(${q}${kindsSpec}${q})${semi}`);
  const newLines = [...importLines, ...(instanceLines.length ? ['', ...instanceLines] : [])];
  if (newLines.length) {
    const anchor = lastImportLike(file, new Set(removable));
    const existingInstance = classStyle ? file.getVariableStatements().filter((s) => s.getDeclarations().some((d) => /^new\s+\w+Service\(\)$/.test(d.getInitializer()?.getText() ?? ''))).pop() : undefined;
    if (existingInstance && !importLines.length) {
      const at = lineEnd(text, existingInstance.getEnd());
      edits.push({ start: at, end: at, text: instanceLines.join(nl) + nl });
    } else {
      const at = importsAt ?? (anchor ? lineEnd(text, anchor.getEnd()) : firstCodeLine(file));
      edits.push({ start: at, end: at, text: newLines.join(nl) + nl });
    }
  }

  done();
  tidyRemovals(edits, text);
  // text inserted after a removed import falls inside the removed lines when the line after it goes too (`var
  // mongoose = require('mongoose'); var Article = mongoose.model('Article')`, joined into one removal): it goes where
  // they end, or the removal would cut into it
  for (const ins of edits) {
    if (ins.start !== ins.end || !ins.text) continue;
    const around = edits.find((r) => r.text === '' && r.start < ins.start && ins.start < r.end);
    if (around) ins.start = ins.end = around.end;
  }
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const ed of edits) out = out.slice(0, ed.start) + ed.text + out.slice(ed.end);
  // (names the moved module-level statements use, a helper's `Row` type: read before the text changes)
  const movedNames = removable.filter((s) => !isImportLike(s)).flatMap((s) => s.getDescendantsOfKind(SyntaxKind.Identifier).map((id) => id.getText()));
  file.replaceWithText(out);
  for (const se of serviceEdits) {
    const t = se.sf!.getFullText();
    let o = t;
    for (const ed of [...se.edits].sort((a, b) => b.start - a.start || b.end - a.end)) o = o.slice(0, ed.start) + ed.text + o.slice(ed.end);
    se.sf!.replaceWithText(o);
  }
  // an import the router module keeps for its other code loses the names only the moved code used (a project with
  // noUnusedLocals would report them); the services' imports lose what their code does not use. (All decided in the
  // program of the new texts, then removed: what one module binds does not change how another's names resolve.)
  const drops = [unusedImportNames(file, new Set([...applied.flatMap((e) => [...e.depNames]), ...movedNames])), ...serviceEdits.map((se) => unusedImportNames(se.sf!))];
  for (const drop of drops) drop();
}

/** Packages whose module-level factories (`Router()`, `express()`) only make the app's objects. */
const FRAMEWORK_PACKAGES = new Set(['express', 'koa', '@koa/router', 'koa-router', 'fastify']);

/** Globals whose calls run no code of the app (`new Set()`, `Object.freeze(…)`, `String(x)`). */
const PURE_BUILT_INS = new Set(['Set', 'Map', 'WeakMap', 'WeakSet', 'Array', 'Object', 'String', 'Number', 'Boolean', 'Symbol', 'Date', 'RegExp', 'Error', 'parseInt', 'parseFloat', 'encodeURIComponent', 'decodeURIComponent']);

/**
 * Whether a module-level statement runs no code at load that another statement could depend on or be disturbed by:
 * a function, type or interface, a class without decorators, static code or computed names, `const x = <value>` of
 * literals, functions, objects and arrays of them, names, the web framework's factories (`Router()`) and pure
 * built-ins (`new Set()`). A property read (a getter), a call of anything else, a tagged template, a loop, an if, an
 * expression statement all may.
 */
export function inertAtLoad(s: Statement): boolean {
  if (Node.isFunctionDeclaration(s) || Node.isInterfaceDeclaration(s) || Node.isTypeAliasDeclaration(s) || Node.isEmptyStatement(s) || Node.isExportDeclaration(s)) return true;
  if (Node.isEnumDeclaration(s)) return s.getMembers().every((m) => !m.getInitializer() || inertExpression(m.getInitializer()!));
  if (Node.isClassDeclaration(s)) return inertClass(s);
  if (Node.isVariableStatement(s)) return s.getDeclarations().every((d) => Node.isIdentifier(d.getNameNode()) && (!d.getInitializer() || inertExpression(d.getInitializer()!)));
  return false;
}

function inertClass(c: import('ts-morph').ClassDeclaration | import('ts-morph').ClassExpression): boolean {
  if (c.getDecorators().length) return false;
  const base = c.getExtends()?.getExpression();
  if (base && !Node.isIdentifier(base)) return false;
  return c.getMembers().every((m) => {
    if (Node.isClassStaticBlockDeclaration(m)) return false;
    if ('getDecorators' in m && (m as { getDecorators: () => unknown[] }).getDecorators().length) return false;
    const name = 'getNameNode' in m ? (m as { getNameNode: () => Node }).getNameNode() : undefined;
    if (name && Node.isComputedPropertyName(name) && !Node.isStringLiteral(name.getExpression()) && !Node.isNumericLiteral(name.getExpression())) return false;
    if (Node.isPropertyDeclaration(m) && m.isStatic() && m.getInitializer()) return inertExpression(m.getInitializer()!);
    return true;
  });
}

function inertExpression(e: Node): boolean {
  if (Node.isStringLiteral(e) || Node.isNumericLiteral(e) || Node.isBigIntLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e) || Node.isRegularExpressionLiteral(e)) return true;
  if (Node.isIdentifier(e)) return steadyName(e);
  const kind = e.getKind();
  if (kind === SyntaxKind.TrueKeyword || kind === SyntaxKind.FalseKeyword || kind === SyntaxKind.NullKeyword) return true;
  if (Node.isArrowFunction(e) || Node.isFunctionExpression(e)) return true;
  if (Node.isClassExpression(e)) return inertClass(e);
  // (a value converted to a string or a number may run its toString/valueOf: only primitives there)
  if (Node.isTemplateExpression(e)) return e.getTemplateSpans().every((sp) => primitiveData(sp.getExpression()));
  if (Node.isParenthesizedExpression(e) || Node.isAsExpression(e) || Node.isNonNullExpression(e) || Node.isSatisfiesExpression(e) || Node.isTypeAssertion(e)) return inertExpression(e.getExpression());
  if (Node.isArrayLiteralExpression(e)) return e.getElements().every((x) => Node.isOmittedExpression(x) || (!Node.isSpreadElement(x) && inertExpression(x)));
  if (Node.isObjectLiteralExpression(e)) {
    return e.getProperties().every((p) => {
      if (Node.isSpreadAssignment(p)) return false;
      const name = 'getNameNode' in p ? (p as { getNameNode: () => Node }).getNameNode() : undefined;
      if (name && Node.isComputedPropertyName(name) && !Node.isStringLiteral(name.getExpression()) && !Node.isNumericLiteral(name.getExpression())) return false;
      if (Node.isPropertyAssignment(p)) return inertExpression(p.getInitializerOrThrow());
      return true; // shorthand, methods and accessors (defined, not run)
    });
  }
  if (Node.isPrefixUnaryExpression(e) && e.getOperatorToken() === SyntaxKind.ExclamationToken) return inertExpression(e.getOperand());
  if (Node.isPrefixUnaryExpression(e) && ![SyntaxKind.PlusPlusToken, SyntaxKind.MinusMinusToken].includes(e.getOperatorToken())) return primitiveData(e.getOperand());
  if (Node.isTypeOfExpression(e) || Node.isVoidExpression(e)) return inertExpression(e.getExpression());
  if (Node.isConditionalExpression(e)) return inertExpression(e.getCondition()) && inertExpression(e.getWhenTrue()) && inertExpression(e.getWhenFalse());
  if (Node.isBinaryExpression(e)) {
    const op = e.getOperatorToken().getText();
    if (isAssignment(op) || op === 'instanceof' || op === 'in' || op === ',') return false;
    // (only these compare or choose without converting their operands)
    if (['===', '!==', '&&', '||', '??'].includes(op)) return inertExpression(e.getLeft()) && inertExpression(e.getRight());
    return primitiveData(e.getLeft()) && primitiveData(e.getRight());
  }
  if (Node.isCallExpression(e) || Node.isNewExpression(e)) {
    // (arguments the callee may read, convert or iterate: plain data only, `Router({ mergeParams: true })`)
    const args = e.getArguments();
    return inertCallee(e.getExpression()) && args.every((a) => !Node.isSpreadElement(a) && plainData(a));
  }
  if (Node.isPropertyAccessExpression(e)) return frameworkRoot(e); // (`express.static`: another property read may be a getter)
  return false;
}

/** A name whose value is fixed at load: a const, function or class of this module, or a global such as `undefined`. */
function steadyName(id: Node): boolean {
  const decl = id.getSymbol()?.getDeclarations()[0];
  if (!decl) return true;
  if (decl.getSourceFile().isDeclarationFile()) return true;
  if (Node.isFunctionDeclaration(decl) || Node.isClassDeclaration(decl) || Node.isEnumDeclaration(decl)) return true;
  // (not an import: an ES module's binding is live, and the module it comes from may change it)
  if (Node.isVariableDeclaration(decl) && decl.getVariableStatement()?.getDeclarationKind() === 'const' && Node.isSourceFile(decl.getVariableStatement()?.getParent())) return true;
  return false;
}

/** A primitive computed from literals and consts of literals (converting it runs no code). */
function primitiveData(e: Node, depth = 0): boolean {
  if (depth > 8) return false;
  if (Node.isStringLiteral(e) || Node.isNumericLiteral(e) || Node.isBigIntLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e)) return true;
  const kind = e.getKind();
  if (kind === SyntaxKind.TrueKeyword || kind === SyntaxKind.FalseKeyword || kind === SyntaxKind.NullKeyword) return true;
  if (Node.isIdentifier(e)) {
    if (e.getText() === 'undefined') return true;
    const decl = e.getSymbol()?.getDeclarations()[0];
    return !!decl && Node.isVariableDeclaration(decl) && steadyName(e) && !!decl.getInitializer() && primitiveData(decl.getInitializer()!, depth + 1);
  }
  if (Node.isParenthesizedExpression(e)) return primitiveData(e.getExpression(), depth + 1);
  if (Node.isTemplateExpression(e)) return e.getTemplateSpans().every((sp) => primitiveData(sp.getExpression(), depth + 1));
  if (Node.isPrefixUnaryExpression(e) && ![SyntaxKind.PlusPlusToken, SyntaxKind.MinusMinusToken].includes(e.getOperatorToken())) return primitiveData(e.getOperand(), depth + 1);
  if (Node.isBinaryExpression(e)) return !isAssignment(e.getOperatorToken().getText()) && !['instanceof', 'in', ','].includes(e.getOperatorToken().getText()) && primitiveData(e.getLeft(), depth + 1) && primitiveData(e.getRight(), depth + 1);
  if (Node.isConditionalExpression(e)) return primitiveData(e.getCondition(), depth + 1) && primitiveData(e.getWhenTrue(), depth + 1) && primitiveData(e.getWhenFalse(), depth + 1);
  return false;
}

/** Primitives, and arrays and objects of them (plain properties only: no getter, method or spread to run). */
function plainData(e: Node): boolean {
  if (primitiveData(e)) return true;
  if (Node.isArrayLiteralExpression(e)) return e.getElements().every((x) => Node.isOmittedExpression(x) || (!Node.isSpreadElement(x) && plainData(x)));
  if (Node.isObjectLiteralExpression(e)) return e.getProperties().every((p) => Node.isPropertyAssignment(p) && !Node.isComputedPropertyName(p.getNameNode()) && plainData(p.getInitializerOrThrow()));
  return false;
}

/** `Router`, `express.Router`, `require('express').Router`, or a pure built-in that no local name shadows. */
function inertCallee(callee: Node): boolean {
  if (frameworkRoot(callee)) return true;
  if (Node.isIdentifier(callee) && PURE_BUILT_INS.has(callee.getText())) {
    const decl = callee.getSymbol()?.getDeclarations()[0];
    return !decl || decl.getSourceFile().isDeclarationFile();
  }
  return false;
}

/** An expression rooted at an import or a require of the web framework (`Router`, `express.Router`, `require('express')`). */
function frameworkRoot(e: Node): boolean {
  let root = e;
  while (Node.isPropertyAccessExpression(root)) root = root.getExpression();
  if (Node.isCallExpression(root)) {
    const arg = root.getArguments()[0];
    return root.getExpression().getText() === 'require' && !!arg && Node.isStringLiteral(arg) && FRAMEWORK_PACKAGES.has(arg.getLiteralValue());
  }
  if (!Node.isIdentifier(root)) return false;
  const decl = root.getSymbol()?.getDeclarations()[0];
  if (!decl) return false;
  const from = decl.getFirstAncestorByKind(SyntaxKind.ImportDeclaration)?.getModuleSpecifierValue() ?? /^require\(\s*['"]([^'"]+)['"]\s*\)/.exec((Node.isVariableDeclaration(decl) ? decl.getInitializer()?.getText() : Node.isBindingElement(decl) ? decl.getFirstAncestorByKind(SyntaxKind.VariableDeclaration)?.getInitializer()?.getText() : undefined) ?? '')?.[1];
  return from !== undefined && FRAMEWORK_PACKAGES.has(from);
}

/**
 * `var User = mongoose.model('User')`: a lookup of a model registered elsewhere (one string argument; with a schema it
 * would register it), of the `mongoose` package, into a name nothing assigns again. Evaluated in each service that
 * needs it, it gives the same model as in the router module, so two services may each have it.
 */
function modelLookup(s: Statement): boolean {
  if (!Node.isVariableStatement(s) || s.getDeclarations().length !== 1) return false;
  const decl = s.getDeclarations()[0];
  const init = decl.getInitializer();
  if (!Node.isIdentifier(decl.getNameNode()) || !init || !Node.isCallExpression(init) || init.getArguments().length !== 1 || !Node.isStringLiteral(init.getArguments()[0])) return false;
  const callee = init.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'model' || !Node.isIdentifier(callee.getExpression())) return false;
  const origin = callee.getExpression().getSymbol()?.getDeclarations()[0];
  const from = origin && (Node.isImportClause(origin) || Node.isNamespaceImport(origin) ? origin.getFirstAncestorByKind(SyntaxKind.ImportDeclaration)?.getModuleSpecifierValue() : Node.isVariableDeclaration(origin) ? /^require\(\s*['"]([^'"]+)['"]\s*\)$/.exec(origin.getInitializer()?.getText() ?? '')?.[1] : undefined);
  if (from !== 'mongoose') return false;
  return !localReferences(decl.getNameNode() as Identifier, s.getSourceFile()).some((r) => isWriteTarget(r));
}

/**
 * The references in `file` of `n`, a name declared at its top level. A module-level binding is read and written in
 * its own module only, and findReferences would search the whole project, after every router module's edits a
 * program rebuilt (juice-shop: 4.8 of extract-service's 26 CPU-s). Where comparing symbols could miss a reference (a
 * shorthand property, an export or import specifier, a binding pattern, a type query) the language service answers.
 */
export function localReferences(n: Identifier, file: SourceFile): Node[] {
  const name = n.getText();
  const same = file.getDescendantsOfKind(SyntaxKind.Identifier).filter((id) => id !== n && id.getText() === name);
  const unusual = same.some((id) => {
    const p = id.getParent();
    return !p || Node.isShorthandPropertyAssignment(p) || Node.isExportSpecifier(p) || Node.isImportSpecifier(p) || Node.isBindingElement(p) || Node.isTypeQuery(p) || Node.isExportAssignment(p) || Node.isJsxAttribute(p) || Node.isJsxOpeningElement(p) || Node.isJsxSelfClosingElement(p) || Node.isJsxClosingElement(p);
  });
  const sym = n.getSymbol();
  if (unusual || !sym) return n.findReferencesAsNodes().filter((r) => r.getSourceFile() === file);
  return same.filter((id) => id.getSymbol() === sym);
}

/**
 * An import of the router module moves to the service whole; the names of it the service's code does not use go
 * (`import { archive, findProject, rename }` where only the first two moved; a default import too, a namespace
 * import stays). With `only`, just those names may go (the router module: what the moved code used).
 *
 * Decided when called (the symbol questions asked of the program as it is), removed when the returned function runs.
 * Deciding every statement before removing anything needs one program, not one per removal (each rebuilt with its
 * module resolution: 4.6 of extract-service's 15.7 profile-s on juice-shop), and answers the same: removing an unused
 * module-level name changes how only names spelled like it resolve, and a removal forgets only nodes inside its
 * statement. Where either could matter (two statements binding one name, a statement that goes or changes holding a
 * reference spelled like a name another binds, the file's module indicator among them) each statement is decided
 * after the removals before it, as the checker then answers.
 */
export function unusedImportNames(sf: SourceFile, only?: Set<string>): () => void {
  // (names written as references: not `x.count`, `{ count: 1 }` or the `count` of `count as cnt`; and of the import
  // itself, not a local of the same name, where the checker tells)
  const refs = new Map<string, Node[]>();
  for (const id of sf.getDescendantsOfKind(SyntaxKind.Identifier)) {
    const p = id.getParent();
    if (isReference(id) || (Node.isExportSpecifier(p) && p.getNameNode() === id)) refs.set(id.getText(), [...(refs.get(id.getText()) ?? []), id]);
  }
  // (a reference outside the import statement itself)
  const refersTo = (local: Node, decl: Node) => {
    const mine = local.getSymbol();
    // (`export { count }`: the specifier's symbol is the export's, not the import's)
    // (a node an earlier removal or rewrite here took away is no reference any more)
    // (`{ router, find }`: a shorthand property's symbol is the property's; its value symbol is the import's)
    const symbolOf = (r: Node) => {
      const p = r.getParent();
      return Node.isShorthandPropertyAssignment(p) && p.getNameNode() === r ? p.getValueSymbol() : r.getSymbol();
    };
    return (refs.get(local.getText()) ?? []).some((r) => !r.wasForgotten() && (r.getStart() < decl.getStart() || r.getStart() >= decl.getEnd()) && (!mine || !symbolOf(r) || symbolOf(r) === mine || Node.isExportSpecifier(r.getParent())));
  };
  const droppable = (local: Node, decl: Node) => !refersTo(local, decl) && (!only || only.has(local.getText()));

  // Each statement that may lose names: the names it binds, and what it decides (asked when it is its turn).
  type Step = { stmt: Statement; names: string[]; decide: () => (() => void) | undefined };
  const steps: Step[] = [];
  for (const imp of sf.getImportDeclarations()) {
    const named = imp.getNamedImports();
    const def = imp.getDefaultImport();
    if (!named.length && !def) continue;
    const locals = [...named.map((spec) => spec.getAliasNode() ?? spec.getNameNode()), ...(def ? [def] : [])];
    steps.push({
      stmt: imp,
      names: locals.map((n) => n.getText()),
      decide: () => {
        const unused = named.filter((spec) => droppable(spec.getAliasNode() ?? spec.getNameNode(), imp));
        const defUnused = !!def && droppable(def, imp);
        if (!unused.length && !defUnused) return undefined;
        if (unused.length === named.length && (!def || defUnused) && !imp.getNamespaceImport()) return () => imp.remove();
        return () => {
          for (const spec of unused) spec.remove();
          if (defUnused) imp.removeDefaultImport();
        };
      },
    });
  }
  const varSteps = (): Step[] => {
    const out: Step[] = [];
    for (const stmt of sf.getVariableStatements()) {
      const [decl, ...more] = stmt.getDeclarations();
      const pattern = decl?.getNameNode();
      if (more.length || !decl || !Node.isObjectBindingPattern(pattern) || !/^require\(/.test(decl.getInitializer()?.getText() ?? '')) continue;
      const elements = pattern.getElements();
      if (elements.some((el) => el.getDotDotDotToken() || !Node.isIdentifier(el.getNameNode()))) continue;
      out.push({
        stmt,
        names: elements.map((el) => el.getNameNode().getText()),
        decide: () => {
          const unused = elements.filter((el) => droppable(el.getNameNode(), stmt));
          if (!unused.length) return undefined;
          if (unused.length === elements.length) return () => stmt.remove();
          const pad = /^\{\s/.test(pattern.getText()) ? ' ' : '';
          const text = `{${pad}${elements.filter((el) => !unused.includes(el)).map((el) => el.getText()).join(', ')}${pad}}`;
          return () => pattern.replaceWithText(text);
        },
      });
    }
    return out;
  };

  const all = [...steps, ...varSteps()];
  const bound = new Map<string, Statement>();
  let independent = true;
  for (const st of all) {
    for (const name of st.names) {
      if (bound.has(name) && bound.get(name) !== st.stmt) independent = false;
      bound.set(name, st.stmt);
    }
  }
  const removals = independent ? all.map((st) => st.decide()) : [];
  // (and the file stays a module whatever goes: a module's names would become a script's globals)
  const indicators = sf.compilerNode as { externalModuleIndicator?: unknown; commonJsModuleIndicator?: unknown };
  const indicator = [indicators.externalModuleIndicator, indicators.commonJsModuleIndicator].find((x) => x !== undefined);
  if (indicator === undefined) independent = false;
  for (let i = 0; independent && i < all.length; i++) {
    if (!removals[i]) continue;
    const { stmt } = all[i];
    const [a, b] = [stmt.getStart(), stmt.getEnd()];
    if (indicator !== true && typeof (indicator as { pos?: unknown }).pos === 'number' && (indicator as { pos: number }).pos >= stmt.getPos() && (indicator as { pos: number }).pos < b) independent = false;
    for (const [name, list] of refs) {
      const other = bound.get(name);
      if (other && other !== stmt && list.some((r) => r.getStart() >= a && r.getStart() < b)) independent = false;
    }
  }
  if (independent) {
    return () => {
      for (const remove of removals) remove?.();
    };
  }
  // (one after the other, as the checker answers after each removal: the variable statements are read after the
  // imports' removals, as before)
  return () => {
    for (const st of steps) st.decide()?.();
    for (const st of varSteps()) st.decide()?.();
  };
}

/** `__dirname`, `__filename`, `import.meta` or a relative `require` inside `n` (what names the module's own folder). */
export function moduleLocation(n: Node): Node | undefined {
  const file = n.getSourceFile();
  for (const d of [n, ...n.getDescendants()]) {
    if (Node.isIdentifier(d) && (d.getText() === '__dirname' || d.getText() === '__filename')) {
      const decls = d.getSymbol()?.getDeclarations() ?? [];
      if (!decls.some((x) => x.getSourceFile() === file)) return d;
    }
    if (Node.isMetaProperty(d)) return d;
    if (Node.isCallExpression(d) && /^require(\.resolve)?$/.test(d.getExpression().getText()) && /^['"]\./.test(d.getArguments()[0]?.getText() ?? '')) return d;
  }
  return undefined;
}

/** The message of a diagnostic the checker already reports in [start, end) of the file, if any. */
export function diagnosticIn(file: SourceFile, start: number, end: number, skip?: (d: import('ts-morph').Diagnostic) => boolean): string | undefined {
  const found = file.getPreEmitDiagnostics().find((d) => {
    const at = d.getStart();
    // ("Cannot find name 'process'… install type definitions for node": the app has no @types/node, common in
    // JavaScript apps, which is no error of its code; the check after the run ignores these too when they were there)
    return at !== undefined && at >= start && at < end && !NODE_TYPES_MISSING.has(d.getCode()) && !skip?.(d);
  });
  if (!found) return undefined;
  const m = found.getMessageText();
  return typeof m === 'string' ? m : m.getMessageText();
}


/**
 * The module format Node gives a file: by extension (.mjs/.mts ES module, .cjs/.cts CommonJS), else the "type" of the
 * nearest package.json (read through the transform, so earlier steps' edits count), CommonJS without one.
 */
function nodeFormat(ctx: ProjectTransformContext<Options>, file: string): 'module' | 'commonjs' {
  if (/\.m[jt]sx?$/.test(file)) return 'module';
  if (/\.c[jt]sx?$/.test(file)) return 'commonjs';
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const text = readText(ctx, path.join(dir, 'package.json'));
    if (text !== undefined) {
      try {
        return (JSON.parse(text) as { type?: unknown }).type === 'module' ? 'module' : 'commonjs';
      } catch {
        return 'commonjs';
      }
    }
    if (dir === path.dirname(dir) || path.basename(dir) === 'node_modules') return 'commonjs';
  }
}

/** Whether code mentions a name other than after a dot (`input`, not `req.input`); a key or a string counts too. */
function mentionsName(code: string, name: string): boolean {
  return new RegExp(`(?<![.\\w$])${name}(?![\\w$])`).test(code);
}

/** Absolute paths of the relative modules an import-like statement loads. */
export function importTargets(s: Statement, fromFile: string): string[] {
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

/** `ReturnType<typeof import("…").member>` for an input typed by the function whose result it holds (analyze.ts callResultType). */
function resultOfText(r: NonNullable<Input['resultOf']>, spec: string, q: string): string {
  let t = `ReturnType<typeof import(${q}${spec}${q}).${r.member}>`;
  if (r.awaited) t = `Awaited<${t}>`;
  if (r.nonNull) t = `NonNullable<${t}>`;
  return t + (r.path ?? []).map((p) => `[${q}${p}${q}]`).join('');
}

/** A service module extract-service wrote (its header names it). */
function isGeneratedService(ctx: ProjectTransformContext<Options>, file: string): boolean {
  if (!/\.service\.[cm]?[jt]s$/.test(file) || (!ctx.project.getSourceFile(file) && !fs.existsSync(file))) return false;
  const text = ctx.project.getSourceFile(file)?.getFullText() ?? (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
  return text.includes('moved out of its route handlers by remodel extract-service');
}

export function packageFound(spec: string, fromDir: string): boolean {
  if (builtinModules.includes(spec.replace(/^node:/, '').split('/')[0])) return true;
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'node_modules', name)) || fs.existsSync(path.join(dir, 'node_modules', '@types', name.replace(/^@([^/]+)\//, '$1__')))) return true;
    if (path.dirname(dir) === dir) return false;
  }
}


/** Joins adjacent removed lines and drops one of two blank lines a removal would leave next to each other. */
export function tidyRemovals(edits: { start: number; end: number; text: string }[], text: string): void {
  const removals = edits.filter((e) => e.text === '' && e.end > e.start).sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < removals.length; i++) {
    // (overlapping ones too: applied one after the other, the second would cut into what the first left)
    if (removals[i].end >= removals[i + 1].start) {
      removals[i + 1].start = removals[i].start;
      removals[i + 1].end = Math.max(removals[i].end, removals[i + 1].end);
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

export function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i === -1 ? text.length : i + 1;
}

export function firstCodeLine(file: SourceFile): number {
  const first = file.getStatements()[0];
  if (first && Node.isExpressionStatement(first) && /^['"]use strict['"]/.test(first.getText())) return lineEnd(file.getFullText(), first.getEnd());
  return 0;
}

/** The last import/require statement that stays (new imports go after it). */
export function lastImportLike(file: SourceFile, removed: Set<Statement>): Statement | undefined {
  let last: Statement | undefined;
  for (const s of file.getStatements()) {
    if (isImportLike(s)) last = s;
    else if (!removed.has(s) && last) break;
  }
  return last;
}

/** A `const`, function or class declaration written with `export` (not a default export); or an interface or type alias. */
function exportsItself(s: Statement): boolean {
  return (Node.isVariableStatement(s) || Node.isFunctionDeclaration(s) || Node.isClassDeclaration(s) || Node.isInterfaceDeclaration(s) || Node.isTypeAliasDeclaration(s)) && s.isExported() && !s.isDefaultExport();
}

/** An interface or type alias: exported again with `export type` (a value re-export of a type fails under isolatedModules). */
function typeOnly(s: Statement): boolean {
  return Node.isInterfaceDeclaration(s) || Node.isTypeAliasDeclaration(s);
}

/**
 * An exported helper the logic uses moves into the service, and the router module exports it again from there
 * (`export { readFixes }`), so the modules that import it from the router get the same value. Why it cannot, or
 * undefined: a default export or a CommonJS module (no named re-export keeps it), a `let`/`var` binding (other
 * modules would see its later values through the router's export only while it lives there), a module or test that
 * loads the router module whole or handles its namespace as a value (`require(…)`, `sinon.stub(fixes, 'readFixes')`,
 * `Object.keys(routes)`: a re-exported name is a getter in CommonJS output, which cannot be replaced), or an importer
 * that uses it as it loads and that the router module loads itself (an import cycle).
 */
function exportedHelperStays(s: Statement, esm: boolean): string | undefined {
  if (!esm) return 'the module is CommonJS';
  if ((Node.isVariableStatement(s) || Node.isFunctionDeclaration(s) || Node.isClassDeclaration(s)) && s.isDefaultExport()) return 'it is the module\'s default export';
  if (Node.isVariableStatement(s) && s.getDeclarationKind() !== 'const') return `it is declared with \`${s.getDeclarationKind()}\``;
  const file = s.getSourceFile();
  // (a module that requires the router, `import x = require(…)`, `await import(…)` or a mock of it holds the exports
  // object, whose re-exported names are getters in CommonJS output that cannot be replaced; round 19, F1)
  const whole = loadedWhole(file);
  if (whole) return `${whole} loads the router module as a whole (require, import(), a mock), where an export it replaces would no longer be replaceable`;
  // (an importer of the helper that the router module itself loads, directly or through others: an import cycle, where
  // it may use the helper while the router is half loaded, and a re-export is defined later than a function's own
  // export; round 19, F2)
  const names = new Set(declaredNames(s).map((n) => n.getText()));
  // (only a use that runs as the importer loads can meet the router half loaded: a use inside a function runs
  // when it is called, after every module has loaded; juice-shop's lib/antiCheat.ts calls readFixes in functions)
  const importers = new Set<SourceFile>();
  const runsAtLoad = (id: Node) => !id.getFirstAncestor((a) => Node.isFunctionDeclaration(a) || Node.isFunctionExpression(a) || Node.isArrowFunction(a) || Node.isMethodDeclaration(a) || Node.isConstructorDeclaration(a) || Node.isGetAccessorDeclaration(a) || Node.isSetAccessorDeclaration(a));
  for (const other of file.getProject().getSourceFiles()) {
    if (other === file || other.isInNodeModules() || other.isDeclarationFile()) continue;
    for (const imp of other.getImportDeclarations()) {
      if (imp.getModuleSpecifierSourceFile() !== file) continue;
      const ns = imp.getNamespaceImport();
      for (const ref of ns ? ns.findReferencesAsNodes() : []) {
        if (ref === ns || ref.getSourceFile() !== other) continue;
        const parent = ref.getParent();
        // (`fixes.readFixes(key)`, `fixes.readFixes`: a read of one export)
        if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === ref && !isWriteTarget(parent)) continue;
        return `${path.relative(path.dirname(file.getFilePath()), other.getFilePath())} uses the module's namespace as a value (\`${parent?.getText().split('\n')[0].slice(0, 50)}\`)`;
      }
      for (const spec of imp.getNamedImports()) {
        if (!names.has(spec.getName()) || spec.isTypeOnly() || imp.isTypeOnly()) continue;
        const local = spec.getAliasNode() ?? spec.getNameNode();
        const sym = local.getSymbol();
        const uses = other.getDescendantsOfKind(SyntaxKind.Identifier).filter((id) => id !== local && id.getText() === local.getText() && id.getSymbol() === sym);
        if (uses.some(runsAtLoad)) importers.add(other);
      }
    }
  }
  if (importers.size) {
    const seen = new Set<SourceFile>([file]);
    const queue = [file];
    while (queue.length) {
      const cur = queue.pop()!;
      for (const d of [...cur.getImportDeclarations(), ...cur.getExportDeclarations()]) {
        const target = d.getModuleSpecifierSourceFile();
        if (!target || target.isInNodeModules() || target.isDeclarationFile() || seen.has(target)) continue;
        if (importers.has(target)) return `${path.relative(path.dirname(file.getFilePath()), target.getFilePath())}, which uses it as it loads, is loaded by the router module itself (an import cycle, where it would meet the router half loaded)`;
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return undefined;
}

export function statementText(s: Statement): string {
  const text = s.getSourceFile().getFullText();
  const comments = ownComments(s);
  const start = comments.length ? comments[0].getPos() : s.getStart();
  return text.slice(start, s.getEnd());
}

/** JSDoc declarations (`@typedef`, `@callback`) declare types of their own: they never travel with a statement. */
export const isTypeDeclarationComment = (t: string) => /^\/\*\*[\s\S]*@(typedef|callback|template|import)\b/.test(t);

/** The leading comments that belong to a statement: those after the last JSDoc type declaration before it. */
export function ownComments(s: Statement) {
  const comments = s.getLeadingCommentRanges();
  let i = comments.length;
  while (i > 0 && !isTypeDeclarationComment(comments[i - 1].getText())) i--;
  return comments.slice(i);
}

export function repointStatement(s: Statement, fromFile: string, toDir: string): string {
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
export function reindent(body: string, from: string, to: string, nl: string, keep: boolean): string {
  const lines = body.split(/\r?\n/);
  if (keep) return lines.join(nl); // multi-line template literals keep their bytes
  return lines
    .map((line, i) => {
      if (i === 0 || !line.trim()) return i === 0 ? line : '';
      return line.startsWith(from) ? to + line.slice(from.length) : line;
    })
    .join(nl);
}

/**
 * The route file as the generated comments name it: from the folder of its package.json (`routes/api/auth.js`), so the
 * text is the same whichever folder remodel ran from (undefined without one).
 */
function packagePath(file: string): string | undefined {
  for (let dir = path.dirname(file); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return toPosix(path.relative(dir, file));
  }
  return undefined;
}
