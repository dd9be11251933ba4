import {
  Node,
  SyntaxKind,
  type Block,
  type CallExpression,
  type Expression,
  type Identifier,
  type SourceFile,
  type Statement,
  type Symbol as MorphSymbol,
} from 'ts-morph';
import { TextEdits } from '../../src/text-edits.js';
import { ERROR_KINDS, type ErrorShape } from './exits.js';
import type { HandlerFn, RouteSite } from './routes.js';

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
  assigned: boolean;
  declKind: 'var' | 'let' | 'const';
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
}

/** The response a handler writes on success, rebuilt by the controller around the service's result. */
export interface Success {
  /** Controller text of the response; `\u0000` marks where the service's result goes (no marker: no body). */
  template: string;
  /** The response needs the result outside its body too (`location(view.url())`): the controller names it. */
  varName?: string;
}

const EXPRESS_CHAIN = new Set(['status', 'set', 'header', 'location', 'type', 'append', 'vary', 'cookie', 'clearCookie', 'links', 'attachment']);
const EXPRESS_TERMINAL = new Set(['json', 'jsonp', 'send', 'end', 'sendStatus', 'redirect', 'render']);
const FASTIFY_CHAIN = new Set(['code', 'status', 'header', 'headers', 'type', 'removeHeader']);
const FASTIFY_TERMINAL = new Set(['send', 'redirect']);
const STREAMING = new Set(['write', 'writeHead', 'pipe', 'sendFile', 'download', 'flushHeaders', 'setHeader', 'raw', 'hijack', 'stream']);
const REQUEST_PARTS = new Set(['params', 'query', 'body', 'headers', 'cookies', 'signedCookies', 'user', 'method', 'path', 'url', 'originalUrl', 'baseUrl', 'ip', 'hostname', 'protocol']);
const PURE_GLOBALS = new Set(['parseInt', 'parseFloat', 'Number', 'String', 'Boolean', 'isNaN', 'isFinite', 'decodeURIComponent', 'encodeURIComponent', 'Array', 'Math', 'JSON', 'Date', 'Object']);

/** The controller helpers that replay a service result (generated code, never extracted again). */
export const REPLAY_HELPERS = new Set(['sendResult', 'applyResult', 'sendReply']);

/** The generated function that answers a domain error the way the handlers did (controllers call it in their catch). */
export const DOMAIN_ERROR_RESPONDER = 'sendDomainError';

type Role = 'request' | 'response' | 'next' | 'context';

interface Roles {
  request?: MorphSymbol;
  response?: MorphSymbol;
  next?: MorphSymbol;
  /** Koa's ctx: requests and responses in one. */
  context?: MorphSymbol;
}

function paramSymbol(fn: HandlerFn, i: number): MorphSymbol | undefined {
  const p = fn.getParameters()[i];
  if (!p) return undefined;
  const nameNode = p.getNameNode();
  if (!Node.isIdentifier(nameNode)) throw new Unsafe('destructured-parameters', 'the handler destructures its parameters', p);
  return nameNode.getSymbol();
}

function rolesOf(site: RouteSite): Roles {
  const { fn, framework } = site;
  if (framework === 'koa') return { context: paramSymbol(fn, 0), next: paramSymbol(fn, 1) };
  const roles: Roles = { request: paramSymbol(fn, 0), response: paramSymbol(fn, 1), next: paramSymbol(fn, 2) };
  if (fn.getParameters().length > 3) throw new Unsafe('error-middleware', 'four-parameter error middleware is not a route handler', fn);
  return roles;
}

/** The symbol an identifier refers to (the value, for shorthand properties). */
function referenced(id: Identifier): MorphSymbol | undefined {
  const parent = id.getParent();
  if (Node.isShorthandPropertyAssignment(parent)) {
    return parent.getValueSymbol() ?? undefined;
  }
  return id.getSymbol();
}

/** Identifiers that are references to a binding (not property names, labels or declaration names). */
function isReference(id: Identifier): boolean {
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

function roleOf(sym: MorphSymbol | undefined, roles: Roles): Role | undefined {
  if (!sym) return undefined;
  if (sym === roles.request) return 'request';
  if (sym === roles.response) return 'response';
  if (sym === roles.next) return 'next';
  if (sym === roles.context) return 'context';
  return undefined;
}

const isFunctionLike = (n: Node) => Node.isArrowFunction(n) || Node.isFunctionExpression(n) || Node.isFunctionDeclaration(n) || Node.isMethodDeclaration(n) || Node.isConstructorDeclaration(n) || Node.isGetAccessorDeclaration(n) || Node.isSetAccessorDeclaration(n);

/** The nearest enclosing function of a node (or undefined at module level). */
function enclosingFunction(n: Node): Node | undefined {
  for (let p = n.getParent(); p; p = p.getParent()) if (isFunctionLike(p)) return p;
  return undefined;
}

/** A response written as one expression: `res.status(400).json(x)` / `reply.code(400).send(x)`. */
interface ResponseChain {
  root: Identifier;
  outer: CallExpression;
  methods: string[];
}

function responseChain(expr: Node, roles: Roles, framework: RouteSite['framework']): ResponseChain | undefined {
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
function requestRead(id: Identifier, role: Role): { node: Node; name: string; alt: string } | undefined {
  let node: Node = id;
  const parts: string[] = [];
  let parent = node.getParent();
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
  } else {
    if (!Node.isPropertyAccessExpression(parent) || parent.getExpression() !== node) return undefined;
    if (!REQUEST_PARTS.has(parent.getName())) return undefined;
    node = parent;
    parts.push(parent.getName());
  }
  parent = node.getParent();
  if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === node && ['params', 'query', 'body', 'headers', 'cookies', 'signedCookies', 'user'].includes(parts[0])) {
    node = parent;
    parts.push(parent.getName());
  }
  // Writes (`req.body.x = 1`, `delete req.query.y`, `req.user.n++`) are not reads.
  const outer = node.getParent();
  // (comparisons such as `req.body.role !== undefined` are reads)
  if (Node.isBinaryExpression(outer) && outer.getLeft() === node && isAssignment(outer.getOperatorToken().getText())) return undefined;
  if (Node.isDeleteExpression(outer) || Node.isPostfixUnaryExpression(outer) || (Node.isPrefixUnaryExpression(outer) && /\+\+|--/.test(outer.getText().slice(0, 2)))) return undefined;
  if (Node.isCallExpression(outer) && outer.getExpression() === node) return undefined; // req.get(...) or a method call on a read
  const last = parts[parts.length - 1];
  const suffix = { params: 'Param', query: 'Query', body: 'Body', headers: 'Header', cookies: 'Cookie', signedCookies: 'Cookie', user: 'User' } as Record<string, string>;
  const name = parts.length === 2 ? (/^[A-Za-z_$][\w$]*$/.test(last) ? last : parts[0] + 'Value') : parts[0];
  return { node, name, alt: parts.length === 2 ? name + suffix[parts[0]] : 'request' + parts[0][0].toUpperCase() + parts[0].slice(1) };
}

const isAssignment = (op: string) => op.endsWith('=') && !['==', '===', '!=', '!==', '<=', '>='].includes(op);

/** Leading statements that only read the request (they stay in the controller). */
/** `console.log(...)` and the like as a statement of its own (no `await`, nothing assigned). */
function isConsoleCall(stmt: Statement): boolean {
  if (!Node.isExpressionStatement(stmt)) return false;
  const e = stmt.getExpression();
  if (!Node.isCallExpression(e)) return false;
  const callee = e.getExpression();
  return Node.isPropertyAccessExpression(callee) && callee.getExpression().getText() === 'console' && !stmt.getDescendantsOfKind(SyntaxKind.AwaitExpression).length;
}

function isRequestRead(stmt: Statement, roles: Roles, file: SourceFile): boolean {
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
          // a local value (String(x).split) is fine when it is not a module import
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

interface Walk {
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
}

function insertAt(w: Walk, at: number, text: string): void {
  if (at === w.regionStart) w.prefix += text;
  else w.edits.insert(at, text);
}

interface SuccessExit {
  chain: ResponseChain;
  /** The argument that is the body (returned by the service), if any. */
  body?: Node;
  /** The response without the body, as compared between exits: methods and their other arguments. */
  key: string;
}

interface ChainCall {
  name: string;
  call: CallExpression;
}

function chainCalls(chain: ResponseChain): ChainCall[] {
  const out: ChainCall[] = [];
  let cur: Node = chain.outer;
  while (Node.isCallExpression(cur)) {
    const callee = cur.getExpression() as import('ts-morph').PropertyAccessExpression;
    out.unshift({ name: callee.getName(), call: cur });
    cur = callee.getExpression();
  }
  return out;
}

const isStringTyped = (n: Node) => {
  const t = n.getType();
  return t.isString() || t.isStringLiteral() || t.isTemplateLiteral?.() || (t.isUnion() && t.getUnionTypes().every((u) => u.isString() || u.isStringLiteral()));
};

/**
 * One response of the logic, rewritten for the service: an error status becomes `throw new XError(message, details)`,
 * the success response becomes `return body` (the controller writes it). `stmt` is the statement holding it.
 */
function writeExit(w: Walk, chain: ResponseChain, stmt: Statement, via: 'return' | 'statement' | 'expression', tail: 'tail' | 'before-return' | undefined): void {
  const { edits } = w;
  const calls = chainCalls(chain);
  const names = calls.map((c) => c.name);
  const terminal = calls[calls.length - 1];
  let status: number | undefined;
  for (const c of calls) {
    if (c.name !== 'status' && c.name !== 'code' && c.name !== 'sendStatus') continue;
    const arg = c.call.getArguments()[0];
    if (!arg || !Node.isNumericLiteral(arg)) throw new Unsafe('dynamic-status', 'the status of a response is computed by the logic', c.call);
    status = Number(arg.getLiteralValue());
  }
  w.handled.add(chain.root);
  const outerStart = chain.outer.getStart();
  const outerEnd = chain.outer.getEnd();
  const args = terminal.call.getArguments();
  if (status !== undefined && status >= 400) {
    const known = ERROR_KINDS[status];
    if (!known) throw new Unsafe('unmapped-error-status', `no domain error stands for status ${status}`, chain.outer);
    if (names.some((n, i) => i < names.length - 1 && n !== 'status' && n !== 'code')) {
      throw new Unsafe('error-response-headers', 'an error response sets headers or other options besides its status', chain.outer);
    }
    const shape: ErrorShape = { kind: known.kind, status, form: 'end', details: false };
    let newText: string | undefined;
    if (terminal.name === 'sendStatus' || (terminal.name === 'end' && !args.length)) {
      shape.form = terminal.name === 'sendStatus' ? 'status' : 'end';
      if (args.length > 1 || (terminal.name === 'end' && args.length)) throw new Unsafe('error-body-shape', 'the error response has an unusual form', chain.outer);
      newText = `new ${known.kind}()`;
      edits.replace(outerStart, outerEnd, newText);
    } else if (['json', 'send', 'jsonp'].includes(terminal.name) && args.length === 1) {
      const body = args[0];
      shape.method = terminal.name;
      if (Node.isObjectLiteralExpression(body)) {
        shape.form = 'object';
        const props = body.getProperties();
        for (const prop of props) {
          if (!(Node.isPropertyAssignment(prop) || Node.isShorthandPropertyAssignment(prop)) || (Node.isPropertyAssignment(prop) && !(Node.isIdentifier(prop.getNameNode()) || Node.isStringLiteral(prop.getNameNode())))) {
            throw new Unsafe('error-body-shape', 'the error body has spread or computed properties', prop);
          }
        }
        const first = props[0] as import('ts-morph').PropertyAssignment | import('ts-morph').ShorthandPropertyAssignment | undefined;
        const firstName = first ? (Node.isPropertyAssignment(first) ? first.getNameNode().getText().replace(/^['"]|['"]$/g, '') : first.getName()) : '';
        const firstValue = first ? (Node.isPropertyAssignment(first) ? first.getInitializerOrThrow() : first.getNameNode()) : undefined;
        const details = firstValue && ['error', 'message', 'msg'].includes(firstName) && isStringTyped(firstValue) ? props.slice(1) : props;
        if (details !== props) {
          shape.messageKey = firstName;
          if (Node.isShorthandPropertyAssignment(first)) {
            throw new Unsafe('error-body-shape', 'the error message is a shorthand property', first);
          }
          edits.replace(outerStart, firstValue!.getStart(), `new ${known.kind}(`);
          if (details.length) {
            shape.details = true;
            edits.replace(firstValue!.getEnd(), details[0].getStart(), ', { ');
            edits.replace(details[details.length - 1].getEnd(), outerEnd, ' })');
          } else {
            edits.replace(firstValue!.getEnd(), outerEnd, ')');
          }
        } else if (props.length) {
          shape.details = true;
          edits.replace(outerStart, props[0].getStart(), `new ${known.kind}(undefined, { `);
          edits.replace(props[props.length - 1].getEnd(), outerEnd, ' })');
        } else {
          edits.replace(outerStart, outerEnd, `new ${known.kind}()`);
        }
      } else if (terminal.name === 'send' && isStringTyped(body)) {
        shape.form = 'text';
        edits.replace(outerStart, body.getStart(), `new ${known.kind}(`);
        edits.replace(body.getEnd(), outerEnd, ')');
      } else {
        throw new Unsafe('error-body-shape', 'the error body is not an object literal or a string', body);
      }
    } else {
      throw new Unsafe('error-body-shape', `an error response written with .${terminal.name}()`, chain.outer);
    }
    if (via === 'expression') throw new Unsafe('response-in-callback', 'an error response is the value of an arrow callback', chain.outer);
    w.errors.push({ ...shape, at: chain.outer });
    if (via === 'return') edits.replace(stmt.getStart(), stmt.getStart() + 'return'.length, 'throw');
    else {
      insertAt(w, stmt.getStart(), 'throw ');
      if (tail === 'before-return') w.drop.add(nextStatement(stmt)!);
    }
    return;
  }
  // success
  if (!EXPRESS_TERMINAL.has(terminal.name) || terminal.name === 'render' && args.length !== 2) {
    throw new Unsafe('success-response-shape', `the success response is written with .${terminal.name}()`, chain.outer);
  }
  let body: Node | undefined;
  if (['json', 'send', 'jsonp'].includes(terminal.name)) {
    if (args.length > 1) throw new Unsafe('success-response-shape', 'the success response passes a status and a body to one call', chain.outer);
    body = args[0];
  } else if (terminal.name === 'end') {
    if (args.length > 1) throw new Unsafe('streaming-response', 'the response is ended with an encoding or callback', chain.outer);
    body = args[0];
  } else if (terminal.name === 'render') body = args[1];
  const keyParts = calls.map((c) => `${c.name}(${c.call.getArguments().map((a) => (a === body ? '\u0000' : a.getText())).join(', ')})`);
  w.successes.push({ chain, body, key: keyParts.join('.') });
  if (body) {
    edits.remove(outerStart, body.getStart());
    edits.remove(body.getEnd(), outerEnd);
    if (via === 'statement') {
      insertAt(w, stmt.getStart(), 'return ');
      if (tail === 'before-return') w.drop.add(nextStatement(stmt)!);
    }
  } else if (via === 'expression') {
    edits.replace(outerStart, outerEnd, 'undefined');
  } else if (via === 'return') {
    edits.remove(stmt.getStart() + 'return'.length, outerEnd);
  } else {
    const parent = stmt.getParent();
    const list = Node.isBlock(parent) ? parent.getStatements() : [];
    const lastOfFn = list[list.length - 1] === stmt && (parent === w.regionContainer || w.resultFns.has(parent!.getParent()!));
    if (lastOfFn && tail === 'tail') {
      const text = stmt.getSourceFile().getFullText();
      const lineStart = text.lastIndexOf('\n', stmt.getStart() - 1);
      const onlyOnLine = /^[ \t]*$/.test(text.slice(lineStart + 1, stmt.getStart()));
      if (onlyOnLine && list.length > 1) edits.remove(lineStart, stmt.getEnd());
      else edits.replace(stmt.getStart(), outerEnd, 'return');
    } else {
      edits.replace(stmt.getStart(), outerEnd, 'return');
      if (tail === 'before-return') w.drop.add(nextStatement(stmt)!);
    }
  }
}

function assignedIn(region: Statement[], sym: MorphSymbol): boolean {
  return region.some((r) =>
    r.getDescendantsOfKind(SyntaxKind.Identifier).some((id) => {
      if (id.getSymbol() !== sym) return false;
      const p = id.getParent();
      if (Node.isBinaryExpression(p) && p.getLeft() === id && /^[^=!<>]*=$/.test(p.getOperatorToken().getText())) return true;
      return Node.isPostfixUnaryExpression(p) || (Node.isPrefixUnaryExpression(p) && /^(\+\+|--)/.test(p.getText()));
    }),
  );
}

function nextStatement(stmt: Statement): Statement | undefined {
  const parent = stmt.getParent();
  if (!Node.isBlock(parent)) return undefined;
  const list = parent.getStatements();
  return list[list.indexOf(stmt) + 1];
}

/** Does every path through these statements end in a return or throw (nothing falls off the end)? */
function terminates(stmts: Statement[], isResponse: (s: Statement) => boolean): boolean {
  const last = stmts[stmts.length - 1];
  if (!last) return false;
  if (Node.isReturnStatement(last) || Node.isThrowStatement(last) || isResponse(last)) return true;
  if (Node.isBlock(last)) return terminates(last.getStatements(), isResponse);
  if (Node.isIfStatement(last)) {
    const other = last.getElseStatement();
    const branch = (s: Statement) => (Node.isBlock(s) ? terminates(s.getStatements(), isResponse) : terminates([s], isResponse));
    return !!other && branch(last.getThenStatement()) && branch(other);
  }
  return false;
}

/** Is `stmt` the last thing run in result function `fn` (region root `root` when it is the handler itself)? */
function tailOf(stmt: Node, fn: Node, root: Node): 'tail' | 'before-return' | undefined {
  let cur: Node = stmt;
  let first = true;
  let beforeReturn = false;
  for (;;) {
    const parent = cur.getParent();
    if (!parent) return undefined;
    if (Node.isBlock(parent) || Node.isSourceFile(parent)) {
      const list = parent.getStatements();
      const i = list.indexOf(cur as Statement);
      if (i < list.length - 1) {
        const after = list[i + 1];
        if (first && Node.isReturnStatement(after) && !after.getExpression()) beforeReturn = true;
        else return undefined;
      }
      if (parent === root || parent === (fn as HandlerFn).getBody?.()) return beforeReturn ? 'before-return' : 'tail';
      cur = parent;
    } else if (Node.isIfStatement(parent)) {
      cur = parent;
    } else {
      return undefined;
    }
    first = false;
    if (beforeReturn) {
      // the response is followed by `return;` in its own block: leaving the function right there
      return insideTry(stmt, root) ? undefined : 'before-return';
    }
  }
}

function insideTry(n: Node, fn: Node): boolean {
  for (let p = n.getParent(); p && p !== fn; p = p.getParent()) {
    if (Node.isTryStatement(p) || Node.isCatchClause(p)) return true;
  }
  return false;
}

/**
 * A statement calling an error-first API with a callback as last argument, the callback forwarding its error to
 * `next` first: `db.removeUser(id, function (err, removed) { if (err) return next(err); ... })`.
 */
interface ErrorFirstTail {
  stmt: Statement;
  call: CallExpression;
  cb: import('ts-morph').ArrowFunction | import('ts-morph').FunctionExpression;
  errStmt: Statement;
}

function errorFirstTail(stmt: Statement | undefined, roles: Roles): ErrorFirstTail | undefined {
  if (!stmt || !Node.isExpressionStatement(stmt)) return undefined;
  const call = stmt.getExpression();
  if (!Node.isCallExpression(call)) return undefined;
  const args = call.getArguments();
  const cb = args[args.length - 1];
  if (!cb || !(Node.isArrowFunction(cb) || Node.isFunctionExpression(cb)) || cb.isAsync()) return undefined;
  if (Node.isFunctionExpression(cb) && cb.isGenerator()) return undefined;
  const body = cb.getBody();
  if (!Node.isBlock(body)) return undefined;
  const params = cb.getParameters();
  if (params.length < 1 || params.length > 2 || params.some((p) => !Node.isIdentifier(p.getNameNode()) || p.isRestParameter() || p.hasInitializer())) return undefined;
  const errName = params[0].getName();
  const first = body.getStatements()[0];
  if (!first || !Node.isIfStatement(first) || first.getElseStatement() || first.getExpression().getText() !== errName) return undefined;
  let then: Node = first.getThenStatement();
  if (Node.isBlock(then)) {
    if (then.getStatements().length !== 1) return undefined;
    then = then.getStatements()[0];
  }
  const forwarded = Node.isReturnStatement(then) ? then.getExpression() : Node.isExpressionStatement(then) ? then.getExpression() : undefined;
  if (!forwarded || !Node.isCallExpression(forwarded) || forwarded.getArguments().length !== 1 || forwarded.getArguments()[0].getText() !== errName) return undefined;
  const callee = forwarded.getExpression();
  if (!Node.isIdentifier(callee) || roleOf(referenced(callee), roles) !== 'next') return undefined;
  if (!Node.isReturnStatement(then) && body.getStatements().length > 1) return undefined; // `if (err) next(err);` falls through
  // the error is used only there; the callee is not the response or the request
  const errSym = params[0].getNameNode().getSymbol();
  const uses = body.getDescendantsOfKind(SyntaxKind.Identifier).filter((i) => i.getSymbol() === errSym && isReference(i));
  if (uses.length !== 2) return undefined;
  if (mentionsRole(call.getExpression(), roles) || args.slice(0, -1).some((a) => mentionsResponse(a, roles))) return undefined;
  return { stmt, call, cb, errStmt: first };
}

/**
 * Whether the rest of an error-first callback can throw. An exception there was uncaught before (thrown from the
 * API's callback: the process fails); inside a promise it would reach the controller's catch and answer 500, so
 * only callbacks that cannot throw are turned into promises: no calls but the responses, no property reads except
 * on the response, no `new`, no loops.
 */
function callbackMayThrow(t: ErrorFirstTail, roles: Roles): Node | undefined {
  const body = t.cb.getBody() as Block;
  for (const st of body.getStatements().slice(1)) {
    let bad: Node | undefined;
    st.forEachDescendant((d, tr) => {
      if (bad) return tr.stop();
      if (Node.isCallExpression(d)) {
        let root: Node = d;
        while (Node.isCallExpression(root) || Node.isPropertyAccessExpression(root)) root = Node.isCallExpression(root) ? root.getExpression() : root.getExpression();
        if (Node.isIdentifier(root) && roleOf(referenced(root), roles) === 'response') {
          // the response chain itself is fine; what it is given must not throw either
          tr.skip();
          for (let c: Node = d; Node.isCallExpression(c); c = (c.getExpression() as import('ts-morph').PropertyAccessExpression).getExpression()) {
            for (const a of c.getArguments()) {
              if ([a, ...a.getDescendants()].some((x) => Node.isCallExpression(x) || Node.isPropertyAccessExpression(x) || Node.isElementAccessExpression(x) || Node.isNewExpression(x) || isFunctionLike(x))) bad ??= a;
            }
            if (!Node.isPropertyAccessExpression(c.getExpression())) break;
          }
          return;
        }
        bad = d;
      } else if (Node.isPropertyAccessExpression(d) || Node.isElementAccessExpression(d) || Node.isNewExpression(d) || Node.isForStatement(d) || Node.isForOfStatement(d) || Node.isForInStatement(d) || Node.isWhileStatement(d) || Node.isDoStatement(d) || Node.isThrowStatement(d) || isFunctionLike(d)) {
        bad = d;
      }
    });
    if (bad) return bad;
  }
  return undefined;
}

/**
 * Makes an error-first call the service's promise: `return new Promise(function (resolve, reject) { api(args,
 * function (error, value) { if (error) reject(error); else resolve(value); }); }).then(<callback without err>)`.
 * A callback called once with the error first settles the promise exactly when the handler's callback ran; the
 * error takes the path the callback gave it (`next(err)`), now from the controller's catch.
 */
function promisifyTail(w: Walk, t: ErrorFirstTail): void {
  const { edits } = w;
  const risky = callbackMayThrow(t, w.roles);
  if (risky) throw new Unsafe('error-first-callback', 'the error-first callback does more than answer (an exception there is uncaught today, it would become a 500 inside a promise)', risky);
  const file = t.stmt.getSourceFile();
  const text = file.getFullText();
  const taken = new Set(w.site.fn.getDescendantsOfKind(SyntaxKind.Identifier).filter(isReference).map((i) => i.getText()));
  for (const n of ['resolve', 'reject', 'error', 'value']) if (taken.has(n)) throw new Unsafe('error-first-callback', `the error-first callback cannot be turned into a promise here (\`${n}\` is taken)`, t.call);
  const arrow = Node.isArrowFunction(t.cb);
  const semi = /;\s*$/.test(t.stmt.getText()) ? ';' : '';
  insertAt(w, t.stmt.getStart(), 'return ');
  insertAt(w, t.call.getStart(), arrow ? 'new Promise((resolve, reject) => ' : 'new Promise(function (resolve, reject) { ');
  edits.insert(t.cb.getStart(), (arrow ? '(error, value) => (error ? reject(error) : resolve(value)))' : `function (error, value) { if (error) reject(error)${semi || ';'} else resolve(value)${semi || ';'} })${semi || ';'} }`) + ').then(');
  const params = t.cb.getParameters();
  if (params.length === 2) edits.remove(params[0].getStart(), params[1].getStart());
  else edits.remove(params[0].getStart(), params[0].getEnd());
  // the `if (err) return next(err)` line goes
  const ls = lineStartOf(text, t.errStmt.getStart());
  const onlyOnLine = /^[ \t]*$/.test(text.slice(ls, t.errStmt.getStart()));
  edits.remove(onlyOnLine && ls > 0 ? ls - 1 - (text[ls - 2] === '\r' ? 1 : 0) : t.errStmt.getStart(), t.errStmt.getEnd());
  t.errStmt.forEachDescendant((d) => {
    if (Node.isIdentifier(d)) w.handled.add(d);
  });
  w.skipNodes.add(t.errStmt);
  w.converted.add(t.stmt);
  w.usesChain = true;
}

/** A promise chain ending in `.catch(next)`: `db.find(id).then(function (user) { ... }).catch(next)`. */
function promiseChainTail(expr: Expression, roles: Roles): { thens: CallExpression[]; catchCall: CallExpression } | undefined {
  if (!Node.isCallExpression(expr)) return undefined;
  const callee = expr.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'catch') return undefined;
  const args = expr.getArguments();
  if (args.length !== 1 || !Node.isIdentifier(args[0]) || roleOf(referenced(args[0] as Identifier), roles) !== 'next') return undefined;
  const thens: CallExpression[] = [];
  let cur: Node = callee.getExpression();
  while (Node.isCallExpression(cur)) {
    const c = cur.getExpression();
    if (!Node.isPropertyAccessExpression(c) || c.getName() !== 'then' || cur.getArguments().length !== 1) break;
    thens.unshift(cur);
    cur = c.getExpression();
  }
  if (!thens.length) return undefined;
  return { thens, catchCall: expr };
}

/** The result callback of a chain (its last `.then`), checked to be a function. */
function resultCallback(thenCall: CallExpression): HandlerFn | undefined {
  const cb = thenCall.getArguments()[0];
  return Node.isArrowFunction(cb) || Node.isFunctionExpression(cb) ? cb : undefined;
}

/**
 * Checks and rewrites one result function: every response is in tail position and becomes `return respond()...`,
 * every other `return` carries no value (or returns a nested chain whose last callback is itself a result function).
 */
function rewriteResultFunction(w: Walk, fn: Node, root: Node, isHandler: boolean, skip?: Node): void {
  w.resultFns.add(fn);
  const { roles, site } = w;
  const body = Node.isBlock(root) ? root : (fn as HandlerFn).getBody();
  // Expression-bodied arrow callback: `(user) => res.json(user)`.
  if (body && !Node.isBlock(body)) {
    const chain = responseChain(body, roles, site.framework);
    if (!chain) return;
    writeExit(w, chain, body as unknown as Statement, 'expression', 'tail');
    return;
  }
  const statementsOf = (n: Node): Statement[] => (Node.isBlock(n) ? n.getStatements() : []);
  const isResponse = (s: Statement) => w.converted.has(s) || (Node.isExpressionStatement(s) && !!responseChain(s.getExpression(), roles, site.framework));
  const visit = (n: Node) => {
    if (n !== fn && isFunctionLike(n)) return; // nested functions are checked by their own rules
    if (n === skip || w.skipNodes.has(n)) return;
    if (!isHandler && site.framework === 'express' && Node.isExpressionStatement(n) && enclosingFunction(n) === fn && !w.converted.has(n)) {
      const list = Node.isBlock(n.getParent()) ? (n.getParent() as Block).getStatements() : [];
      const inner = list[list.length - 1] === n && n.getParent() === body ? errorFirstTail(n, roles) : undefined;
      if (inner && !insideTry(n, root)) {
        promisifyTail(w, inner);
        rewriteResultFunction(w, inner.cb, inner.cb, false);
        n.getExpression().forEachChild(function visitOuter(c) { if (c !== inner.cb) visit(c); });
        return;
      }
    }
    if (w.converted.has(n)) return;
    if (Node.isReturnStatement(n) && enclosingFunction(n) === fn) {
      const e = n.getExpression();
      if (!e) {
        if (w.drop.has(n)) return;
        throw new Unsafe('path-without-response', 'a path of the logic returns without answering the request', n);
      }
      const chain = responseChain(e, roles, site.framework);
      if (chain) {
        if (insideTry(n, root)) throw new Unsafe('response-inside-try', 'a response is written inside a try block of the logic', n);
        writeExit(w, chain, n, 'return', 'tail');
        return;
      }
      // `return other.then(function (x) { ... res.json(x) })`: the nested chain's value is the result.
      if (Node.isCallExpression(e)) {
        const c = e.getExpression();
        if (Node.isPropertyAccessExpression(c) && c.getName() === 'then' && e.getArguments().length === 1) {
          const cb = resultCallback(e);
          if (cb && mentionsResponse(cb, roles)) {
            rewriteResultFunction(w, cb, cb, false);
            n.getExpression()!.forEachChild(function visitOuter(c) { if (c !== cb) visit(c); });
            return;
          }
        }
      }
      if (site.framework === 'fastify' && isHandler && site.fn.isAsync()) {
        throw new Unsafe('framework-not-supported', 'Fastify handlers are not extracted into HTTP-free services yet', n);
      }
      if (mentionsRole(e, roles)) throw new Unsafe('response-not-in-tail', 'a returned value uses the response', n);
      throw new Unsafe('returns-value', 'the handler returns a value that is not a response', n);
    }
    if (Node.isExpressionStatement(n) && enclosingFunction(n) === fn) {
      const chain = responseChain(n.getExpression(), roles, site.framework);
      if (chain) {
        const tail = tailOf(n, fn, root);
        if (!tail || insideTry(n, root)) throw new Unsafe('response-not-in-tail', 'a response is not the last thing the handler does on its path', n);
        writeExit(w, chain, n, 'statement', tail);
        return;
      }
    }
    n.forEachChild(visit);
  };
  for (const s of statementsOf(body!)) visit(s);
  if (!(isHandler && skip) && !terminates(statementsOf(body!), isResponse)) {
    // reported after the other checks: a response written in a callback explains this better
    w.pending ??= new Unsafe('path-without-response', 'a path of the logic ends without answering the request', fn);
  }
}

function mentionsRole(n: Node, roles: Roles): boolean {
  let found = false;
  const check = (d: Node) => {
    if (Node.isIdentifier(d) && isReference(d) && roleOf(referenced(d), roles)) found = true;
  };
  check(n);
  n.forEachDescendant((d, t) => {
    if (found) return t.stop();
    check(d);
  });
  return found;
}

function mentionsResponse(n: Node, roles: Roles): boolean {
  let found = false;
  n.forEachDescendant((d, t) => {
    if (found) return t.stop();
    if (Node.isIdentifier(d) && isReference(d)) {
      const r = roleOf(referenced(d), roles);
      if (r === 'response' || r === 'context' || r === 'next') found = true;
    }
  });
  return found;
}

/** Reasons for a use of the response object that is not a tail response. */
function responseMisuse(id: Identifier, w: Walk): Unsafe {
  const parent = id.getParent();
  if (Node.isPropertyAccessExpression(parent)) {
    const name = parent.getName();
    if (name === 'locals') return new Unsafe('res-locals', '`res.locals` is used by the logic', id);
    if (STREAMING.has(name)) return new Unsafe('streaming-response', `the response is streamed or written piecemeal (${name})`, id);
  }
  if (Node.isCallExpression(parent) && parent.getArguments().includes(id)) return new Unsafe('res-passed-to-helper', 'the response object is passed to another function', id);
  const fn = enclosingFunction(id);
  if (fn && !w.resultFns.has(fn) && fn !== w.site.fn) return new Unsafe('response-in-callback', 'a response is written inside a callback', id);
  return new Unsafe('response-not-in-tail', 'the response is used in a way that cannot be moved out of the handler', id);
}

/** Analyses one handler and plans its extraction; throws Unsafe when it must be left alone. */
export function analyzeHandler(site: RouteSite): Omit<Extraction, 'inputs'> & { inputs: Input[] } {
  const roles = rolesOf(site);
  const file = site.file;
  if (!(roles.response ?? roles.context)) {
    throw new Unsafe('no-type-info', 'the module is not part of a checked program here (a JavaScript file in a project without allowJs?)', site.fn);
  }
  if (site.framework !== 'express') {
    throw new Unsafe('framework-not-supported', `${site.framework === 'koa' ? 'Koa' : 'Fastify'} handlers are not extracted into HTTP-free services yet`, site.fn);
  }
  const body = site.fn.getBody();
  if (!body || !Node.isBlock(body)) throw new Unsafe('expression-body', 'the handler is a single expression', site.fn);
  if (!Node.isArrowFunction(site.fn) && site.fn.isGenerator()) throw new Unsafe('generator-handler', 'generator handlers are left alone', site.fn);

  // 1. Request reads at the top stay in the controller; so does a final try/catch around the logic.
  let statements = body.getStatements();
  let k = 0;
  while (k < statements.length && isRequestRead(statements[k], roles, file)) k++;
  // Logging before a final try/catch (`console.log('HIT /remove', req.body); try { ... }`) stays in the handler too,
  // unchanged and in its place, so the try/catch is still recognised as the handler's error path.
  let m = k;
  while (m < statements.length - 1 && (isRequestRead(statements[m], roles, file) || isConsoleCall(statements[m]))) m++;
  if (m > k && m === statements.length - 1 && Node.isTryStatement(statements[m])) k = m;
  let region = statements.slice(k);
  let container: Node = body;
  let catchClause: Node | undefined;
  if (region.length === 1 && Node.isTryStatement(region[0]) && region[0].getCatchClause() && !region[0].getFinallyBlock()) {
    const tryBlock = region[0].getTryBlock();
    catchClause = region[0].getCatchClause();
    statements = tryBlock.getStatements();
    let j = 0;
    while (j < statements.length && isRequestRead(statements[j], roles, file)) j++;
    region = statements.slice(j);
    container = tryBlock;
  }
  if (!region.length) throw new Unsafe('no-logic', 'the handler only reads the request', site.fn);

  // 2. Thin handlers (one call, typically already a service call) are left as they are.
  // (a log line beside the single call does not make the handler fat: `console.log('hit'); res.send('Welcome')`)
  // (also `const result = await usersService.createUser(input); res.status(201).json(result)`: one call, one response)
  const meaningful = region.filter((s) => !isConsoleCall(s));
  if (meaningful.length >= 1) {
    const isThenCallback = (d: Node) => {
      const p = d.getParent();
      return Node.isCallExpression(p) && /\.(then|catch)$/.test(p.getExpression().getText());
    };
    const calls = meaningful.flatMap((m) => [...(Node.isCallExpression(m) ? [m] : []), ...m.getDescendantsOfKind(SyntaxKind.CallExpression)]).filter((c) => {
      const callee = c.getExpression().getText();
      if (REPLAY_HELPERS.has(callee) || /\.(then|catch)$/.test(callee)) return false;
      return !responseChain(c, roles, site.framework) && !isChainLink(c, roles, site.framework);
    });
    const controlFlow = meaningful.flatMap((m) => [m, ...m.getDescendants()]).some((d) => Node.isIfStatement(d) || Node.isForStatement(d) || Node.isWhileStatement(d) || Node.isSwitchStatement(d) || (isFunctionLike(d) && !isThenCallback(d)));
    if (calls.length <= 1 && !controlFlow) throw new Unsafe('already-thin', 'the handler is already thin (at most one call besides the response)', site.fn);
  }

  const start = Math.min(...leadingCommentStart(region[0]));
  const end = region[region.length - 1].getEnd();
  const edits = new TextEdits(file.getFullText());
  const w: Walk = { site, roles, edits, drop: new Set(), handled: new Set(), resultFns: new Set(), usesChain: false, errors: [], successes: [], regionContainer: container, converted: new Set(), skipNodes: new Set(), regionStart: start, prefix: '' };
  if (region.some((r) => r.getDescendantsOfKind(SyntaxKind.Identifier).some((i) => i.getText() === DOMAIN_ERROR_RESPONDER))) {
    throw new Unsafe('already-thin', 'the handler already calls a service and answers its domain errors', site.fn);
  }

  // 3. A final promise chain ending in .catch(next): the service returns the chain, the controller keeps .catch(next).
  const last = region[region.length - 1];
  const lastExpr = Node.isExpressionStatement(last) ? last.getExpression() : Node.isReturnStatement(last) ? last.getExpression() : undefined;
  const chain = lastExpr && site.framework === 'express' ? promiseChainTail(lastExpr, roles) : undefined;
  if (chain) {
    const thens = chain.thens;
    for (const t of thens.slice(0, -1)) {
      if (mentionsResponse(t.getArguments()[0], roles)) throw new Unsafe('response-in-callback', 'a response is written in a .then callback that is not the last one', t);
    }
    const cb = resultCallback(thens[thens.length - 1]);
    if (!cb) throw new Unsafe('response-in-callback', 'the last .then callback is not a function', thens[thens.length - 1]);
    w.usesChain = true;
    // drop `.catch(next)` and make the chain the service's result
    const catchCallee = chain.catchCall.getExpression() as import('ts-morph').PropertyAccessExpression;
    edits.remove(catchCallee.getExpression().getEnd(), chain.catchCall.getEnd());
    if (Node.isExpressionStatement(last)) insertAt(w, last.getStart(), 'return ');
    rewriteResultFunction(w, cb, cb, false);
  }
  const errorFirst = !chain && site.framework === 'express' ? errorFirstTail(last, roles) : undefined;
  if (errorFirst) {
    promisifyTail(w, errorFirst);
    rewriteResultFunction(w, errorFirst.cb, errorFirst.cb, false);
  }
  rewriteResultFunction(w, site.fn, container, true, chain ? last : errorFirst ? last : undefined);
  if (chain) {
    // the chain statement itself: only the callbacks before the result callback are plain logic
    last.forEachDescendant((d, t) => {
      if (isFunctionLike(d)) return t.skip();
    });
  }
  if (!chain && !errorFirst && !w.handled.size) throw new Unsafe('no-response-in-logic', 'no response is written by the logic', site.fn);

  // 4. Every other mention of req/res/next/ctx inside the region must be a plain request read (passed in).
  const inputs: Input[] = [];
  const inputByKey = new Map<string, Input>();
  const regionNodes = (cb: (n: Node) => void) => {
    for (const s of region) {
      cb(s);
      s.forEachDescendant(cb);
    }
  };
  const handlerScope = site.fn;
  const usedNames = new Set<string>();
  site.fn.forEachDescendant((d) => {
    if (Node.isIdentifier(d) && isReference(d)) usedNames.add(d.getText());
  });
  const deps = new Set<Statement>();
  const depNames = new Set<string>();
  const declaredInRegion = new Set<MorphSymbol>();
  let usesAwait = false;
  regionNodes((n) => {
    if (Node.isAwaitExpression(n) && enclosingFunction(n) === site.fn) usesAwait = true;
    if (n.getKind() === SyntaxKind.ThisKeyword || (Node.isIdentifier(n) && n.getText() === 'arguments' && isReference(n))) {
      const owner = thisOwner(n);
      if (!owner || owner.getStart() < start || owner.getEnd() > end) throw new Unsafe('uses-this', `the logic uses \`${n.getText()}\``, n);
    }
    if (Node.isVariableDeclaration(n) || Node.isFunctionDeclaration(n) || Node.isClassDeclaration(n) || Node.isParameterDeclaration(n) || Node.isBindingElement(n)) {
      const nameNode = (n as any).getNameNode?.();
      if (nameNode && Node.isIdentifier(nameNode)) {
        const sym = nameNode.getSymbol();
        if (sym) declaredInRegion.add(sym);
      }
    }
  });
  // 4a. The success response stays in the controller around the service's result; what it needs besides the body
  // must be available there (request reads, module names, handler variables the logic does not change).
  const keep: [number, number][] = [];
  let success: Success | undefined;
  if (w.successes.length) {
    const first = w.successes[0];
    const other = w.successes.find((x) => x.key !== first.key);
    if (other) throw new Unsafe('varying-success-response', 'the success responses differ in status, headers or form', other.chain.outer);
    const locals = new Set<string>();
    for (const x of w.successes) {
      for (const c of chainCalls(x.chain)) {
        for (const a of c.call.getArguments()) {
          if (a === x.body) continue;
          keep.push([a.getStart(), a.getEnd()]);
          for (const id of [a, ...a.getDescendants()]) {
            if (!Node.isIdentifier(id) || !isReference(id)) continue;
            const sym = referenced(id);
            const role = roleOf(sym, roles);
            if (role === 'response' || role === 'next') throw new Unsafe('response-not-in-tail', 'the success response uses the response object in its arguments', id);
            if (!sym) continue;
            if (declaredInRegion.has(sym)) locals.add(id.getText());
            else if (sym.getDeclarations().some((d) => d.getFirstAncestor((p) => p === site.fn)) && assignedIn(region, sym)) {
              throw new Unsafe('success-response-uses-changed-input', `the success response uses \`${id.getText()}\`, which the logic changes`, id);
            }
          }
        }
      }
    }
    const text = file.getFullText();
    const [from, to] = [first.chain.outer.getStart(), first.chain.outer.getEnd()];
    if (locals.size) {
      if (w.successes.length > 1 || locals.size > 1 || !first.body || !Node.isIdentifier(first.body) || !locals.has(first.body.getText())) {
        throw new Unsafe('success-response-needs-logic-values', 'the success response (status, headers) uses values the logic computes besides its body', first.chain.outer);
      }
      success = { template: text.slice(from, to), varName: first.body.getText() };
    } else {
      success = { template: first.body ? text.slice(from, first.body.getStart()) + '\u0000' + text.slice(first.body.getEnd(), to) : text.slice(from, to) };
    }
  }
  const inKeep = (n: Node) => keep.some(([a, b]) => n.getStart() >= a && n.getEnd() <= b);

  regionNodes((n) => {
    if (!Node.isIdentifier(n) || !isReference(n) || w.handled.has(n)) return;
    if (inKeep(n)) return;
    if (w.drop.has(n.getParentOrThrow())) return;
    const sym = referenced(n);
    const role = roleOf(sym, roles);
    if (role === 'response') throw responseMisuse(n, w);
    if (role === 'next') {
      if (chain && n.getParent() === chain.catchCall) return;
      const owner = enclosingFunction(n);
      if (owner && owner !== site.fn && !w.resultFns.has(owner)) throw new Unsafe('response-in-callback', 'the response (or next) is written inside a callback', n);
      throw new Unsafe('next-in-logic', 'the logic calls `next` itself', n);
    }
    if (role === 'request' || role === 'context') {
      const read = requestRead(n, role);
      if (!read) {
        const parent = n.getParent();
        if (role === 'request' && Node.isPropertyAccessExpression(parent) && parent.getName() === 'session') throw new Unsafe('session-mutation', 'the logic uses the session', n);
        if (role === 'context') {
          if (Node.isPropertyAccessExpression(parent) && parent.getName() === 'throw') throw new Unsafe('ctx-throw', 'the logic answers with ctx.throw', n);
          if (Node.isPropertyAccessExpression(parent) && parent.getName() === 'state') throw new Unsafe('session-mutation', 'the logic uses ctx.state', n);
          throw new Unsafe('response-not-in-tail', 'the logic uses the context in a way that cannot be moved', n);
        }
        throw new Unsafe('request-in-logic', 'the logic uses the request object beyond plain reads', n);
      }
      const key = read.node.getText();
      let input = inputByKey.get(key);
      if (!input) {
        let name = read.name;
        const alt = read.alt;
        if (usedNames.has(name) || inputs.some((i) => i.name === name)) name = !usedNames.has(alt) ? alt : name;
        for (let i = 2; usedNames.has(name) || inputs.some((x) => x.name === name); i++) name = `${read.name}${i}`;
        input = { name, expr: key, typeNode: read.node, assigned: false, declKind: 'const' };
        inputByKey.set(key, input);
        inputs.push(input);
      }
      edits.replace(read.node.getStart(), read.node.getEnd(), input.name);
      return;
    }
    if (!sym || declaredInRegion.has(sym)) return;
    const decls = sym.getDeclarations();
    if (!decls.length) return; // globals
    const decl = decls[0];
    if (decl.getSourceFile() !== file) return; // ambient or other files (never a local of this handler)
    // declared in the handler but outside the region: an input
    if (decl.getFirstAncestor((a) => a === handlerScope) || decl === handlerScope) {
      if (Node.isFunctionDeclaration(decl)) throw new Unsafe('handler-local-function', 'the logic calls a function declared in the handler', n);
      const v = Node.isVariableDeclaration(decl) ? decl : decl.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
      const init = v?.getInitializer();
      if (init && (Node.isArrowFunction(init) || Node.isFunctionExpression(init))) throw new Unsafe('handler-local-function', 'the logic calls a function declared in the handler', n);
      if (Node.isParameterDeclaration(decl)) throw new Unsafe('request-in-logic', 'the logic uses a handler parameter', n);
      const name = n.getText();
      let input = inputByKey.get('$' + name);
      if (!input) {
        const stmt = decl.getFirstAncestorByKind(SyntaxKind.VariableStatement);
        const kind = stmt ? (stmt.getDeclarationKind() as 'var' | 'let' | 'const') : 'const';
        const annotation = v?.getTypeNode()?.getText();
        if (v?.getTypeNode()) {
          // types named in the annotation (a DTO) come along like any other module-level dependency
          v.getTypeNode()!.forEachDescendant((d) => {
            if (!Node.isIdentifier(d)) return;
            const td = d.getSymbol()?.getDeclarations()[0];
            if (!td || td.getSourceFile() !== file) return;
            const top = topLevelStatement(td);
            if (top) {
              deps.add(top);
              depNames.add(d.getText());
            }
          });
        }
        input = { name, expr: name, typeNode: Node.isBindingElement(decl) ? decl.getNameNode() : (v?.getNameNode() ?? n), assigned: false, declKind: kind, ...(annotation && v?.getNameNode().getText() === name ? { annotation } : {}) };
        inputByKey.set('$' + name, input);
        inputs.push(input);
      }
      const parent = n.getParent();
      if ((Node.isBinaryExpression(parent) && parent.getLeft() === n && parent.getOperatorToken().getText().endsWith('=') && !['==', '===', '!=', '!==', '<=', '>='].includes(parent.getOperatorToken().getText())) || Node.isPostfixUnaryExpression(parent) || (Node.isPrefixUnaryExpression(parent) && /^(\+\+|--)/.test(parent.getText()))) {
        input.assigned = true;
      }
      return;
    }
    // module level
    const stmt = topLevelStatement(decl);
    if (!stmt) throw new Unsafe('closure-state', 'the logic uses a variable of an enclosing function', n);
    deps.add(stmt);
    depNames.add(n.getText());
  });

  if (w.pending) throw w.pending;

  // 4b. Request reads in the logic are passed in, i.e. read before the logic runs. That is the same value only when
  // nothing can write to that part of the request in between: the logic cannot write to the request itself (refused
  // above), so the only way is an alias of the whole part (`const body = req.body`, `save(req.body)`).
  const hoistedParts = new Set(inputs.filter((i) => i.expr.split('.').length === 3).map((i) => i.expr.split('.').slice(0, 2).join('.')));
  if (hoistedParts.size) {
    site.fn.forEachDescendant((d) => {
      if (!Node.isIdentifier(d) || !isReference(d)) return;
      const role = roleOf(referenced(d), roles);
      if (role !== 'request' && role !== 'context') return;
      const read = requestRead(d, role);
      if (!read || !hoistedParts.has(read.node.getText())) return;
      const p = read.node.getParent();
      // a property read of the part (`req.body.name`) or a destructuring without rest copies values, not the object
      if (Node.isPropertyAccessExpression(p) && p.getExpression() === read.node) return;
      if (Node.isVariableDeclaration(p) && p.getInitializer() === read.node) {
        const name = p.getNameNode();
        if (Node.isObjectBindingPattern(name) && !name.getElements().some((el) => el.getDotDotDotToken())) return;
      }
      throw new Unsafe('request-read-aliased', `\`${read.node.getText()}\` is used as a whole, so a field of it read by the logic may change before the logic reads it`, read.node);
    });
  }

  // 5. Names declared in the region must not be used by what stays (the catch clause, the reads).
  for (const sym of declaredInRegion) {
    for (const decl of sym.getDeclarations()) {
      const nameNode = (decl as any).getNameNode?.();
      if (!nameNode || !Node.isIdentifier(nameNode)) continue;
      for (const ref of nameNode.findReferencesAsNodes()) {
        if (ref.getSourceFile() !== file) continue;
        const pos = ref.getStart();
        if (pos < start || pos >= end) throw new Unsafe('shared-local', `\`${nameNode.getText()}\` is used both by the logic and by code that stays in the handler`, ref);
      }
    }
  }
  if (catchClause) void catchClause;

  // Type errors the checker already reports inside the logic would show up as new ones in the service module.
  const existing = file.getPreEmitDiagnostics().find((d) => {
    const at = d.getStart();
    return at !== undefined && at >= start && at < end;
  });
  if (existing) {
    const message = existing.getMessageText();
    throw new Unsafe('type-errors-in-logic', `the logic has a type error already (${(typeof message === 'string' ? message : message.getMessageText()).slice(0, 80)})`, site.fn);
  }
  for (const d of w.drop) {
    const prev = d.getPreviousSibling();
    edits.remove(prev ? prev.getEnd() : d.getStart(), d.getEnd());
  }
  const bodyText = w.prefix + edits.slice(start, end);
  const async = usesAwait || w.usesChain;
  const call = w.usesChain ? 'then' : usesAwait ? 'await' : 'sync';
  if (call === 'then' && site.fn.isAsync()) {
    // an async handler with a promise chain: awaiting the service keeps errors on the same path (.catch(next))
  }
  inputs.sort((a, b) => a.typeNode.getStart() - b.typeNode.getStart());
  const multilineTemplate = region.some((r) => r.getDescendants().some((d) => (Node.isTemplateExpression(d) || Node.isNoSubstitutionTemplateLiteral(d)) && d.getText().includes('\n')));
  let catchInsert: Extraction['catchInsert'];
  if (catchClause && Node.isCatchClause(catchClause)) {
    const variable = catchClause.getVariableDeclaration()?.getNameNode();
    if (!variable || !Node.isIdentifier(variable)) throw new Unsafe('catch-without-variable', 'the final catch clause does not name the error', catchClause);
    const block = catchClause.getBlock();
    const firstInCatch = block.getStatements()[0];
    const text = file.getFullText();
    catchInsert = { at: block.getStart() + 1, variable: variable.getText(), indent: firstInCatch ? indentAt(text, firstInCatch.getStart()) : indentAt(text, catchClause.getStart()) + '  ' };
  }
  return { site, start, end, inputs, body: bodyText, async, call, deps, depNames, indent: indentAt(file.getFullText(), region[0].getStart()), multilineTemplate, errors: w.errors, ...(success ? { success } : {}), ...(catchInsert ? { catchInsert } : {}), keep };
}

/** Calls that are inner links of a response chain (`res.status(400)` inside `res.status(400).json()`). */
function isChainLink(c: CallExpression, roles: Roles, framework: RouteSite['framework']): boolean {
  for (let p: Node | undefined = c.getParent(); p; p = p.getParent()) {
    if (Node.isCallExpression(p) && responseChain(p, roles, framework)) return true;
    if (!Node.isPropertyAccessExpression(p) && !Node.isCallExpression(p)) return false;
  }
  return false;
}

function thisOwner(n: Node): Node | undefined {
  for (let p = n.getParent(); p; p = p.getParent()) {
    if (isFunctionLike(p) && !Node.isArrowFunction(p)) return p;
  }
  return undefined;
}

function leadingCommentStart(stmt: Statement): number[] {
  const ranges = stmt.getLeadingCommentRanges();
  return [stmt.getStart(), ...ranges.map((r) => r.getPos())];
}

export function topLevelStatement(n: Node): Statement | undefined {
  let cur: Node = n;
  for (;;) {
    const parent = cur.getParent();
    if (!parent) return undefined;
    if (Node.isSourceFile(parent)) return cur as Statement;
    if (cur !== n && isFunctionLike(cur)) return undefined;
    if (Node.isBlock(parent) || Node.isModuleBlock(parent)) return undefined;
    cur = parent;
  }
}

export function indentAt(text: string, offset: number): string {
  const ls = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(ls))![0];
}

export function lineStartOf(text: string, offset: number): number {
  const i = text.lastIndexOf('\n', offset - 1);
  return i + 1;
}

export function lineEndOf(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i === -1 ? text.length : i + 1;
}
