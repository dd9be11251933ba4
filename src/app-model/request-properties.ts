/**
 * Request properties the app itself sets: `req.profile = user` in a `router.param` callback, `req.article = article`
 * in a loader middleware, `userProperty: 'payload'` handed to express-jwt. A handler that reads such a property reads
 * data a middleware put there before it ran, like `req.body`; the transforms may pass it in as an input. Anything of
 * Express's or Node's own request API, or of the usual session and login middleware, is never one of them.
 */
import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import { locOf } from './resolve.js';
import type { Loc } from './types.js';

/** Members of the request that are API (methods, getters, connections) or HTTP state, not data a middleware set. */
const REQUEST_API = new Set([
  // express
  'app', 'res', 'next', 'route', 'baseUrl', 'body', 'cookies', 'signedCookies', 'fresh', 'stale', 'host', 'hostname', 'ip', 'ips', 'method',
  'originalUrl', 'params', 'path', 'protocol', 'query', 'secure', 'subdomains', 'xhr', 'accepts', 'acceptsCharsets', 'acceptsEncodings',
  'acceptsLanguages', 'get', 'header', 'is', 'param', 'range',
  // node's IncomingMessage
  'headers', 'headersDistinct', 'url', 'socket', 'connection', 'httpVersion', 'httpVersionMajor', 'httpVersionMinor', 'rawHeaders', 'trailers',
  'trailersDistinct', 'rawTrailers', 'complete', 'aborted', 'statusCode', 'statusMessage', 'client', 'readable', 'destroyed', 'setTimeout',
  'destroy', 'pipe', 'on', 'once', 'emit', 'read', 'resume', 'pause',
  // sessions, login, flash messages, translations: HTTP state that stays in the controller
  'session', 'sessionID', 'sessionStore', 'user', 'authInfo', 'login', 'logIn', 'logout', 'logOut', 'isAuthenticated', 'isUnauthenticated',
  'flash', '_passport', '__', '__n', 'i18n', 't', 'locale', 'language',
]);

/** Option keys that name the request property a package's middleware sets (express-jwt). */
const PROPERTY_OPTIONS = new Set(['userProperty', 'requestProperty']);

/** Whether `id` names the first parameter of its function, called like a request (`req`, `request`, or typed `Request`). */
function isRequestParameter(id: Node): boolean {
  const decl = id.getSymbol()?.getDeclarations()[0];
  if (!decl || !Node.isParameterDeclaration(decl)) return false;
  const fn = decl.getParent();
  if (!fn || (fn as { getParameters?: () => unknown[] }).getParameters?.()[0] !== decl) return false;
  const type = decl.getTypeNode()?.getText() ?? '';
  return /^req(uest)?$/i.test(decl.getName()) || /(^|\.)(Request|IncomingMessage)(<|$)/.test(type);
}

/** The innermost function `n` is in. */
function ownerOf(n: Node): Node | undefined {
  return n.getFirstAncestor((a) => Node.isArrowFunction(a) || Node.isFunctionExpression(a) || Node.isFunctionDeclaration(a) || Node.isMethodDeclaration(a) || Node.isConstructorDeclaration(a) || Node.isGetAccessorDeclaration(a) || Node.isSetAccessorDeclaration(a));
}

/** A call of a middleware's `next` (by that name, or the third parameter of a function). */
function isNextCall(c: Node): boolean {
  if (!Node.isCallExpression(c)) return false;
  const callee = c.getExpression();
  if (!Node.isIdentifier(callee)) return false;
  if (callee.getText() === 'next') return true;
  const decl = callee.getSymbol()?.getDeclarations()[0];
  return !!decl && Node.isParameterDeclaration(decl) && (decl.getParent() as { getParameters?: () => Node[] }).getParameters?.()[2] === decl;
}

/**
 * Whether the assignment hands on after it, in its own function: `req.article = article; return next()`, so that
 * the handler that runs next finds the value there and nothing of this middleware changes it afterwards. Not so a
 * value set after `next()` or in a callback that never hands on (a timer's `req.cancelled = true`): the handler may
 * read it when it has changed, which a service given it at its call would not see.
 */
function setBeforeNext(assignment: Node): boolean {
  const fn = ownerOf(assignment);
  if (!fn) return false;
  const calls = fn.getDescendants().filter((c) => isNextCall(c) && ownerOf(c) === fn);
  // (a next() before it, even on some paths only, may have handed on already: `if (fast) next(); req.tag = …`)
  return calls.some((c) => c.getStart() >= assignment.getEnd()) && !calls.some((c) => c.getEnd() <= assignment.getStart());
}

/**
 * The request properties the given files set, each with the first place that sets it; only those every assignment
 * of the app sets before handing on (setBeforeNext), so that a handler reads what a middleware put there before it ran.
 */
export function findRequestProperties(files: SourceFile[]): Map<string, Loc> {
  const found = new Map<string, Loc>();
  const late = new Set<string>();
  const add = (name: string, at: Node) => {
    if (!REQUEST_API.has(name) && !found.has(name)) found.set(name, locOf(at));
  };
  for (const sf of files) {
    // (a cheap test first: most files set nothing on a request)
    const text = sf.getFullText();
    const assigns = /\breq(uest)?\.[\w$]+\s*=[^=]/i.test(text) || /:\s*Request\b/.test(text);
    const options = /\b(userProperty|requestProperty)\s*:/.test(text);
    if (!assigns && !options) continue;
    if (assigns) {
      for (const b of sf.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
        if (b.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
        const left = b.getLeft();
        if (!Node.isPropertyAccessExpression(left)) continue;
        const obj = left.getExpression();
        if (!Node.isIdentifier(obj) || !isRequestParameter(obj)) continue;
        add(left.getName(), b);
        if (!setBeforeNext(b)) late.add(left.getName());
      }
    }
    if (options) {
      for (const p of sf.getDescendantsOfKind(SyntaxKind.PropertyAssignment)) {
        const init = p.getInitializer();
        if (PROPERTY_OPTIONS.has(p.getName()) && init && Node.isStringLiteral(init) && /^[A-Za-z_$][\w$]*$/.test(init.getLiteralValue())) add(init.getLiteralValue(), p);
      }
    }
  }
  for (const name of late) found.delete(name);
  return found;
}
