/** Phase 2a: what a handler is made of (roles of req/res/next, response chains, request reads, the walk state). */
import { Node, SyntaxKind, type BindingElement, type CallExpression, type Identifier, type ObjectBindingPattern, type ParameterDeclaration, type SourceFile, type Statement, type Symbol as MorphSymbol } from 'ts-morph';
import { TextEdits } from '../../src/text-edits.js';
import { isWrapper } from '../../src/app-model/resolve.js';
import { type ErrorShape } from './exits.js';
import type { HandlerFn, RouteSite } from './routes.js';
import { type SuccessExit } from './exit-rewrite.js';


/** Why a handler (or part of one) is left alone. Keys are stable: the summary groups by them. */
export class Unsafe extends Error {
  constructor(
    readonly reason: string,
    message: string,
    readonly at?: Node,
  ) {
    super(message);
  }
}

export interface Input {
  name: string;
  /** Expression the controller passes (a handler variable, or a request read such as `req.params.id`). */
  expr: string;
  /** Node whose type is the input's type. */
  typeNode: Node;
  /** Declared type annotation text when the handler variable has one (kept as written). */
  annotation?: string;
  /** The annotated variable's initializer: what the checker narrowed the variable to at its declaration. */
  initializer?: Node;
  /** A field read through a name destructured from the request (`query.email`): that name (`query`). */
  part?: string;
  assigned: boolean;
  declKind: 'var' | 'let' | 'const';
  /** A helper call bound to the request in the controller (request-helpers.ts): its other arguments and its result. */
  bound?: {
    /** `type`: written as it is instead of the argument's type (a literal's base type: `translate('Basket')` takes a string). */
    params: { name: string; node: Node; type?: string }[];
    result: Node;
    /** The helper as a type query (`typeof import("<module>").authenticatedUsers.from`), when its result type has no name elsewhere. */
    query?: { module: string; member: string };
  };
  /**
   * A handler variable initialised by a call of another module's function (`const user = security.authenticatedUsers
   * .get(token)`) whose type has no name elsewhere: the type query of that function's result, `NonNullable` when the
   * checks before its use narrowed it.
   */
  resultOf?: { module: string; member: string; nonNull: boolean; awaited: boolean; /** Properties read from the result (`loggedInUser.data.email`). */ path?: string[] };
}

export interface Extraction {
  site: RouteSite;
  /** Offsets in the route file of the statements that move to the service. */
  start: number;
  end: number;
  inputs: Input[];
  /** Service method body (original indentation): error responses thrown as domain errors, the success body returned. */
  body: string;
  /** The domain errors the method throws, with the response each one stands for. */
  errors: (ErrorShape & { at: Node })[];
  /** The success response the controller writes (absent when every path fails). */
  success?: Success;
  /** Offsets of the catch clause of a final try/catch the controller keeps (its variable name and block start). */
  catchInsert?: { at: number; variable: string; indent: string };
  /** Ranges inside [start, end) that stay in the controller (parts of the success response). */
  keep: [number, number][];
  async: boolean;
  /** How the controller gets the result: directly, awaited, or from a promise chain. */
  call: 'sync' | 'await' | 'then';
  /** Module-level declarations (statements) of the route file the moved code uses. */
  deps: Set<Statement>;
  /** Identifier names the moved code uses from module scope (for import filtering). */
  depNames: Set<string>;
  /** Indentation of the first moved statement. */
  indent: string;
  /** A template literal spans lines: the body keeps its bytes (no re-indenting). */
  multilineTemplate: boolean;
  /** The handler returned the reply on its error paths (Fastify): the controller returns it after answering. */
  answerReturns?: boolean;
  /** What stayed in the controller before the final try when the whole logic could not move (index.ts analyzeWhole). */
  keptBefore?: string;
  /** The controller's catch hands errors that are not domain errors to `next` (Walk.forwardsToNext). */
  forwardsToNext?: boolean;
  /** A promise chain's own catch callback (`.catch((err) => res.status(500)…)`), kept in the controller as written. */
  chainCatch?: { text: string; /** The same with `if (sendDomainError(res, err)) return` first. */ guarded: string; /** The handler returned the chain. */ returned: boolean; /** The chain had no catch: its failures stay unhandled. */ unhandled?: true };
  /**
   * The catch clause of the logic's tail try, which answered by itself (`catch (err) { res.status(500)… }`): the
   * controller wraps the service call and the success response in it, as written (`guarded`: domain errors first).
   */
  keptCatch?: { text: string; guarded: string };
  /** The callbacks' answer to their errors, the controller's reaction to a failed service call (ErrorAnswer). */
  errorAnswer?: ErrorAnswer;
  /** Domain errors thrown before the promise chain (a non-async service throws them synchronously): the controller catches them around the chain. */
  syncErrors?: boolean;
}

/** The response a handler writes on success, rebuilt by the controller around the service's result. */
export interface Success {
  /** Controller text of the response; `\u0000` marks where the service's result goes (no marker: no body). */
  template: string;
  /** The response needs the result outside its body too (`location(view.url())`): the controller names it. */
  varName?: string;
}

export const EXPRESS_CHAIN = new Set(['status', 'set', 'header', 'location', 'type', 'append', 'vary', 'cookie', 'clearCookie', 'links', 'attachment']);
// (`sendFile` and `download` answer with a file: the controller keeps them, like `redirect`, when their arguments are
// not values of the logic; the service returns nothing for them)
export const EXPRESS_TERMINAL = new Set(['json', 'jsonp', 'send', 'end', 'sendStatus', 'redirect', 'render', 'sendFile', 'download']);
export const FASTIFY_CHAIN = new Set(['code', 'status', 'header', 'headers', 'type', 'removeHeader']);
export const FASTIFY_TERMINAL = new Set(['send', 'redirect']);
export const STREAMING = new Set(['write', 'writeHead', 'pipe', 'sendFile', 'download', 'flushHeaders', 'setHeader', 'raw', 'hijack', 'stream']);
export const REQUEST_PARTS = new Set(['params', 'query', 'body', 'headers', 'cookies', 'signedCookies', 'user', 'method', 'path', 'url', 'originalUrl', 'baseUrl', 'ip', 'hostname', 'protocol']);
/**
 * Request properties the app's middleware sets (`req.profile`, express-jwt's `req.payload`), per project, from the
 * app model (src/app-model/request-properties.ts): read like a part, as a whole (`req.profile.toJSON()` calls the
 * method on the same object in the service).
 */
const appRequestProperties = new WeakMap<object, ReadonlySet<string>>();

export function setAppRequestProperties(project: object, names: Iterable<string>): void {
  appRequestProperties.set(project, new Set(names));
}

function isRequestPart(name: string, at: Node): boolean {
  return REQUEST_PARTS.has(name) || !!appRequestProperties.get(at.getSourceFile().getProject())?.has(name);
}

/** `req.socket` / `req.connection`: only their peer fields are request reads (strings fixed for the connection). */
export const SOCKET_PARTS = new Set(['socket', 'connection']);
export const PEER_FIELDS = new Set(['remoteAddress', 'remotePort', 'remoteFamily']);
export const PURE_GLOBALS = new Set(['parseInt', 'parseFloat', 'Number', 'String', 'Boolean', 'isNaN', 'isFinite', 'decodeURIComponent', 'encodeURIComponent', 'Array', 'Math', 'JSON', 'Date', 'Object']);

/** The controller helpers that replay a service result (generated code, never extracted again). */
export const REPLAY_HELPERS = new Set(['sendResult', 'applyResult', 'sendReply']);

/** The generated function that answers a domain error the way the handlers did (controllers call it in their catch). */
export const DOMAIN_ERROR_RESPONDER = 'sendDomainError';

export type Role = 'request' | 'response' | 'next' | 'context';

export interface Roles {
  request?: MorphSymbol;
  /** `({ query, params: p }: Request, res) => …`: each name destructured from the request → the request property it holds. */
  requestParts?: Map<MorphSymbol, string>;
  response?: MorphSymbol;
  next?: MorphSymbol;
  /** Koa's ctx: requests and responses in one. */
  context?: MorphSymbol;
}

export function paramSymbol(fn: HandlerFn, i: number): MorphSymbol | undefined {
  const p = fn.getParameters()[i];
  if (!p) return undefined;
  const nameNode = p.getNameNode();
  if (!Node.isIdentifier(nameNode)) throw new Unsafe('destructured-parameters', 'the handler destructures its parameters', p);
  return nameNode.getSymbol();
}

export function rolesOf(site: RouteSite): Roles {
  const { fn, framework } = site;
  if (framework === 'koa') return { context: paramSymbol(fn, 0), next: paramSymbol(fn, 1) };
  const first = fn.getParameters()[0];
  const requestParts = framework === 'express' && first && Node.isObjectBindingPattern(first.getNameNode()) ? destructuredRequest(fn, first) : undefined;
  const roles: Roles = { ...(requestParts ? { requestParts } : { request: paramSymbol(fn, 0) }), response: paramSymbol(fn, 1), next: paramSymbol(fn, 2) };
  if (fn.getParameters().length > 3) throw new Unsafe('error-middleware', 'four-parameter error middleware is not a route handler', fn);
  return roles;
}

/** The symbol an identifier refers to (the value, for shorthand properties). */
export function referenced(id: Identifier): MorphSymbol | undefined {
  const parent = id.getParent();
  if (Node.isShorthandPropertyAssignment(parent)) {
    return parent.getValueSymbol() ?? undefined;
  }
  return id.getSymbol();
}

/** Identifiers that are references to a binding (not property names, labels or declaration names). */
export function isReference(id: Identifier): boolean {
  const parent = id.getParent();
  if (!parent) return false;
  if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) return false;
  if (Node.isPropertyAssignment(parent) && parent.getNameNode() === id) return false;
  if ((Node.isMethodDeclaration(parent) || Node.isPropertyDeclaration(parent) || Node.isPropertySignature(parent) || Node.isGetAccessorDeclaration(parent) || Node.isSetAccessorDeclaration(parent)) && parent.getNameNode() === id) return false;
  if (Node.isBindingElement(parent) && parent.getPropertyNameNode() === id) return false;
  if (Node.isLabeledStatement(parent) || Node.isBreakStatement(parent) || Node.isContinueStatement(parent)) return false;
  if (Node.isQualifiedName(parent) && parent.getRight() === id) return false;
  if (Node.isImportSpecifier(parent) || Node.isExportSpecifier(parent)) return false;
  return true;
}

export function roleOf(sym: MorphSymbol | undefined, roles: Roles): Role | undefined {
  if (!sym) return undefined;
  if (sym === roles.request || roles.requestParts?.has(sym)) return 'request';
  if (sym === roles.response) return 'response';
  if (sym === roles.next) return 'next';
  if (sym === roles.context) return 'context';
  return undefined;
}

export const isFunctionLike = (n: Node) => Node.isArrowFunction(n) || Node.isFunctionExpression(n) || Node.isFunctionDeclaration(n) || Node.isMethodDeclaration(n) || Node.isConstructorDeclaration(n) || Node.isGetAccessorDeclaration(n) || Node.isSetAccessorDeclaration(n);

/** The nearest enclosing function of a node (or undefined at module level). */
export function enclosingFunction(n: Node): Node | undefined {
  for (let p = n.getParent(); p; p = p.getParent()) if (isFunctionLike(p)) return p;
  return undefined;
}

/** A response written as one expression: `res.status(400).json(x)` / `reply.code(400).send(x)`. */
export interface ResponseChain {
  root: Identifier;
  outer: CallExpression;
  methods: string[];
}

/** The expression a chain of calls and property reads starts from (`check` in `check('x').isEmail().run(req)`). */
export function chainRoot(e: Node): Node {
  while (Node.isPropertyAccessExpression(e) || Node.isCallExpression(e)) e = e.getExpression();
  return e;
}

export function responseChain(expr: Node, roles: Roles, framework: RouteSite['framework']): ResponseChain | undefined {
  if (!Node.isCallExpression(expr)) return undefined;
  const methods: string[] = [];
  let cur: Node = expr;
  while (Node.isCallExpression(cur)) {
    const callee = cur.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) return undefined;
    methods.unshift(callee.getName());
    cur = callee.getExpression();
  }
  if (!Node.isIdentifier(cur) || roleOf(referenced(cur), roles) !== 'response') return undefined;
  const chain = framework === 'fastify' ? FASTIFY_CHAIN : EXPRESS_CHAIN;
  const terminal = framework === 'fastify' ? FASTIFY_TERMINAL : EXPRESS_TERMINAL;
  const last = methods[methods.length - 1];
  if (!terminal.has(last) || !methods.slice(0, -1).every((m) => chain.has(m))) return undefined;
  return { root: cur, outer: expr, methods };
}

/** Is the request read `req.params.id` (or `ctx.params.id`, `ctx.request.body`) a plain read we can pass in? */
/**
 * `<socket>.remoteAddress` (`remotePort`, `remoteFamily`) read, not written or called, where `socket` is `req.socket`
 * / `req.connection` or a name destructured from the request (`part`).
 */
function peerRead(socket: Node, part?: string): { node: Node; name: string; alt: string; part?: string } | undefined {
  const peer = socket.getParent();
  if (!Node.isPropertyAccessExpression(peer) || peer.getExpression() !== socket || !PEER_FIELDS.has(peer.getName())) return undefined;
  const outer = peer.getParent();
  if ((Node.isBinaryExpression(outer) && outer.getLeft() === peer && isAssignment(outer.getOperatorToken().getText())) || Node.isDeleteExpression(outer) || (Node.isCallExpression(outer) && outer.getExpression() === peer)) return undefined;
  return { node: peer, name: peer.getName(), alt: 'peer' + peer.getName()[0].toUpperCase() + peer.getName().slice(1), ...(part ? { part } : {}) };
}

export function requestRead(id: Identifier, role: Role): { node: Node; name: string; alt: string; part?: string } | undefined {
  let node: Node = id;
  const parts: string[] = [];
  let parent = node.getParent();
  const destructured = role === 'request' ? destructuredPart(id) : undefined;
  if (role === 'context') {
    // ctx.request.body / ctx.params / ctx.query / ctx.headers
    if (!Node.isPropertyAccessExpression(parent) || parent.getExpression() !== node) return undefined;
    node = parent;
    let first = parent.getName();
    if (first === 'request') {
      parent = node.getParent();
      if (!Node.isPropertyAccessExpression(parent) || parent.getExpression() !== node) return undefined;
      node = parent;
      first = parent.getName();
    }
    if (!['params', 'query', 'body', 'headers', 'method', 'path', 'url', 'ip'].includes(first)) return undefined;
    parts.push(first);
  } else if (destructured !== undefined) {
    // `query` of `({ query }: Request, res)`: the name is the part (its declaration in the pattern is no read)
    if (Node.isBindingElement(parent)) return undefined;
    // `connection.remoteAddress` of `({ connection }: Request)`: the peer's address, as `req.connection.remoteAddress`
    if (SOCKET_PARTS.has(destructured)) return peerRead(node, destructured);
    if (!isRequestPart(destructured, id)) return undefined;
    parts.push(destructured);
  } else {
    if (!Node.isPropertyAccessExpression(parent) || parent.getExpression() !== node) return undefined;
    // `req.socket.remoteAddress`: the peer's address, a string read like `req.ip` (the socket itself is no read)
    if (SOCKET_PARTS.has(parent.getName())) return peerRead(parent);
    if (!isRequestPart(parent.getName(), id)) return undefined;
    node = parent;
    parts.push(parent.getName());
  }
  parent = node.getParent();
  if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === node && ['params', 'query', 'body', 'headers', 'cookies', 'signedCookies', 'user'].includes(parts[0])) {
    node = parent;
    parts.push(parent.getName());
  }
  // Writes (`req.body.x = 1`, `delete req.query.y`, `req.user.n++`) are not reads.
  // (through parentheses: `(req.loadUser)()` calls the method on the request all the same)
  // (and TypeScript's wrappers: `req.loadUser!()`, `(req.loadUser as Loader)()`, `(<any>req.loadUser)()`)
  let held: Node = node;
  let outer = node.getParent();
  while (isWrapper(outer)) {
    held = outer;
    outer = outer.getParent();
  }
  // (comparisons such as `req.body.role !== undefined` are reads)
  if (Node.isBinaryExpression(outer) && outer.getLeft() === held && isAssignment(outer.getOperatorToken().getText())) return undefined;
  if (Node.isDeleteExpression(outer) || Node.isPostfixUnaryExpression(outer) || (Node.isPrefixUnaryExpression(outer) && /\+\+|--/.test(outer.getText().slice(0, 2)))) return undefined;
  if (Node.isCallExpression(outer) && outer.getExpression() === held) return undefined; // req.get(...) or a method call on a read
  // a write further down (`delete req.query[key]`, `req.body.items[0] = x`) changes the request's own object too: the
  // service would write to the object passed in (and where the part is a getter, as Express 5's req.query, the
  // handler's write was lost on the next read while the service's stays)
  let top: Node = node;
  while ((Node.isPropertyAccessExpression(top.getParent()) || Node.isElementAccessExpression(top.getParent())) && (top.getParent() as import('ts-morph').PropertyAccessExpression).getExpression() === top) top = top.getParentOrThrow();
  const above = top.getParent();
  if (top !== node && ((Node.isBinaryExpression(above) && above.getLeft() === top && isAssignment(above.getOperatorToken().getText())) || Node.isDeleteExpression(above) || Node.isPostfixUnaryExpression(above) || (Node.isPrefixUnaryExpression(above) && /\+\+|--/.test(above.getText().slice(0, 2))))) return undefined;
  const last = parts[parts.length - 1];
  const suffix = { params: 'Param', query: 'Query', body: 'Body', headers: 'Header', cookies: 'Cookie', signedCookies: 'Cookie', user: 'User' } as Record<string, string>;
  const name = parts.length === 2 ? (/^[A-Za-z_$][\w$]*$/.test(last) ? last : parts[0] + 'Value') : destructured !== undefined ? id.getText() : parts[0];
  return { node, name, alt: parts.length === 2 ? name + suffix[parts[0]] : 'request' + parts[0][0].toUpperCase() + parts[0].slice(1), ...(destructured !== undefined && parts.length === 2 ? { part: id.getText() } : {}) };
}

/** The request property a name destructured from a handler's request parameter holds (`query`, `body` of `{ body: data }`). */
export function destructuredPart(id: Identifier): string | undefined {
  const decl = referenced(id)?.getDeclarations()[0];
  if (!decl || !Node.isBindingElement(decl)) return undefined;
  const pattern = decl.getParent();
  if (!Node.isObjectBindingPattern(pattern) || !Node.isParameterDeclaration(pattern.getParent())) return undefined;
  return bindingProperty(decl);
}

function bindingProperty(el: BindingElement): string | undefined {
  const prop = el.getPropertyNameNode();
  if (!prop) return el.getName();
  if (Node.isIdentifier(prop)) return prop.getText();
  if (Node.isStringLiteral(prop) || Node.isNoSubstitutionTemplateLiteral(prop)) return prop.getLiteralText();
  return undefined;
}

/**
 * The names an Express handler destructures from its request parameter (`({ query, params: p }: Request, res)`), each
 * with the request property it holds: the value the property had when the handler was called, so a read through it
 * (`query.email`) is a request read like `req.query.email`, passed in at the service call. Refused
 * (`destructured-parameters`) whatever does not read as a plain request property that way: a default value (of the
 * parameter or of a name: the name may hold something else than the request's), a rest element, a nested pattern, a
 * computed property name, a name the handler assigns.
 */
function destructuredRequest(fn: HandlerFn, param: ParameterDeclaration): Map<MorphSymbol, string> {
  const refuse = (why: string, at: Node): never => {
    throw new Unsafe('destructured-parameters', `the handler destructures its request parameter ${why}`, at);
  };
  if (param.hasInitializer()) refuse(`with a default value (\`${param.getText().slice(0, 60)}\`)`, param);
  const parts = new Map<MorphSymbol, string>();
  const names = new Map<MorphSymbol, string>();
  for (const el of (param.getNameNode() as ObjectBindingPattern).getElements()) {
    if (el.getDotDotDotToken()) refuse(`with a rest element (\`${el.getText()}\`)`, el);
    if (el.getInitializer()) refuse(`with a default value (\`${el.getText()}\`)`, el);
    const name = el.getNameNode();
    if (!Node.isIdentifier(name)) return refuse(`into a nested pattern (\`${el.getText().slice(0, 60)}\`)`, el);
    const part = bindingProperty(el);
    const sym = name.getSymbol();
    if (part === undefined || !sym) return refuse(`with a computed property name (\`${el.getText().slice(0, 60)}\`)`, el);
    parts.set(sym, part);
    names.set(sym, name.getText());
  }
  // a name the handler assigns no longer holds the request's value
  fn.forEachDescendant((d) => {
    if (!Node.isIdentifier(d) || !isReference(d)) return;
    const sym = referenced(d);
    if (sym && parts.has(sym) && isWriteTarget(d)) refuse(`and assigns \`${names.get(sym)}\` (\`${d.getParentOrThrow().getText().split('\n')[0].slice(0, 60)}\`)`, d);
  });
  return parts;
}

/** `x = …`, `x++`, `for (x of …)`, `[x] = …` / `({ x } = …)`: the identifier is written. */
export function isWriteTarget(ref: Node): boolean {
  const p = ref.getParent();
  if (!p) return false;
  if (Node.isPostfixUnaryExpression(p) || (Node.isPrefixUnaryExpression(p) && /^(\+\+|--)/.test(p.getText()))) return true;
  if ((Node.isForInStatement(p) || Node.isForOfStatement(p)) && p.getInitializer() === ref) return true;
  for (let c: Node = ref, q: Node | undefined = p; q; c = q, q = q.getParent()) {
    if (Node.isBinaryExpression(q)) return q.getLeft() === c && isAssignment(q.getOperatorToken().getText());
    if (!(Node.isArrayLiteralExpression(q) || Node.isObjectLiteralExpression(q) || Node.isShorthandPropertyAssignment(q) || Node.isPropertyAssignment(q) || Node.isSpreadElement(q) || Node.isSpreadAssignment(q))) return false;
    if (Node.isPropertyAssignment(q) && q.getInitializer() !== c) return false;
  }
  return false;
}

export const isAssignment = (op: string) => op.endsWith('=') && !['==', '===', '!=', '!==', '<=', '>='].includes(op);

/** Leading statements that only read the request (they stay in the controller). */
/** `console.log(...)` and the like as a statement of its own (no `await`, nothing assigned). */
export function isConsoleCall(stmt: Statement): boolean {
  if (!Node.isExpressionStatement(stmt)) return false;
  const e = stmt.getExpression();
  if (!Node.isCallExpression(e)) return false;
  const callee = e.getExpression();
  return Node.isPropertyAccessExpression(callee) && callee.getExpression().getText() === 'console' && !stmt.getDescendantsOfKind(SyntaxKind.AwaitExpression).length;
}

export function isRequestRead(stmt: Statement, roles: Roles, file: SourceFile): boolean {
  if (!Node.isVariableStatement(stmt)) return false;
  let readsRequest = false;
  let ok = true;
  stmt.forEachDescendant((n, traversal) => {
    if (!ok) return traversal.stop();
    if (isFunctionLike(n) || Node.isAwaitExpression(n) || Node.isYieldExpression(n) || Node.isNewExpression(n)) {
      ok = false;
      return;
    }
    if (Node.isIdentifier(n) && isReference(n)) {
      const role = roleOf(referenced(n), roles);
      if (role === 'response' || role === 'next') ok = false;
      if (role === 'request') readsRequest = true;
      if (role === 'context') {
        if (requestRead(n, 'context')) readsRequest = true;
        else ok = false;
      }
    }
    if (Node.isCallExpression(n)) {
      // Calls allowed in a request read: globals (parseInt), functions of this module (parseId) and methods
      // on values (String(x).split(',')), never module imports such as a database.
      const callee = n.getExpression();
      const rootOf = (e: Node): Node => (Node.isPropertyAccessExpression(e) ? rootOf(e.getExpression()) : Node.isCallExpression(e) ? rootOf(e.getExpression()) : e);
      const root = rootOf(callee);
      if (Node.isIdentifier(root)) {
        const sym = referenced(root);
        const role = roleOf(sym, roles);
        if (role) return;
        const decl = sym?.getDeclarations()[0];
        if (!decl) {
          if (!PURE_GLOBALS.has(root.getText())) ok = false;
          return;
        }
        if (decl.getSourceFile() !== file) {
          if (!PURE_GLOBALS.has(root.getText())) ok = false;
          return;
        }
        if (Node.isFunctionDeclaration(decl) && decl.getParent() === file) return;
        if (Node.isParameterDeclaration(decl) || Node.isVariableDeclaration(decl)) {
          // a local value (String(x).split) is fine when it is not a module import, nor a value of an enclosing
          // function (a router factory's `db`): those are dependencies of the logic
          const handler = enclosingFunction(stmt);
          if (handler && !decl.getFirstAncestor((a) => a === handler)) {
            const init = Node.isVariableDeclaration(decl) ? decl.getInitializer() : undefined;
            if (enclosingFunction(decl) && !(init && (Node.isFunctionExpression(init) || Node.isArrowFunction(init)))) {
              ok = false;
              return;
            }
          }
          const statement = decl.getFirstAncestorByKind(SyntaxKind.VariableStatement);
          if (statement && statement.getParent() === file) {
            const init = Node.isVariableDeclaration(decl) ? decl.getInitializer() : undefined;
            if (init && !Node.isFunctionExpression(init) && !Node.isArrowFunction(init)) ok = false;
          }
          return;
        }
        ok = false;
      }
    }
  });
  return ok && readsRequest;
}

export interface Walk {
  site: RouteSite;
  roles: Roles;
  edits: TextEdits;
  /** Statements to delete (a `return;` right after a response that became `return respond()...;`). */
  drop: Set<Node>;
  handled: Set<Node>;
  /** Functions whose results are the handler's responses: the region itself and result callbacks. */
  resultFns: Set<Node>;
  usesChain: boolean;
  errors: (ErrorShape & { at: Node })[];
  successes: SuccessExit[];
  /** `next()` may be a success exit (a guard that answers its failures); not in middleware that never answers (exit-rewrite.ts nextPassOn). */
  passOn?: boolean;
  /** The block the moved statements live in (handler body or the try block of a final try/catch). */
  regionContainer: Node;
  pending?: Unsafe;
  /** Statements turned into `return new Promise(...).then(cb)` (error-first callbacks). */
  converted: Set<Node>;
  /** Nodes the walk no longer looks at (removed `if (err) return next(err)`). */
  skipNodes: Set<Node>;
  /** Start of the moved text; insertions exactly there are kept in `prefix` (a slice leaves them out). */
  regionStart: number;
  prefix: string;
  /**
   * `next(new Error(…)); return` may become `throw new Error(…)` in the service: the controller hands every error that
   * is not a domain error to `next`: the handler's final catch forwards to next ('catch'), the handler is synchronous,
   * where Express turns a throw into `next(err)` ('sync'), it is async under Express 5, which hands a rejected handler
   * promise to next ('rejection'), or the option throwsToNext accepts that a throw outside the converted spot, an
   * unhandled rejection before, reaches next too ('forward'), or it is async and registered through express-async-handler,
   * which hands its rejections to next ('wrapper': the controller's rethrow gets there the same way). Set by analyze.ts;
   * `nextThrows` counts the conversions.
   */
  nextMayThrow?: 'catch' | 'sync' | 'rejection' | 'forward' | 'inert' | 'wrapper';
  nextThrows?: number;
  /** Why nextMayThrow is unset, when the reason is not the usual one (an async Express 4 handler). */
  nextWhy?: string;
  /**
   * A conversion relied on nextMayThrow 'forward' (option throwsToNext, an async Express 4 handler): the controller
   * wraps the service call in a catch that hands every error that is not a domain error to `next`.
   */
  forwardsToNext?: boolean;
  /** How error exits left the handler: returned (`return reply.code(404).send()`) or as a statement. */
  errorVia?: Set<'return' | 'statement'>;
  /** 'inert': where the tail try starts; request parts read before it must not be missing (analyze.ts missingPartsRead). */
  inputsBefore?: number;
  /** The logic's tail try whose catch answers by itself: unwrapped in the service, its catch kept by the controller. */
  keptTry?: Node;
  /** `if (err) { … } else { <rest> }` of a converted callback → the rest (the walk visits it in place of the if). */
  restOf?: Map<Node, Statement[]>;
  /** Ranges of the moved text that stay in the controller (an error answer kept as its reaction). */
  keepRanges?: [number, number][];
  /** The error answer of the converted callbacks (callbacks.ts keepErrorAnswer): the controller's failure reaction. */
  errorAnswer?: ErrorAnswer;
  /** A converted callback handed its error to next (no callback of the chain may then answer it). */
  forwardsErrorFirst?: boolean;
}

/** A callback's answer to its error, kept as the controller's reaction: `function (<param>) { <lines> }`. */
export interface ErrorAnswer {
  param: string;
  /** Statements as written; lines after a statement's first keep their indentation relative to it. */
  lines: string[];
  /** How the chain ends so that a throw in the reactions stays uncaught (epilogue.ts rethrowOutside). */
  rethrow?: 'process.nextTick' | 'queueMicrotask';
}

export function insertAt(w: Walk, at: number, text: string): void {
  if (at === w.regionStart) w.prefix += text;
  else w.edits.insert(at, text);
}

/**
 * An identifier that names a member rather than a binding: `x.Name`, `{ Name: v }`, a method or property declaration,
 * the property a binding pattern or an aliased import reads.
 */
export function isMemberName(id: Node): boolean {
  const parent = id.getParent();
  if (!parent) return false;
  if (Node.isPropertyAccessExpression(parent)) return parent.getNameNode() === id;
  // (`const { sendDomainError: legacySend } = …`, `import { ValidationError as AppError }`: the name read, not bound)
  if (Node.isBindingElement(parent)) return parent.getPropertyNameNode() === id;
  if (Node.isImportSpecifier(parent)) return !!parent.getAliasNode() && parent.getNameNode() === id;
  if (Node.isPropertyAssignment(parent) || Node.isMethodDeclaration(parent) || Node.isPropertyDeclaration(parent) || Node.isGetAccessorDeclaration(parent) || Node.isSetAccessorDeclaration(parent) || Node.isPropertySignature(parent) || Node.isMethodSignature(parent)) return parent.getNameNode() === id;
  return false;
}
