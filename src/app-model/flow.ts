import { Node, SyntaxKind, ts, type CallExpression } from 'ts-morph';
import { locOf, symbolOf, declarationsOf, isExternal, isFunctionLike, moduleOf, unwrap, type FnNode } from './resolve.js';
import type { ChainFunction, ChainRole, DataCall, DataCallKind, ErrorExit, FlowContext, Framework, RequestRead, RequestSource, ResponseExit, ResponseKind } from './types.js';

type Flow = Pick<ChainFunction, 'mayRespond' | 'callsNext' | 'setsRequestFields' | 'reads' | 'dataCalls' | 'responses' | 'errorExits' | 'logicLines' | 'params'>;

const ORM = /^(mongoose|sequelize|typeorm|@prisma\/client|prisma|knex|objection|lowdb|bookshelf|mikro-orm|@mikro-orm\/.*|drizzle-orm.*|nedb|waterline)$/;
const DB = /^(pg|mysql2?|sqlite3?|better-sqlite3|redis|ioredis|mongodb|cassandra-driver|level|memcached|connect-redis)$/;
const HTTP = /^(axios|node-fetch|got|superagent|request|request-promise|undici|needle|https?|node:https?)$/;
const FS = /^(node:)?fs(\/promises)?$|^fs-extra$/;
const DATA_NAME = /(^|[^a-z])(db|database|store|repo|repository|model|models|dao|collection|client|pool|knex|prisma|redis|cache|storage|orm|conn|connection)s?$/i;

const BODY_METHODS: Record<string, ResponseKind> = {
  json: 'json',
  jsonp: 'json',
  send: 'send',
  sendStatus: 'sendStatus',
  end: 'end',
  redirect: 'redirect',
  render: 'render',
  sendFile: 'file',
  download: 'file',
  write: 'stream',
  format: 'send',
};
const HEADER_METHODS = new Set(['set', 'header', 'setHeader', 'location', 'type', 'contentType', 'cookie', 'clearCookie', 'attachment', 'vary', 'append', 'links', 'headers']);
const REQ_METHODS = new Set(['accepts', 'acceptsCharsets', 'acceptsEncodings', 'acceptsLanguages', 'is', 'range', 'on', 'pipe', 'once', 'emit', 'login', 'logIn', 'logout', 'logOut', 'isAuthenticated', 'isUnauthenticated', 'flash', 'assert', 'checkBody', 'sanitize']);

const KOA_RESPONSE = new Set(['body', 'status', 'message', 'type', 'length', 'lastModified', 'etag', 'response']);

const cache = new WeakMap<Node, Map<string, Flow>>();

/** Data flow of one function of a route chain: what it reads, calls, answers and how it leaves. */
export function analyzeFunction(fn: FnNode, framework: Framework, role: ChainRole, readTypes = true): Flow {
  let byKey = cache.get(fn);
  if (!byKey) cache.set(fn, (byKey = new Map()));
  const key = `${framework}:${role}:${readTypes}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  const flow = compute(fn, framework, readTypes);
  byKey.set(key, flow);
  return flow;
}

function paramName(fn: FnNode, i: number): string | undefined {
  const p = fn.getParameters()[i];
  return p && Node.isIdentifier(p.getNameNode()) ? p.getName() : undefined;
}

function compute(fn: FnNode, framework: Framework, readTypes: boolean): Flow {
  const params = fn.getParameters().map((p) => p.getNameNode().getText());
  // Express (req, res, next) / error middleware (err, req, res, next); Koa (ctx, next); Fastify (request, reply).
  let req: string | undefined;
  let res: string | undefined;
  let next: string | undefined;
  if (framework === 'koa') {
    req = paramName(fn, 0);
    next = paramName(fn, 1);
  } else if (framework === 'fastify') {
    req = paramName(fn, 0);
    res = paramName(fn, 1);
  } else {
    const four = fn.getParameters().length === 4;
    req = paramName(fn, four ? 1 : 0);
    res = paramName(fn, four ? 2 : 1);
    next = paramName(fn, four ? 3 : 2);
  }
  const reads: RequestRead[] = [];
  const dataCalls: DataCall[] = [];
  const responses: ResponseExit[] = [];
  const errorExits: ErrorExit[] = [];
  const sets = new Set<string>();
  let callsNext = false;
  const headerCalls: Array<{ pos: number; name: string }> = [];
  const body = fn.getBody();
  if (!body) return { mayRespond: false, callsNext, setsRequestFields: [], reads, dataCalls, responses, errorExits, logicLines: 0, params };
  const ctxOf = (n: Node) => flowContext(n, fn);
  const isName = (n: Node, name: string | undefined) => !!name && Node.isIdentifier(n) && n.getText() === name;
  const checker = readTypes ? fn.getProject().getTypeChecker() : undefined;

  const readSources: Record<string, RequestSource> = { params: 'params', query: 'query', body: 'body', headers: 'headers', cookies: 'cookies', signedCookies: 'cookies' };

  const visit = (n: Node) => {
    // ---- request reads ----
    if (req && Node.isPropertyAccessExpression(n) && isName(n.getExpression(), req)) {
      const parent = n.getParent();
      if (parent && Node.isBinaryExpression(parent) && parent.getLeft() === n && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
        if (framework !== 'koa' || !KOA_RESPONSE.has(n.getName())) sets.add(n.getName());
        return;
      }
      let name = n.getName();
      let top: Node = n;
      let path: string[] = [];
      if (framework === 'koa') {
        // ctx.request.body.x, ctx.params.x, ctx.query.x, ctx.state.user, ctx.body = (response)
        if (name === 'request') {
          const p = n.getParent();
          if (p && Node.isPropertyAccessExpression(p) && p.getExpression() === n) {
            name = p.getName();
            top = p;
          }
        }
        if (['body', 'status', 'redirect', 'set', 'type', 'throw', 'assert', 'attachment', 'append', 'remove', 'response', 'message', 'length', 'lastModified', 'etag'].includes(name) && top === n) return;
        if (name === 'state') {
          const p = n.getParent();
          if (p && Node.isPropertyAccessExpression(p) && p.getExpression() === n) {
            const pp = p.getParent();
            if (pp && Node.isBinaryExpression(pp) && pp.getLeft() === p && pp.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
              sets.add(`state.${p.getName()}`);
              return;
            }
          }
        }
      }
      if (name === 'get' || name === 'header') {
        const call = top.getParent();
        if (call && Node.isCallExpression(call) && call.getExpression() === top) {
          const h = call.getArguments()[0];
          const hv = h && (Node.isStringLiteral(h) || Node.isNoSubstitutionTemplateLiteral(h)) ? h.getLiteralValue().toLowerCase() : undefined;
          reads.push({ source: 'headers', path: hv ? [hv] : [], loc: locOf(call), context: ctxOf(call) });
        }
        return;
      }
      const parent2 = top.getParent();
      if (parent2 && Node.isCallExpression(parent2) && parent2.getExpression() === top) {
        if (REQ_METHODS.has(name) || framework === 'koa') return; // req.accepts(...), req.is(...)
        if (name === 'param') {
          const a = parent2.getArguments()[0];
          reads.push({ source: 'req', path: ['param', a && Node.isStringLiteral(a) ? a.getLiteralValue() : '?'], loc: locOf(parent2), context: ctxOf(parent2) });
          return;
        }
        return;
      }
      const source: RequestSource = readSources[name] ?? 'req';
      if (source === 'req') path = [name];
      // descend: req.body.a.b
      let cur: Node = top;
      for (;;) {
        const p = cur.getParent();
        if (p && Node.isElementAccessExpression(p) && p.getExpression() === cur) {
          const a = p.getArgumentExpression();
          if (!a || !(Node.isStringLiteral(a) || Node.isNoSubstitutionTemplateLiteral(a))) break;
          path.push(a.getLiteralValue());
          cur = p;
          continue;
        }
        if (!p || !Node.isPropertyAccessExpression(p) || p.getExpression() !== cur) break;
        const pp = p.getParent();
        if (pp && Node.isCallExpression(pp) && pp.getExpression() === p) break; // a method of the value
        path.push(p.getName());
        cur = p;
      }
      // const { a, b } = req.body
      const decl = cur.getParent();
      if (decl && Node.isVariableDeclaration(decl) && decl.getInitializer() === cur && Node.isObjectBindingPattern(decl.getNameNode())) {
        for (const el of (decl.getNameNode() as import('ts-morph').ObjectBindingPattern).getElements()) {
          if (el.getDotDotDotToken()) continue;
          const key = el.getPropertyNameNode()?.getText() ?? el.getName();
          reads.push(readOf(source, [...path, key], el, ctxOf(el), checker));
        }
        return;
      }
      reads.push(readOf(source, path, cur, ctxOf(cur), checker));
      return;
    }
    // const { body, params } = req
    if (req && Node.isVariableDeclaration(n) && n.getInitializer() && isName(unwrap(n.getInitializer()!), req) && Node.isObjectBindingPattern(n.getNameNode())) {
      for (const el of (n.getNameNode() as import('ts-morph').ObjectBindingPattern).getElements()) {
        const key = el.getPropertyNameNode()?.getText() ?? el.getName();
        const src = readSources[key] ?? 'req';
        reads.push({ source: src, path: src === 'req' ? [key] : [], loc: locOf(el), context: ctxOf(el) });
      }
      return;
    }
    if (Node.isCallExpression(n)) {
      const callee = unwrap(n.getExpression());
      // ---- next ----
      if (next && isName(callee, next)) {
        const a = n.getArguments()[0];
        if (!a || /^['"]route(r)?['"]$/.test(a.getText())) callsNext = true;
        else errorExits.push({ kind: 'next-error', context: ctxOf(n), loc: locOf(n) });
        return;
      }
      if (next) {
        for (const a of n.getArguments()) {
          if (isName(a, next)) {
            // `.catch(next)`, `fs.readFile(f, next)`: errors go to next
            errorExits.push({ kind: 'next-error', context: isThenCatch(n) ? 'promise' : 'callback', loc: locOf(a) });
          }
        }
      }
      // ---- responses ----
      const resp = responseOf(n, framework, req, res);
      if (resp === 'header') {
        headerCalls.push({ pos: n.getStart(), name: headerName(n) });
        return;
      }
      if (resp) {
        responses.push({ ...resp, context: ctxOf(n), loc: locOf(n) });
        return;
      }
      // koa ctx.throw(404)
      if (framework === 'koa' && req && Node.isPropertyAccessExpression(callee) && isName(callee.getExpression(), req) && callee.getName() === 'throw') {
        errorExits.push({ kind: 'throw', context: ctxOf(n), loc: locOf(n) });
        return;
      }
      // ---- data calls ----
      const dc = dataCallOf(n, fn, [req, res, next]);
      if (dc) dataCalls.push({ ...dc, loc: locOf(n), style: styleOf(n), context: ctxOf(n) });
      return;
    }
    // `stream.pipe(res)` handled as a data-less call above; a bare `x.pipe(res)` is a stream response
    if (Node.isThrowStatement(n)) {
      errorExits.push({ kind: 'throw', context: ctxOf(n), loc: locOf(n) });
      return;
    }
    // koa: ctx.body = x; ctx.status = n
    if (framework === 'koa' && req && Node.isBinaryExpression(n) && n.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
      const left = n.getLeft();
      if (Node.isPropertyAccessExpression(left) && isName(left.getExpression(), req)) {
        if (left.getName() === 'body') responses.push({ kind: 'body', bodyShape: shapeOf(n.getRight()), headers: [], context: ctxOf(n), loc: locOf(n), ...statusNear(n, req) });
        else if (left.getName() === 'status' && !hasBodyAssign(fn, req)) {
          const v = unwrap(n.getRight());
          responses.push({ kind: 'status-only', ...(Node.isNumericLiteral(v) ? { status: Number(v.getText()) } : { statusDynamic: true }), headers: [], context: ctxOf(n), loc: locOf(n) });
        }
      }
    }
    // fastify: an async handler's return value is the reply
    if (framework === 'fastify' && Node.isReturnStatement(n) && n.getExpression() && ownFunction(n) === fn && (fn as unknown as { isAsync?(): boolean }).isAsync?.()) {
      const e = unwrap(n.getExpression()!);
      if (!(Node.isCallExpression(e) && res && rootName(e) === res)) {
        responses.push({ kind: 'send', bodyShape: shapeOf(e), headers: [], context: 'direct', loc: locOf(n) });
      }
    }
  };
  visit(body);
  body.forEachDescendant(visit);
  // fastify: `async () => ({ ok: true })`
  if (framework === 'fastify' && !Node.isBlock(body) && (fn as unknown as { isAsync?(): boolean }).isAsync?.()) {
    const e = unwrap(body);
    if (!(Node.isCallExpression(e) && res && rootName(e) === res)) responses.push({ kind: 'send', bodyShape: shapeOf(e), headers: [], context: 'direct', loc: locOf(body) });
  }
  // headers set in statements before a response (same function) belong to it
  for (const r of responses) {
    const before = headerCalls.filter((h) => h.pos < posOfLoc(fn, r.loc)).map((h) => h.name);
    r.headers = [...new Set([...before, ...r.headers])];
  }
  return {
    mayRespond: responses.length > 0,
    callsNext,
    setsRequestFields: [...sets],
    reads: dedupeReads(reads),
    dataCalls,
    responses,
    errorExits,
    logicLines: logicLines(body.getText()),
    params,
  };
}

function posOfLoc(fn: Node, loc: { line: number; column: number }): number {
  return fn.getSourceFile().compilerNode.getPositionOfLineAndCharacter(loc.line - 1, loc.column - 1);
}

function dedupeReads(reads: RequestRead[]): RequestRead[] {
  const seen = new Set<string>();
  return reads.filter((r) => {
    const k = `${r.source}:${r.path.join('.')}:${r.loc.line}:${r.loc.column}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function readOf(source: RequestSource, path: string[], node: Node, context: FlowContext, checker: import('ts-morph').TypeChecker | undefined): RequestRead {
  const read: RequestRead = { source, path, loc: locOf(node), context };
  if (checker && path.length && !(source === 'req' && path.length === 1 && !Node.isBindingElement(node))) {
    try {
      const t = checker.getTypeAtLocation(node);
      if (!t.isAny()) {
        const text = t.getText(node, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope);
        if (text.length <= 80 && !text.includes('import(')) read.type = text;
      }
    } catch {
      // no type
    }
  }
  return read;
}

function ownFunction(n: Node): Node | undefined {
  return n.getFirstAncestor((a) => isFunctionLike(a));
}

function isThenCatch(call: CallExpression): boolean {
  const c = call.getExpression();
  return Node.isPropertyAccessExpression(c) && ['then', 'catch', 'finally'].includes(c.getName());
}

/** Where `n` runs relative to `fn`: in its own flow, in a callback, or in a promise chain's callback. */
function flowContext(n: Node, fn: Node): FlowContext {
  let ctx: FlowContext = 'direct';
  for (let cur: Node | undefined = n.getParent(); cur && cur !== fn; cur = cur.getParent()) {
    if (isFunctionLike(cur) || Node.isFunctionExpression(cur) || Node.isArrowFunction(cur)) {
      const call = cur.getParent();
      if (call && Node.isCallExpression(call) && isThenCatch(call)) ctx = 'promise';
      else if (ctx === 'direct') ctx = 'callback';
    }
  }
  return ctx;
}

function rootName(call: Node): string | undefined {
  let e: Node = call;
  for (;;) {
    if (Node.isCallExpression(e)) e = e.getExpression();
    else if (Node.isPropertyAccessExpression(e)) e = e.getExpression();
    else if (Node.isParenthesizedExpression(e) || Node.isAwaitExpression(e)) e = e.getExpression();
    else break;
  }
  return Node.isIdentifier(e) ? e.getText() : undefined;
}

function headerName(call: CallExpression): string {
  const c = call.getExpression() as import('ts-morph').PropertyAccessExpression;
  const m = c.getName();
  if (m === 'location') return 'location';
  if (m === 'type' || m === 'contentType') return 'content-type';
  if (m === 'cookie' || m === 'clearCookie') return 'set-cookie';
  if (m === 'attachment') return 'content-disposition';
  const a = call.getArguments()[0];
  return a && (Node.isStringLiteral(a) || Node.isNoSubstitutionTemplateLiteral(a)) ? a.getLiteralValue().toLowerCase() : '?';
}

/**
 * A response call: the outermost call of a `res...` chain (`res.status(201).json(x)`). Inner links of the chain
 * are skipped (they are part of the outer one).
 */
function responseOf(call: CallExpression, framework: Framework, req: string | undefined, res: string | undefined): Omit<ResponseExit, 'context' | 'loc'> | 'header' | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  // x.pipe(res)
  if (callee.getName() === 'pipe' && res && call.getArguments().some((a) => a.getText() === res)) return { kind: 'stream', headers: [] };
  const owner = framework === 'koa' ? req : res;
  if (!owner) return undefined;
  // only the outermost call of the chain
  const parent = call.getParent();
  if (parent && Node.isPropertyAccessExpression(parent) && parent.getExpression() === call) {
    const pp = parent.getParent();
    if (pp && Node.isCallExpression(pp) && pp.getExpression() === parent) return undefined;
  }
  const links: CallExpression[] = [];
  let e: Node = call;
  while (Node.isCallExpression(e) && Node.isPropertyAccessExpression(e.getExpression())) {
    links.unshift(e);
    e = (e.getExpression() as import('ts-morph').PropertyAccessExpression).getExpression();
  }
  if (!Node.isIdentifier(e) || e.getText() !== owner) return undefined;
  const names = links.map((l) => (l.getExpression() as import('ts-morph').PropertyAccessExpression).getName());
  if (framework === 'koa') {
    if (names[0] === 'redirect') return { kind: 'redirect', headers: ['location'] };
    if (names[0] === 'set' || names[0] === 'attachment' || names[0] === 'type') return 'header';
    return undefined;
  }
  let status: number | undefined;
  let statusDynamic = false;
  const headers: string[] = [];
  let kind: ResponseKind | undefined;
  let bodyShape: string | undefined;
  for (let i = 0; i < links.length; i++) {
    const name = names[i];
    const args = links[i].getArguments();
    if (name === 'status' || name === 'code') {
      const v = args[0] && unwrap(args[0]);
      if (v && Node.isNumericLiteral(v)) status = Number(v.getText());
      else statusDynamic = true;
    } else if (HEADER_METHODS.has(name)) headers.push(headerName(links[i]));
    else if (framework === 'fastify' && name === 'send') {
      kind = 'send';
      bodyShape = args[0] ? shapeOf(args[0]) : undefined;
    } else if (framework === 'fastify' && name === 'redirect') {
      kind = 'redirect';
      headers.push('location');
    } else if (BODY_METHODS[name]) {
      kind = BODY_METHODS[name];
      if (kind === 'sendStatus') {
        const v = args[0] && unwrap(args[0]);
        if (v && Node.isNumericLiteral(v)) status = Number(v.getText());
        else statusDynamic = true;
      } else if (kind === 'redirect') {
        headers.push('location');
        const v = args[0] && unwrap(args[0]);
        if (args.length === 2 && v && Node.isNumericLiteral(v)) status = Number(v.getText());
      } else if (kind === 'json' || kind === 'send' || kind === 'end') {
        if (args[0]) bodyShape = shapeOf(args[0]);
      }
    }
  }
  if (!kind) {
    if (status !== undefined || statusDynamic) kind = 'status-only';
    else if (headers.length) return 'header';
    else return undefined;
  }
  return { kind, ...(status !== undefined ? { status } : {}), ...(statusDynamic && status === undefined ? { statusDynamic: true } : {}), ...(bodyShape ? { bodyShape } : {}), headers };
}

function statusNear(assign: Node, ctx: string): { status?: number; statusDynamic?: boolean } {
  const block = assign.getFirstAncestor((a) => Node.isBlock(a));
  if (!block) return {};
  for (const st of (block as import('ts-morph').Block).getStatements()) {
    if (st.getStart() > assign.getStart()) break;
    const ex = Node.isExpressionStatement(st) ? st.getExpression() : undefined;
    if (ex && Node.isBinaryExpression(ex) && ex.getLeft().getText() === `${ctx}.status`) {
      const v = unwrap(ex.getRight());
      return Node.isNumericLiteral(v) ? { status: Number(v.getText()) } : { statusDynamic: true };
    }
  }
  return {};
}

function hasBodyAssign(fn: Node, ctx: string): boolean {
  return fn.getDescendantsOfKind(SyntaxKind.BinaryExpression).some((b) => b.getLeft().getText() === `${ctx}.body`);
}

/** Short shape of a body value: `{error}`, `{id, email}`, `{…}`, `[…]`, `text`, `value`. */
export function shapeOf(node: Node): string {
  const e = unwrap(node);
  if (Node.isObjectLiteralExpression(e)) {
    const names: string[] = [];
    let open = false;
    for (const p of e.getProperties()) {
      if (Node.isPropertyAssignment(p) || Node.isShorthandPropertyAssignment(p) || Node.isMethodDeclaration(p)) {
        const n = p.getNameNode();
        if (Node.isComputedPropertyName(n)) open = true;
        else names.push(n.getText().replace(/^['"]|['"]$/g, ''));
      } else open = true;
    }
    if (open || names.length > 4) return names.length && names.length <= 4 ? `{${names.join(', ')}, …}` : '{…}';
    return `{${names.join(', ')}}`;
  }
  if (Node.isArrayLiteralExpression(e)) return '[…]';
  if (Node.isStringLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e) || Node.isTemplateExpression(e)) return 'text';
  if (Node.isNumericLiteral(e)) return 'number';
  if (Node.isBinaryExpression(e) && e.getOperatorToken().getKind() === SyntaxKind.PlusToken) return 'text';
  return 'value';
}

function styleOf(call: CallExpression): DataCall['style'] {
  const p = call.getParent();
  if (p && Node.isAwaitExpression(p)) return 'await';
  if (p && Node.isPropertyAccessExpression(p) && ['then', 'catch', 'finally'].includes(p.getName())) return 'promise';
  const last = call.getArguments()[call.getArguments().length - 1];
  if (last && (Node.isArrowFunction(last) || Node.isFunctionExpression(last))) return 'callback';
  return 'sync';
}

/** A call that leaves the handler for data, with its kind; undefined for everything else. */
function dataCallOf(call: CallExpression, fn: FnNode, httpNames: Array<string | undefined>): Omit<DataCall, 'loc' | 'style' | 'context'> | undefined {
  const callee = unwrap(call.getExpression());
  // only calls whose callee is a name path (not a method on a call result)
  let root: Node = callee;
  const names: string[] = [];
  while (Node.isPropertyAccessExpression(root)) {
    names.unshift(root.getName());
    root = root.getExpression();
  }
  const text = callee.getText().replace(/\s+/g, '');
  if ((root.getKind() === SyntaxKind.ThisKeyword)) {
    // this.repo.find(), this.usersService.create()
    if (names.length >= 2 && DATA_NAME.test(names[0])) return { callee: text, kind: 'model' };
    if (names.length >= 2 && /service$/i.test(names[0])) return { callee: text, kind: 'module' };
    return undefined;
  }
  if (!Node.isIdentifier(root)) return undefined;
  const rootName = root.getText();
  if (httpNames.includes(rootName)) return undefined;
  if (rootName === 'fetch' && !names.length) return { callee: text, kind: 'http', module: 'fetch' };
  const decls = declarationsOf(root);
  const rawDecls = symbolOf(root)?.getDeclarations() ?? [];
  const spec = moduleOf(root);
  if (spec) {
    if (FS.test(spec)) return { callee: text, kind: 'fs', module: spec };
    if (HTTP.test(spec)) return names.length || /^(axios|got|node-fetch|superagent|request|needle|undici)$/.test(spec) ? { callee: text, kind: 'http', module: spec } : undefined;
    if (ORM.test(spec)) return { callee: text, kind: 'orm', module: spec };
    if (DB.test(spec)) return { callee: text, kind: 'db', module: spec };
    if (spec.startsWith('.')) {
      const isClassLike = decls.some((d) => Node.isClassDeclaration(d)) || /^[A-Z]/.test(rootName);
      if (!names.length && !decls.some((d) => !isExternal(d))) return undefined;
      return { callee: text, kind: isClassLike || /(repo|repository|model)s?$/i.test(rootName) ? 'model' : 'module', module: spec };
    }
    return undefined;
  }
  if (!names.length) return undefined;
  // A captured value (not declared inside the function) whose name says it holds data: db.get(name), User.all(cb)
  const declaredInside = rawDecls.some((d) => d.getStart() >= fn.getStart() && d.getEnd() <= fn.getEnd());
  if (declaredInside || !rawDecls.length) return undefined;
  if (rawDecls.some((d) => isExternal(d))) return undefined; // globals: JSON, Math, console, Object...
  let kind: DataCallKind | undefined;
  if (DATA_NAME.test(rootName)) kind = 'db';
  else if (/^[A-Z]/.test(rootName) && rawDecls.some((d) => Node.isClassDeclaration(d) || Node.isVariableDeclaration(d) || Node.isFunctionDeclaration(d))) kind = 'model';
  return kind ? { callee: text, kind } : undefined;
}

const LOG = /^\s*(console|logger|log|debug)\.[a-z]+\(|^\s*(debug|log)\(/;

/** Lines with code in a body, without braces-only lines, comments and logging. */
export function logicLines(text: string): number {
  let n = 0;
  let inComment = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].trim();
    if (inComment) {
      if (line.includes('*/')) {
        inComment = false;
        line = line.slice(line.indexOf('*/') + 2).trim();
      } else continue;
    }
    if (line.startsWith('/*')) {
      if (!line.includes('*/')) inComment = true;
      continue;
    }
    if (!line || line.startsWith('//')) continue;
    if (/^[{}()[\];,]*$/.test(line)) continue;
    if (LOG.test(line)) continue;
    n++;
  }
  return n;
}
