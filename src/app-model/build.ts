import fs from 'node:fs';
import path from 'node:path';
import { Node, SyntaxKind, type CallExpression, type Project, type SourceFile } from 'ts-morph';
import { analyzeFunction } from './flow.js';
import { collectionWords, routeNames, wordsBeforeParams } from './names.js';
import { locOf, declarationsOf, isExternal, isFunctionLike, moduleOf, requireSpecifier, resolveFunction, resolveModuleFile, returnedValues, stringList, stringValue, unwrap, type FnNode } from './resolve.js';
import type { AppModel, BuildOptions, ChainFunction, Framework, HttpMethod, Loc, MountedFunction, Route, RouteDiscovery, RouteNames, UnresolvedReason, UnresolvedSite } from './types.js';
import { findRequestProperties } from './request-properties.js';
import { needsEvaluation, onlyMiddlewareMount, scannedText, unitOf, Units, type ChainArg } from './units.js';

export { locOf };

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options']);
const FASTIFY_HOOKS = ['onRequest', 'preParsing', 'preValidation', 'preHandler'];

const packageNames = new Map<string, string | undefined>();

/** The name in the package.json of the package a relative specifier lands in (express's examples `require('../../')`). */
function packageNameOf(from: string, spec: string): string | undefined {
  let dir = path.resolve(path.dirname(from), spec);
  for (let i = 0; i < 4; i++, dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (packageNames.has(pkg)) return packageNames.get(pkg);
    if (fs.existsSync(pkg)) {
      let name: string | undefined;
      try {
        name = JSON.parse(fs.readFileSync(pkg, 'utf8')).name;
      } catch {
        name = undefined;
      }
      packageNames.set(pkg, name);
      return name;
    }
  }
  return undefined;
}

function frameworkOfModule(spec: string | undefined, from?: string): Framework | undefined {
  if (!spec) return undefined;
  if (spec.startsWith('.') && from) {
    // A framework's own repository: express's examples `require('../../')` or `require('../../lib/express')`.
    const name = packageNameOf(from, spec);
    const base = path.basename(spec.replace(/\/$/, '')).replace(/\.[cm]?[jt]s$/, '');
    return name && (/^[./]*$/.test(spec) || base === name || base === 'index') ? frameworkOfModule(name) : undefined;
  }
  if (spec === 'express' || spec.startsWith('express/')) return 'express';
  if (spec === 'koa' || spec === 'koa-router' || spec === '@koa/router') return 'koa';
  if (spec === 'fastify') return 'fastify';
  return undefined;
}

/** A router (or app / plugin instance), keyed by the node that declares it. */
interface RouterInfo {
  key: Node;
  framework?: Framework;
  /** koa-router `new Router({ prefix })`. */
  prefix?: string;
  kind: 'app' | 'router' | 'param' | 'unknown';
}

interface MountEdge {
  parent: RouterInfo | undefined;
  prefix: string;
  /** The prefix as written when it is not a literal. */
  dynamic?: string;
  loc: Loc;
  /** The mount was found by static evaluation (a loop over a literal list of routers, a helper called with literals). */
  discovered?: RouteDiscovery;
}

/** What a router-creating expression is: `express()`, `express.Router()`, `Router()`, `new Router()`, `fastify()`, `new Koa()`. */
function creation(expr: Node): Omit<RouterInfo, 'key'> | undefined {
  const e = unwrap(expr);
  if (!Node.isCallExpression(e) && !Node.isNewExpression(e)) return undefined;
  const callee = unwrap(e.getExpression() ?? e);
  let root: Node = callee;
  while (Node.isPropertyAccessExpression(root)) root = root.getExpression();
  let spec = requireSpecifier(root) ?? moduleOf(root);
  // `require('express')()` / `require('express').Router()`
  if (!spec && Node.isCallExpression(root)) spec = requireSpecifier(root);
  const fw = frameworkOfModule(spec, e.getSourceFile().getFilePath());
  if (!fw) return undefined;
  const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
  if (fw === 'express') {
    if (/Router$/.test(name)) return { framework: 'express', kind: 'router' };
    if (Node.isCallExpression(e) && !Node.isPropertyAccessExpression(callee)) return { framework: 'express', kind: 'app' };
    return undefined;
  }
  if (fw === 'koa') {
    if (spec === 'koa' || (!/router/i.test(name) && /^koa$/i.test(name))) return { framework: 'koa', kind: 'app' };
    const opts = e.getArguments()[0];
    let prefix: string | undefined;
    if (opts && Node.isObjectLiteralExpression(opts)) {
      const p = opts.getProperty('prefix');
      if (p && Node.isPropertyAssignment(p)) prefix = stringValue(p.getInitializer()) ?? p.getInitializer()?.getText();
    }
    return { framework: 'koa', kind: 'router', prefix };
  }
  return { framework: 'fastify', kind: 'app' };
}

class Builder {
  readonly routers = new Map<Node, RouterInfo>();
  readonly mounts = new Map<Node, MountEdge[]>();
  readonly routes: Route[] = [];
  readonly unresolved: UnresolvedSite[] = [];
  readonly mountedFunctions: MountedFunction[] = [];
  readonly fileFramework = new Map<SourceFile, Framework | undefined>();
  private readonly resolving = new Set<Node>();
  private readonly units: Units<RouterInfo>;

  constructor(readonly files: SourceFile[], readonly root: string, readonly readTypes = true) {
    this.units = new Units<RouterInfo>(files, (n) => this.routerOf(n));
  }

  /**
   * A registration decided by a parameter or loop variable: its unit is evaluated statically (see evaluate.ts) and
   * the registrations found for this call become routes. `handled` when every evaluation of the unit completed (the
   * ordinary scan then adds nothing for the call); otherwise `why` says where evaluation stopped.
   */
  private evaluated(call: CallExpression): { handled: boolean; why?: string } {
    if (!needsEvaluation(call)) return { handled: false };
    const unit = unitOf(call);
    if (!unit) return { handled: false };
    const outcome = this.units.outcome(unit);
    for (const reg of outcome.regs) {
      if (reg.call !== call) continue;
      const framework = reg.router?.framework ?? this.frameworkOfFile(call.getSourceFile()) ?? 'express';
      const discovered: RouteDiscovery = reg.scanned.length
        ? { by: 'directory-scan', from: reg.from, detail: `the folder ${scannedText(reg.scanned, this.root)} was read at analysis time; routes follow its files as they are now` }
        : { by: 'evaluation', from: reg.from, detail: 'the registration was evaluated with the literal values of this call' };
      this.addRoute(call, reg.method, call.getArguments()[0], reg.chain, reg.router, framework, { path: reg.path, discovered });
    }
    return outcome.complete ? { handled: true } : { handled: false, why: outcome.failures.join('; ') };
  }

  frameworkOfFile(sf: SourceFile): Framework | undefined {
    if (this.fileFramework.has(sf)) return this.fileFramework.get(sf);
    let fw: Framework | undefined;
    const text = sf.getFullText();
    for (const m of text.matchAll(/(?:from\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)) {
      const f = frameworkOfModule(m[1], sf.getFilePath());
      if (f === 'fastify' || f === 'koa') {
        fw = f;
        break;
      }
      if (f) fw = f;
    }
    this.fileFramework.set(sf, fw);
    return fw;
  }

  /** The router an expression denotes, when it can be followed. */
  routerOf(expr: Node, depth = 0): RouterInfo | undefined {
    if (depth > 8) return undefined;
    const e = unwrap(expr);
    if ((e.getKind() === SyntaxKind.ThisKeyword)) {
      // `app.resource = function () { this.get(...) }`
      const fn = e.getFirstAncestor((a) => Node.isFunctionExpression(a) || Node.isFunctionDeclaration(a));
      const parent = fn?.getParent();
      if (parent && Node.isBinaryExpression(parent) && Node.isPropertyAccessExpression(parent.getLeft())) {
        return this.routerOf((parent.getLeft() as import('ts-morph').PropertyAccessExpression).getExpression(), depth + 1);
      }
      return undefined;
    }
    const made = creation(e);
    if (made) return this.intern(e, made);
    if (Node.isBinaryExpression(e) && e.getOperatorToken().getKind() === SyntaxKind.EqualsToken) return this.routerOf(e.getRight(), depth + 1);
    if (Node.isIdentifier(e)) {
      for (const decl of declarationsOf(e)) {
        const r = this.routerOfDecl(decl, depth);
        if (r) return r;
      }
      return undefined;
    }
    if (Node.isCallExpression(e)) {
      const spec = requireSpecifier(e);
      if (spec !== undefined) {
        const target = resolveModuleFile(e.getSourceFile(), spec);
        return target ? this.routerOfModule(target, depth) : undefined;
      }
      const callee = unwrap(e.getExpression());
      // koa: `router.routes()`
      if (Node.isPropertyAccessExpression(callee) && (callee.getName() === 'routes' || callee.getName() === 'middleware')) {
        return this.routerOf(callee.getExpression(), depth + 1);
      }
      // `Router().use(a).get('/p', h)`: Express and Koa registrations and mounts return their router.
      if (Node.isPropertyAccessExpression(callee) && returnsReceiver(callee.getName(), e.getArguments().length)) {
        const recv = this.routerOf(callee.getExpression(), depth + 1);
        if (recv && (recv.framework === 'express' || recv.framework === 'koa')) return recv;
      }
      const fn = resolveFunction(callee);
      if (fn.node && !this.resolving.has(fn.node)) {
        this.resolving.add(fn.node);
        try {
          for (const r of returnedValues(fn.node)) {
            const info = this.routerOf(r, depth + 1);
            if (info) return info;
          }
        } finally {
          this.resolving.delete(fn.node);
        }
      }
      return undefined;
    }
    if (Node.isPropertyAccessExpression(e)) {
      for (const decl of declarationsOf(e)) {
        const r = this.routerOfDecl(decl, depth);
        if (r) return r;
      }
    }
    return undefined;
  }

  private routerOfDecl(decl: Node, depth: number): RouterInfo | undefined {
    if (this.routers.has(decl)) return this.routers.get(decl);
    if (isExternal(decl)) return undefined;
    if (Node.isVariableDeclaration(decl) || Node.isPropertyAssignment(decl) || Node.isPropertyDeclaration(decl)) {
      const init = decl.getInitializer();
      if (!init) return undefined;
      const made = creation(unwrapAssign(init));
      if (made) return this.intern(decl, made);
      const inner = this.routerOf(init, depth + 1);
      return inner;
    }
    if (Node.isParameterDeclaration(decl)) {
      const fw = this.paramFramework(decl);
      return fw ? this.intern(decl, { framework: fw, kind: 'param' }) : undefined;
    }
    if (Node.isExportAssignment(decl)) return this.routerOf(decl.getExpression(), depth + 1);
    if (Node.isBinaryExpression(decl)) return this.routerOf(decl.getRight(), depth + 1);
    if (Node.isPropertyAccessExpression(decl)) {
      const p = decl.getParent();
      if (p && Node.isBinaryExpression(p)) return this.routerOf(p.getRight(), depth + 1);
    }
    if (Node.isSourceFile(decl)) return this.routerOfModule(decl, depth);
    return undefined;
  }

  private routerOfModule(sf: SourceFile, depth: number): RouterInfo | undefined {
    for (const st of sf.getStatements()) {
      if (Node.isExportAssignment(st)) return this.routerOf(st.getExpression(), depth + 1);
      if (Node.isExpressionStatement(st)) {
        const ex = st.getExpression();
        if (Node.isBinaryExpression(ex) && ex.getLeft().getText() === 'module.exports') return this.routerOf(ex.getRight(), depth + 1);
      }
    }
    return undefined;
  }

  /** A parameter used as an app/router: typed so, named so in a framework file, or a Fastify plugin's instance. */
  private paramFramework(param: Node): Framework | undefined {
    if (!Node.isParameterDeclaration(param)) return undefined;
    const typeText = param.getTypeNode()?.getText() ?? '';
    if (/Fastify/.test(typeText)) return 'fastify';
    if (/Koa|Router<|KoaRouter/.test(typeText) && this.frameworkOfFile(param.getSourceFile()) === 'koa') return 'koa';
    if (/Express|Application|Router\b/.test(typeText)) return 'express';
    const fn = param.getParent();
    if (!fn || (fn as unknown as FnNode).getParameters?.()[0] !== param) return undefined;
    const name = param.getName();
    const fw = this.frameworkOfFile(param.getSourceFile());
    if (/^(fastify|instance|server|app)$/i.test(name) && fw === 'fastify') return 'fastify';
    if (/^(app|router|api|server)$/.test(name)) return fw ?? 'express';
    if (/^fastify$/i.test(name)) return 'fastify';
    return undefined;
  }

  private intern(key: Node, info: Omit<RouterInfo, 'key'>): RouterInfo {
    let r = this.routers.get(key);
    if (!r) this.routers.set(key, (r = { key, ...info }));
    return r;
  }

  addUnresolved(reason: UnresolvedReason, detail: string, node: Node, method?: string): void {
    this.unresolved.push({ reason, detail, loc: locOf(node), ...(method ? { method } : {}) });
  }

  scan(): void {
    // Mounts first, so every route sees all the prefixes above it whatever the order the files are read in.
    const calls = this.files.flatMap((sf) => sf.getDescendantsOfKind(SyntaxKind.CallExpression));
    const isMount = (c: CallExpression) => {
      const callee = c.getExpression();
      return Node.isPropertyAccessExpression(callee) && (callee.getName() === 'use' || callee.getName() === 'register');
    };
    for (const c of calls) if (isMount(c)) this.visitCall(c);
    for (const c of calls) if (!isMount(c)) this.visitCall(c);
  }

  private visitCall(call: CallExpression): void {
    const callee = call.getExpression();
    if (Node.isElementAccessExpression(callee)) {
      // `app[method](path, handler)`
      const recv = this.routerOf(callee.getExpression());
      const arg = callee.getArgumentExpression();
      if (recv && arg && !stringValue(arg)) {
        const ev = this.evaluated(call);
        if (!ev.handled) this.addUnresolved('dynamic-method', `\`${callee.getText()}(...)\`: the method is computed${ev.why ? `; static evaluation stopped: ${ev.why}` : ''}`, call);
      }
      else if (recv && arg && VERBS.has(stringValue(arg)!)) this.registration(call, stringValue(arg)!, recv);
      // `srv[method]('/users', fn)` on a receiver it cannot follow: a registration by the rule for unknown receivers.
      else if (!recv && arg && !stringValue(arg) && this.registrationLooking(call)) this.addUnresolved('dynamic-method', `\`${callee.getText()}(...)\`: the method is computed and \`${callee.getExpression().getText().slice(0, 40)}\` is not an app or router the builder can follow`, call);
      return;
    }
    if (!Node.isPropertyAccessExpression(callee)) return;
    const name = callee.getName();
    if (VERBS.has(name)) {
      // Verbs chained on `route(p)` are handled from the `route` call.
      if (this.routeChainBase(call)) return;
      const recv = this.routerOf(callee.getExpression());
      const ev = this.evaluated(call);
      if (ev.handled) return;
      this.registration(call, name, recv, ev.why);
      return;
    }
    if (name === 'route') {
      const args = call.getArguments();
      if (args.length === 1 && Node.isObjectLiteralExpression(unwrap(args[0]))) {
        const recv = this.routerOf(callee.getExpression());
        if (recv?.framework === 'fastify' || this.frameworkOfFile(call.getSourceFile()) === 'fastify') this.fastifyRoute(call, recv);
        return;
      }
      if (args.length === 1) this.routeChain(call);
      return;
    }
    if (name === 'use' || name === 'register') this.mount(call, name);
  }

  /** For `.get(...)` in `x.route(p).get(a).post(b)`: the `route(p)` call, else undefined. */
  private routeChainBase(call: CallExpression): CallExpression | undefined {
    let recv: Node = (call.getExpression() as import('ts-morph').PropertyAccessExpression).getExpression();
    while (Node.isCallExpression(recv)) {
      const c = recv.getExpression();
      if (!Node.isPropertyAccessExpression(c)) return undefined;
      if (c.getName() === 'route' && recv.getArguments().length === 1 && !Node.isObjectLiteralExpression(recv.getArguments()[0])) return recv;
      if (!VERBS.has(c.getName())) return undefined;
      recv = c.getExpression();
    }
    return undefined;
  }

  private routeChain(routeCall: CallExpression): void {
    const base = (routeCall.getExpression() as import('ts-morph').PropertyAccessExpression).getExpression();
    const recv = this.routerOf(base);
    const framework = recv?.framework ?? this.frameworkOfFile(routeCall.getSourceFile());
    if (!recv && framework !== 'express') return;
    const pathArg = routeCall.getArguments()[0];
    // Walk up: routeCall.get(...).post(...)
    let node: Node = routeCall;
    for (;;) {
      const pa = node.getParent();
      if (!pa || !Node.isPropertyAccessExpression(pa) || pa.getExpression() !== node) break;
      const c = pa.getParent();
      if (!c || !Node.isCallExpression(c) || c.getExpression() !== pa) break;
      const verb = pa.getName();
      if (!VERBS.has(verb)) break;
      this.addRoute(c, verb, pathArg, c.getArguments(), recv, framework ?? 'express');
      node = c;
    }
  }

  private registration(call: CallExpression, verb: string, recv: RouterInfo | undefined, note?: string): void {
    const args = call.getArguments();
    const sf = call.getSourceFile();
    const framework = recv?.framework ?? this.frameworkOfFile(sf);
    let pathArg: Node | undefined = args[0];
    let rest = args.slice(1);
    if (!pathArg) return;
    // koa-router named routes: router.get('name', '/path', ...)
    if (framework === 'koa' && stringValue(args[0]) !== undefined && stringValue(args[1]) !== undefined) {
      pathArg = args[1];
      rest = args.slice(2);
    }
    const literal = stringValue(pathArg);
    const looksLikePath = (literal !== undefined && /^[/*]/.test(literal)) || Node.isRegularExpressionLiteral(unwrap(pathArg));
    if (!rest.length) return; // app.get('env'), req.get('host')
    if (!recv) {
      // Unknown receiver: only a literal path and a handler-looking argument make it a route.
      if (!looksLikePath || !framework) return;
      if (!rest.some((a) => this.handlerLooking(a))) return;
    } else if (literal === undefined && !Node.isRegularExpressionLiteral(unwrap(pathArg)) && !Node.isTemplateExpression(unwrap(pathArg)) && !Node.isIdentifier(unwrap(pathArg)) && !Node.isBinaryExpression(unwrap(pathArg)) && !Node.isArrayLiteralExpression(unwrap(pathArg))) {
      return;
    }
    this.addRoute(call, verb, pathArg, rest, recv, framework ?? 'express', note ? { note } : {});
  }

  /** A call on an unknown receiver that still reads as a route: a framework's file, a literal path, a handler-looking argument. */
  private registrationLooking(call: CallExpression): boolean {
    const [p, ...rest] = call.getArguments();
    const pathLike = !!p && (/^[/*]/.test(stringValue(p) ?? '') || Node.isRegularExpressionLiteral(unwrap(p)));
    return pathLike && !!this.frameworkOfFile(call.getSourceFile()) && rest.some((a) => this.handlerLooking(a));
  }

  private handlerLooking(a: Node): boolean {
    const e = unwrap(a);
    return isFunctionLike(e) || Node.isIdentifier(e) || Node.isPropertyAccessExpression(e) || Node.isCallExpression(e) || Node.isArrayLiteralExpression(e) || Node.isSpreadElement(e);
  }

  private fastifyRoute(call: CallExpression, recv: RouterInfo | undefined): void {
    const opts = unwrap(call.getArguments()[0]);
    if (!Node.isObjectLiteralExpression(opts)) return;
    const get = (k: string) => {
      const p = opts.getProperty(k);
      if (p && Node.isPropertyAssignment(p)) return p.getInitializer();
      if (p && (Node.isShorthandPropertyAssignment(p) || Node.isMethodDeclaration(p))) return p as Node;
      return undefined;
    };
    const methodNode = get('method');
    const url = get('url') ?? get('path');
    const handler = get('handler');
    const methods: string[] = [];
    if (methodNode) {
      const m = unwrap(methodNode);
      if (Node.isArrayLiteralExpression(m)) for (const el of m.getElements()) methods.push(stringValue(el)?.toLowerCase() ?? '');
      else methods.push(stringValue(m)?.toLowerCase() ?? '');
    }
    if (!url || !handler || !methods.length || methods.some((m) => !VERBS.has(m))) {
      this.addUnresolved('dynamic-route-options', `\`${call.getExpression().getText()}({...})\`: method, url or handler is not written literally`, call);
      return;
    }
    const chain: Node[] = [];
    for (const hook of FASTIFY_HOOKS) {
      const h = get(hook);
      if (h) chain.push(h);
    }
    chain.push(handler);
    for (const m of methods) this.addRoute(call, m, url, chain, recv, 'fastify');
  }

  private addRoute(
    call: CallExpression,
    verb: string,
    pathArg: Node,
    args: Array<Node | ChainArg>,
    recv: RouterInfo | undefined,
    framework: Framework,
    opts: { path?: string; discovered?: RouteDiscovery; note?: string } = {},
  ): void {
    const method = (verb === 'del' ? 'delete' : verb) as HttpMethod;
    // Fastify: `fastify.get(path, { preHandler, handler? }, handler)`
    let chainArgs = args;
    if (framework === 'fastify') {
      const flat: Array<Node | ChainArg> = [];
      for (const a of args) {
        if (!(a instanceof Node)) {
          flat.push(a);
          continue;
        }
        const u = unwrap(a);
        if (Node.isObjectLiteralExpression(u)) {
          for (const hook of [...FASTIFY_HOOKS, 'handler']) {
            const p = u.getProperty(hook);
            if (p && Node.isPropertyAssignment(p)) flat.push(p.getInitializer()!);
            else if (p && (Node.isMethodDeclaration(p) || Node.isShorthandPropertyAssignment(p))) flat.push(p);
          }
        } else flat.push(a);
      }
      chainArgs = flat;
    }
    const unresolvedRoute: { reason: UnresolvedReason; detail: string }[] = [];
    const p = unwrap(pathArg);
    let written = opts.path ?? stringValue(p);
    const each = opts.path === undefined ? stringList(p) : undefined; // `app.get(['/a', '/b'], h)`: a route per path
    if (written === undefined && !each) {
      written = pathText(p);
      unresolvedRoute.push({ reason: 'dynamic-path', detail: `the path \`${p.getText().slice(0, 60)}\` is not a literal` });
    }
    const chain: ChainFunction[] = [];
    for (const a of chainArgs) {
      if (a instanceof Node) {
        this.chainElements(a, chain, unresolvedRoute);
        continue;
      }
      const before = chain.length;
      this.chainElements(a.node, chain, unresolvedRoute);
      for (const c of chain.slice(before)) {
        if (a.label) c.label = a.label;
        if (a.shape && c.node) c.shape = a.shape;
      }
    }
    for (const c of chain) {
      if (c.node) Object.assign(c, analyzeFunction(c.node as FnNode, framework, 'handler', this.readTypes));
    }
    const last = chain[chain.length - 1];
    const handlerIdx = last?.node ? finalHandlerIndex(chain) : -1;
    chain.forEach((c, i) => (c.role = i === handlerIdx || (handlerIdx < 0 && i === chain.length - 1) ? 'handler' : 'middleware'));
    const handler = handlerIdx >= 0 ? chain[handlerIdx] : undefined;
    if (!handler && last?.unresolved && !unresolvedRoute.some((u) => u.reason !== 'dynamic-path')) unresolvedRoute.push(last.unresolved);
    if (opts.note) {
      for (const [i, u] of unresolvedRoute.entries()) unresolvedRoute[i] = { ...u, detail: `${u.detail}; static evaluation stopped: ${opts.note}` };
    }
    for (const [mount, one] of this.mountStacks(recv).flatMap((m) => (each ?? [written!]).map((w) => [m, w] as const))) {
      let stack = mount.stack;
      const dynamic = mount.dynamic;
      const prefixes = stack.filter((s) => s !== '' && s !== '/');
      stack = prefixes;
      if (dynamic && !unresolvedRoute.some((u) => u.reason === 'dynamic-path')) {
        unresolvedRoute.push({ reason: 'dynamic-path', detail: `a mount prefix (${dynamic}) is not a literal` });
      }
      const full = joinPaths([...prefixes, one]);
      const callee = call.getExpression();
      const registration = locOf(Node.isPropertyAccessExpression(callee) ? callee.getNameNode() : call);
      const unresolved = unresolvedRoute.find((u) => u.reason !== 'dynamic-path') ?? unresolvedRoute[0];
      this.routes.push({
        id: `${method.toUpperCase()} ${full} @ ${registration.file}:${registration.line}`,
        framework,
        method,
        path: full,
        pathAsWritten: one,
        mounts: stack,
        registration,
        chain: chain.map((c) => ({ ...c })),
        handler: undefined,
        // Named by buildAppModel once every route is known (whether a path word names a collection depends on the
        // app's other paths); a name computed here would always be replaced.
        names: undefined as unknown as RouteNames,
        ...(unresolved ? { unresolved } : {}),
        ...(opts.discovered || mount.discovered ? { discovered: opts.discovered ?? mount.discovered } : {}),
        call,
      });
      const route = this.routes[this.routes.length - 1];
      if (handler) route.handler = route.chain[handlerIdx];
    }
  }

  private chainElements(a: Node, out: ChainFunction[], problems: { reason: UnresolvedReason; detail: string }[]): void {
    const e = unwrap(a);
    if (Node.isArrayLiteralExpression(e)) {
      for (const el of e.getElements()) this.chainElements(el, out, problems);
      return;
    }
    if (Node.isSpreadElement(e)) {
      const inner = unwrap(e.getExpression());
      const decl = Node.isIdentifier(inner) ? declarationsOf(inner)[0] : undefined;
      const init = decl && Node.isVariableDeclaration(decl) ? decl.getInitializer() : undefined;
      if (init && Node.isArrayLiteralExpression(unwrap(init))) {
        this.chainElements(init, out, problems);
        return;
      }
      const u = { reason: 'spread-arguments' as const, detail: `\`${e.getText()}\` is not a literal array` };
      out.push(emptyFn(e.getText(), 'array', u, a));
      problems.push(u);
      return;
    }
    if (Node.isIdentifier(e)) {
      // `const chain = [auth, handler]; router.get(p, chain)`
      const decl = declarationsOf(e)[0];
      const init = decl && Node.isVariableDeclaration(decl) ? decl.getInitializer() : undefined;
      if (init && Node.isArrayLiteralExpression(unwrap(init))) {
        this.chainElements(init, out, problems);
        return;
      }
    }
    if (Node.isMethodDeclaration(e)) {
      out.push({ ...emptyFn(e.getName(), 'inline', undefined, a), node: e, loc: locOf(e, true), name: e.getName() });
      return;
    }
    const r = resolveFunction(e);
    const label =
      r.shape === 'wrapper' && r.via
        ? `(…) => ${r.via}(…)`
        : r.shape === 'wrapped' && r.via && Node.isCallExpression(e)
          ? `${r.via}(${e.getArguments().map((x) => (isFunctionLike(unwrap(x)) ? '(inline)' : x.getText().replace(/\s+/g, ' ').slice(0, 40))).join(', ')})`
          : isFunctionLike(e)
            ? '(inline)'
            : e.getText().replace(/\s+/g, ' ').slice(0, 80);
    if (!r.node) {
      out.push(emptyFn(label, r.shape, r.unresolved, a));
      return;
    }
    out.push({ ...emptyFn(label, r.shape, undefined, a), node: r.node, loc: locOf(r.node, true), ...(r.name ? { name: r.name } : {}), ...(r.wrapper ? { wrapper: r.wrapper } : {}) });
  }

  private mount(call: CallExpression, name: string): void {
    const args = call.getArguments();
    const callee = call.getExpression() as import('ts-morph').PropertyAccessExpression;
    if (name === 'register') {
      // fastify.register(plugin, { prefix })
      const parent = this.routerOf(callee.getExpression());
      if (!parent || parent.framework !== 'fastify' || !args[0]) return;
      let prefix = '';
      let dynamic: string | undefined;
      const opts = args[1] && unwrap(args[1]);
      if (opts && Node.isObjectLiteralExpression(opts)) {
        const p = opts.getProperty('prefix');
        if (p && Node.isPropertyAssignment(p)) {
          prefix = stringValue(p.getInitializer()) ?? pathText(p.getInitializer()!);
          if (stringValue(p.getInitializer()) === undefined) dynamic = p.getInitializer()!.getText();
        }
      }
      let target = unwrap(args[0]);
      // fastify-plugin: fp(plugin)
      if (Node.isCallExpression(target) && /^(fp|fastifyPlugin)$/.test(target.getExpression().getText()) && target.getArguments()[0]) target = unwrap(target.getArguments()[0]);
      const fn = resolveFunction(target);
      const first = fn.node?.getParameters()[0];
      if (!first) {
        if (!fn.unresolved || fn.unresolved.reason !== 'external-handler') this.addUnresolved('unresolved-mount', `plugin \`${target.getText().slice(0, 60)}\` could not be followed`, call);
        return;
      }
      const child = this.intern(first, { framework: 'fastify', kind: 'param' });
      this.addEdge(child, { parent, prefix, loc: locOf(call), ...(dynamic ? { dynamic } : {}) });
      return;
    }
    // use([prefix], ...targets)
    const parent = this.routerOf(callee.getExpression());
    if (!parent && this.frameworkOfFile(call.getSourceFile()) === undefined) return;
    const first = args[0] && unwrap(args[0]);
    // `passport.use('jwt', strategy)`: on a receiver that is not a known router, only a path prefix makes a mount.
    if (!parent && first && stringValue(first) !== undefined && !/^\//.test(stringValue(first)!)) return;
    const ev = this.evaluatedMount(call);
    if (ev.handled) return;
    let prefix = '';
    let targets = args;
    let dynamic: string | undefined;
    if (first && (stringValue(first) !== undefined || Node.isTemplateExpression(first) || (Node.isBinaryExpression(first) && first.getOperatorToken().getKind() === SyntaxKind.PlusToken))) {
      prefix = stringValue(first) ?? pathText(first);
      if (stringValue(first) === undefined) dynamic = first.getText();
      targets = args.slice(1);
    } else if (first && Node.isArrayLiteralExpression(first) && first.getElements().every((el) => stringValue(el) !== undefined)) {
      return; // several prefixes: mounts of functions, not modelled
    } else if (first && args.length >= 2 && (Node.isPropertyAccessExpression(first) || Node.isElementAccessExpression(first) || Node.isIdentifier(first)) && !this.routerOf(first) && !resolveFunction(first).node) {
      // `router.use(entry.path, entry.route)`: a first argument that is neither a router nor a function is a path.
      prefix = pathText(first);
      dynamic = first.getText();
      targets = args.slice(1);
    }
    if (ev.why && args.length >= 2) {
      this.addUnresolved('unresolved-mount', `\`${call.getText().replace(/\s+/g, ' ').slice(0, 60)}\`: decided by code that was not evaluated; static evaluation stopped: ${ev.why}`, call);
    }
    for (const t of targets) {
      const tu = unwrap(t);
      if (Node.isCallExpression(tu) && /\.allowedMethods$/.test(tu.getExpression().getText())) continue;
      const child = this.routerOf(t);
      if (child && child !== parent) {
        if (child.kind === 'param' && Node.isParameterDeclaration(child.key)) {
          // a function taking the app as a parameter that is passed as middleware is not a mount
          continue;
        }
        this.addEdge(child, { parent, prefix, loc: locOf(call), ...(dynamic ? { dynamic } : {}) });
        continue;
      }
      if (!child) {
        const r = resolveFunction(t);
        if (r.node && !r.node.getSourceFile().isDeclarationFile() && !r.node.getSourceFile().isInNodeModules()) {
          this.mountedFunctions.push({ prefix, registration: locOf(call), loc: locOf(r.node, true), node: r.node, call });
        }
        if (!prefix) continue;
        if (r.node || r.unresolved?.reason === 'external-handler') continue; // middleware on a prefix
        if (!ev.why || args.length < 2) this.addUnresolved('unresolved-mount', `\`${t.getText().slice(0, 60)}\` mounted on '${prefix}' could not be followed`, call);
      }
    }
  }

  private evaluatedMount(call: CallExpression): { handled: boolean; why?: string } {
    if (!needsEvaluation(call) || onlyMiddlewareMount(call, (t) => !!this.routerOf(t))) return { handled: false };
    const unit = unitOf(call);
    if (!unit) return { handled: false };
    const outcome = this.units.outcome(unit);
    for (const m of outcome.mounts) {
      if (m.call !== call) continue;
      const discovered: RouteDiscovery = m.scanned.length
        ? { by: 'directory-scan', from: m.from, detail: `the mount was evaluated against the folder ${scannedText(m.scanned, this.root)} as it is now` }
        : { by: 'evaluation', from: m.from, detail: `the mount \`${call.getText().replace(/\s+/g, ' ').slice(0, 60)}\` was evaluated with the literal values of this code` };
      this.addEdge(m.child, { parent: m.parent, prefix: m.prefix, loc: locOf(call), discovered });
    }
    return outcome.complete ? { handled: true } : { handled: false, why: outcome.failures.join('; ') };
  }

  private addEdge(child: RouterInfo, edge: MountEdge): void {
    const list = this.mounts.get(child.key) ?? [];
    // The same mount reached again (a loop that mounts what it creates on each turn) is one mount.
    if (list.some((e) => e.parent === edge.parent && e.prefix === edge.prefix && e.loc.file === edge.loc.file && e.loc.line === edge.loc.line && e.loc.column === edge.loc.column)) return;
    list.push(edge);
    this.mounts.set(child.key, list);
  }

  /** Every chain of mount prefixes leading to a router, outermost first, and the first non-literal one. */
  mountStacks(r: RouterInfo | undefined, seen = new Set<Node>()): Array<{ stack: string[]; dynamic?: string; discovered?: RouteDiscovery }> {
    if (!r) return [{ stack: [] }];
    const own = r.prefix ? [r.prefix] : [];
    const edges = this.mounts.get(r.key) ?? [];
    if (!edges.length || seen.has(r.key)) return [{ stack: own }];
    seen.add(r.key);
    const out: Array<{ stack: string[]; dynamic?: string; discovered?: RouteDiscovery }> = [];
    for (const e of edges) {
      for (const s of this.mountStacks(e.parent, new Set(seen))) {
        const discovered = s.discovered ?? e.discovered;
        out.push({ stack: [...s.stack, e.prefix, ...own], dynamic: s.dynamic ?? e.dynamic, ...(discovered ? { discovered } : {}) });
      }
    }
    return out;
  }

  finish(): void {
    // Routers mounted more than once are noted.
    for (const [key, edges] of this.mounts) {
      if (edges.length > 1) this.addUnresolved('mounted-twice', `mounted ${edges.length} times; its routes appear once per mount`, key);
    }
    // Routes registered twice for the same path and method in one place (a stack walked twice) are kept once.
    const seen = new Set<string>();
    const kept: Route[] = [];
    for (const r of this.routes) {
      const k = `${r.id}\0${r.registration.column}`;
      if (seen.has(k)) continue;
      seen.add(k);
      kept.push(r);
    }
    this.routes.splice(0, this.routes.length, ...kept);
  }
}

/**
 * The final handler of a chain whose last function is resolved:
 * 1. the last function that may answer (`res.json`, `res.status(201)`, `ctx.body = ...`);
 * 2. else — a chain of pass-through functions that all call `next()`, the answer being sent later by app-level
 *    middleware (json-server's `router.render`) — the last function that uses the request (reads params, query,
 *    body, headers or fields set on it): the functions after it (json-server's `w`, which writes the db and calls
 *    `next()` whatever the request) do the same work for every route and are middleware;
 * 3. else the last function.
 */
export function finalHandlerIndex(chain: ChainFunction[]): number {
  const resolved = chain.map((c, i) => (c.node ? i : -1)).filter((i) => i >= 0);
  const responders = resolved.filter((i) => chain[i].mayRespond);
  if (responders.length) return responders[responders.length - 1];
  const readers = resolved.filter((i) => chain[i].reads.length > 0);
  if (readers.length) return readers[readers.length - 1];
  return chain.length - 1;
}

/** Router methods that return the router they are called on (`use(...)`, `get(path, fn)`; `get('env')` is a setting). */
function returnsReceiver(method: string, args: number): boolean {
  if (method === 'use') return args >= 1;
  return (VERBS.has(method) || method === 'param') && args >= 2;
}

function unwrapAssign(n: Node): Node {
  let e = unwrap(n);
  while (Node.isBinaryExpression(e) && e.getOperatorToken().getKind() === SyntaxKind.EqualsToken) e = unwrap(e.getRight());
  return e;
}

function emptyFn(label: string, shape: ChainFunction['shape'], unresolved: ChainFunction['unresolved'], arg: Node): ChainFunction {
  return {
    role: 'middleware',
    label,
    shape,
    ...(unresolved ? { unresolved } : {}),
    arg,
    mayRespond: false,
    callsNext: false,
    setsRequestFields: [],
    reads: [],
    dataCalls: [],
    responses: [],
    errorExits: [],
    logicLines: 0,
    params: [],
  };
}

/** A path expression that is not a literal, written the way a reader expects: `${base}/:id` → `{base}/:id`. */
function pathText(n: Node): string {
  const e = unwrap(n);
  if (Node.isTemplateExpression(e)) {
    let out = e.getHead().getLiteralText();
    for (const span of e.getTemplateSpans()) out += `{${span.getExpression().getText()}}` + span.getLiteral().getLiteralText();
    return out;
  }
  if (Node.isBinaryExpression(e) && e.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
    const l = stringValue(e.getLeft()) ?? pathText(e.getLeft());
    const r = stringValue(e.getRight()) ?? pathText(e.getRight());
    return l + r;
  }
  if (Node.isRegularExpressionLiteral(e)) return e.getText();
  return `{${e.getText().replace(/\s+/g, ' ').slice(0, 60)}}`;
}

export function joinPaths(parts: string[]): string {
  let out = '';
  for (const part of parts) {
    if (!part || part === '/') continue;
    if (part.startsWith('/') && /^\/.*\/[gimsuy]*$/.test(part) && parts.length === 1) return part;
    out = out.replace(/\/$/, '') + (part.startsWith('/') ? part : '/' + part);
  }
  if (!out) return '/';
  // `/users` + `/` is `/users`
  return out;
}

/** Builds the app model from a loaded ts-morph project. */
export function buildAppModel(project: Project, opts: BuildOptions): AppModel {
  const started = performance.now();
  const root = path.resolve(opts.root);
  const selected = opts.files ? new Set(opts.files.map((f) => path.resolve(f))) : undefined;
  const files = project
    .getSourceFiles()
    .filter((sf) => !sf.isDeclarationFile() && !sf.getFilePath().includes('/node_modules/'))
    .filter((sf) => !selected || selected.has(path.resolve(sf.getFilePath())));
  const b = new Builder(files, root, opts.readTypes ?? true);
  b.scan();
  b.finish();
  // Names once every route is known: whether a path word names a collection depends on the app's other paths.
  const collections = collectionWords(b.routes.map((r) => r.path));
  const beforeParams = wordsBeforeParams(b.routes.map((r) => r.path));
  for (const r of b.routes) {
    const at = r.handler?.node ?? r.call;
    if (at) r.names = routeNames(r.method, r.path, path.relative(root, at.getSourceFile().getFilePath()), collections, beforeParams);
  }
  b.routes.sort((a, c) => (a.registration.file < c.registration.file ? -1 : a.registration.file > c.registration.file ? 1 : a.registration.line - c.registration.line || a.registration.column - c.registration.column || (a.path < c.path ? -1 : a.path > c.path ? 1 : 0)));
  b.unresolved.sort((a, c) => (a.loc.file < c.loc.file ? -1 : a.loc.file > c.loc.file ? 1 : a.loc.line - c.loc.line));
  const projectFiles = project.getSourceFiles().filter((sf) => !sf.isDeclarationFile() && !sf.getFilePath().includes('/node_modules/'));
  const requestProperties = findRequestProperties(projectFiles);
  return { root, routes: b.routes, unresolved: b.unresolved, mountedFunctions: b.mountedFunctions, requestProperties, buildMs: performance.now() - started };
}
