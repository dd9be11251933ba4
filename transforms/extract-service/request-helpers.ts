/**
 * Phase 2c: calls in the logic that hand the whole request to a helper of the project
 * (`security.isDeluxe(req)`, `security.authenticatedUsers.from(req)`, `verifyPreLoginChallenges(req)`).
 *
 * The service cannot hold the request, and the value cannot be computed up front either: the helper may read state
 * that the logic changes, may throw, and may run several times or not at all. So the call itself stays in the
 * controller, bound to the request: the service gets a function (`isDeluxe: () => security.isDeluxe(req)`) and
 * calls it exactly where and as often as the logic called the helper, with the logic's other arguments. Same helper,
 * same request object, same time, same `this`.
 *
 * The request reads of the logic are still read at the service call, so this is only sound when the helper cannot
 * change the request: it is a function of the project whose request parameter (or the names destructured from it)
 * is only ever read, at any depth of property access, also inside its own closures; handed on only to helpers proven
 * the same way; never stored, returned, spread or passed to anything else; no method called on it but string-like
 * reads. Anything else names why (`request-in-logic`).
 */
import { Node, SyntaxKind, type CallExpression, type Identifier, type ParameterDeclaration, type SourceFile } from 'ts-morph';
import { resolveFunction } from '../../src/app-model/resolve.js';
import { Unsafe, type Input, type Walk, isAssignment, isReference, referenced, roleOf } from './handler-model.js';

/** Methods that read a string (or an array) and change nothing, callable on a value read from the request. */
const READ_METHODS = new Set([
  'at', 'charAt', 'charCodeAt', 'codePointAt', 'concat', 'endsWith', 'includes', 'indexOf', 'lastIndexOf', 'localeCompare',
  'match', 'matchAll', 'normalize', 'padEnd', 'padStart', 'repeat', 'replace', 'replaceAll', 'search', 'slice', 'split',
  'startsWith', 'substr', 'substring', 'toLocaleLowerCase', 'toLocaleUpperCase', 'toLowerCase', 'toString', 'toUpperCase',
  'trim', 'trimEnd', 'trimStart', 'valueOf',
]);
/** Express's own request methods that only read headers. */
const REQUEST_READ_METHODS = new Set(['get', 'header', 'is', 'accepts', 'acceptsCharsets', 'acceptsEncodings', 'acceptsLanguages']);
/**
 * Express's (and Node's) request properties whose value is a string or boolean by definition (`req.protocol` is
 * 'http', 'https' or the forwarded protocol): handing one on cannot hand on a part of the request.
 */
const REQUEST_PRIMITIVES = new Set(['protocol', 'secure', 'ip', 'hostname', 'host', 'path', 'originalUrl', 'url', 'method', 'xhr', 'fresh', 'stale', 'baseUrl', 'httpVersion']);
/** Helper names too generic to name the input alone (`authenticatedUsers.from` → `authenticatedUsersFrom`). */
const GENERIC = new Set(['from', 'get', 'of', 'for', 'by', 'run', 'call', 'exec', 'apply', 'check', 'read', 'find']);
const MAX_DEPTH = 4;

type Fn = NonNullable<ReturnType<typeof resolveFunction>['node']>;

/** Why `fn`'s parameter at `index` may change (or let something change) the object passed there; undefined: it only reads. */
export function requestParamUse(fn: Fn, index: number, depth = 0, seen = new Set<Node>()): string | undefined {
  const name = fnName(fn);
  if (seen.has(fn)) return undefined; // recursion: the other visit decides
  if (depth > MAX_DEPTH) return `\`${name}\` hands the request on too deeply to follow`;
  seen.add(fn);
  const sf = fn.getSourceFile();
  if (sf.isDeclarationFile() || sf.isInNodeModules()) return `\`${name}\` is not a function of the project`;
  if (!fn.getBody()) return `\`${name}\` has no body here`;
  const params = fn.getParameters();
  const param = params[index];
  if (!param) return `\`${name}\` does not declare the parameter the request is passed to (it may read it through \`arguments\`)`;
  if (param.getDotDotDotToken()) return `\`${name}\` takes the request in a rest parameter`;
  if (fn.getDescendantsOfKind(SyntaxKind.Identifier).some((i) => i.getText() === 'arguments' && isReference(i))) return `\`${name}\` reads \`arguments\``;
  for (const id of boundNames(param)) {
    const why = onlyRead(id, fn, depth, seen);
    if (why) return why;
  }
  return undefined;
}

/** The names a parameter binds (`req`, or `headers` of `{ headers }`); nested patterns: every leaf. */
function boundNames(param: ParameterDeclaration): Identifier[] {
  const n = param.getNameNode();
  if (Node.isIdentifier(n)) return [n];
  return n.getDescendantsOfKind(SyntaxKind.BindingElement).map((b) => b.getNameNode()).filter((x): x is Identifier => Node.isIdentifier(x));
}

/** Every use of the name (declared at `decl`) in `fn` only reads what it holds. */
function onlyRead(decl: Identifier, fn: Fn, depth: number, seen: Set<Node>): string | undefined {
  const sym = decl.getSymbol();
  if (!sym) return `the request parameter of \`${fnName(fn)}\` has no symbol`;
  const name = fnName(fn);
  // (`function pair({ protocol, hostname })`: a name destructured from the request parameter itself that holds one of
  // Express's string or boolean properties is a string or boolean, wherever it goes; round 17, F6)
  const element = decl.getParent();
  if (Node.isBindingElement(element) && !element.getInitializer() && !element.getDotDotDotToken() && Node.isParameterDeclaration(element.getParent()?.getParent()) && REQUEST_PRIMITIVES.has(element.getPropertyNameNode()?.getText() ?? decl.getText())) return undefined;
  for (const id of fn.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (id === decl || id.getText() !== decl.getText() || !isReference(id) || referenced(id) !== sym) continue;
    // climb the property reads (`req.body.email`, `headers['x-user-email']`, `req?.headers`)
    let outer: Node = id;
    for (;;) {
      const p = outer.getParent();
      if (p && (Node.isPropertyAccessExpression(p) || Node.isElementAccessExpression(p)) && p.getExpression() === outer) outer = p;
      else if (p && (Node.isNonNullExpression(p) || Node.isParenthesizedExpression(p))) outer = p;
      else break;
    }
    const parent = outer.getParent();
    const where = `\`${outer.getText().slice(0, 40)}\` in \`${name}\``;
    if (!parent) return `${where} is used in a way that was not followed`;
    if (Node.isBinaryExpression(parent) && parent.getLeft() === outer && isAssignment(parent.getOperatorToken().getText())) return `${where} is written`;
    if (Node.isDeleteExpression(parent) || Node.isPostfixUnaryExpression(parent) || (Node.isPrefixUnaryExpression(parent) && /^(\+\+|--)/.test(parent.getText()))) return `${where} is written`;
    if (Node.isCallExpression(parent) && parent.getExpression() === outer) {
      // a method of a value read from the request: string-like reads only; of the request itself: Express's readers
      if (!(Node.isPropertyAccessExpression(outer) || Node.isElementAccessExpression(outer))) return `${where} is called`;
      const method = Node.isPropertyAccessExpression(outer) ? outer.getName() : undefined;
      const onRequest = outer.getExpression() === id;
      if (!method || !(onRequest ? REQUEST_READ_METHODS.has(method) && fnParamIsRequest(decl) : READ_METHODS.has(method))) return `${where} calls a method that may change it`;
      continue;
    }
    if (outer !== id) {
      // a value read from the request (`req.body.items`): fine where it is only looked at, not handed anywhere
      if (readPosition(parent, outer)) continue;
      if (primitiveType(outer)) continue;
      if (Node.isPropertyAccessExpression(outer) && outer.getExpression() === id && REQUEST_PRIMITIVES.has(outer.getName()) && fnParamIsRequest(decl)) continue;
      // `req.params.id`: Express hands route parameters as strings, whatever the checker knows of them
      const part = Node.isPropertyAccessExpression(outer) || Node.isElementAccessExpression(outer) ? outer.getExpression() : undefined;
      if (part && Node.isPropertyAccessExpression(part) && part.getExpression() === id && part.getName() === 'params') continue;
      return `${where} is handed on or kept, and it may be an object of the request`;
    }
    // the request itself
    if (Node.isCallExpression(parent) && parent.getArguments().includes(outer as never)) {
      const target = helperFunction(parent.getExpression());
      if (!target) return `\`${name}\` hands the request to \`${parent.getExpression().getText().slice(0, 40)}\`, which is not a function of the project followed here`;
      const why = requestParamUse(target, parent.getArguments().indexOf(outer as never), depth + 1, seen);
      if (why) return why;
      continue;
    }
    if (readPosition(parent, outer)) continue;
    return `${where} keeps or hands on the request`;
  }
  return undefined;
}

/** Positions where a value is looked at, not stored or handed on: tests, comparisons, operands, `typeof`, `!`. */
function readPosition(parent: Node, child: Node): boolean {
  if (Node.isIfStatement(parent) || Node.isWhileStatement(parent) || Node.isDoStatement(parent)) return parent.getExpression() === child;
  if (Node.isConditionalExpression(parent)) return parent.getCondition() === child;
  if (Node.isTypeOfExpression(parent) || Node.isVoidExpression(parent)) return true;
  if (Node.isPrefixUnaryExpression(parent)) return true; // !x, -x, +x (++/-- excluded above)
  if (Node.isBinaryExpression(parent)) {
    const op = parent.getOperatorToken().getKind();
    return [
      SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken, SyntaxKind.EqualsEqualsToken, SyntaxKind.ExclamationEqualsToken,
      SyntaxKind.LessThanToken, SyntaxKind.GreaterThanToken, SyntaxKind.LessThanEqualsToken, SyntaxKind.GreaterThanEqualsToken,
      SyntaxKind.InKeyword, SyntaxKind.InstanceOfKeyword,
    ].includes(op) || (op === SyntaxKind.PlusToken && primitiveType(child));
  }
  return false;
}

function primitiveType(n: Node): boolean {
  const t = n.getType();
  return (t.isUnion() ? t.getUnionTypes() : [t]).every((p) => p.isString() || p.isStringLiteral() || p.isNumber() || p.isNumberLiteral() || p.isBoolean() || p.isBooleanLiteral() || p.isNull() || p.isUndefined() || p.isTemplateLiteral());
}

/** The request's own methods are allowed only on the parameter itself, never on a destructured part. */
function fnParamIsRequest(decl: Identifier): boolean {
  return Node.isParameterDeclaration(decl.getParent());
}

/** Shapes of a callee that name one function directly (not a bound method, a wrapper or a factory's result). */
const DIRECT = new Set(['identifier', 'member', 'namespace-import', 'commonjs-export', 'class-method']);

/**
 * The function a callee names: what the app model's resolver finds, or a member of a const object literal that an
 * interface types (`authenticatedUsers: IAuthenticatedUsers = { from: function (req) { … } }`: the checker answers
 * with the interface's signature), when nothing assigns that member.
 */
export function helperFunction(callee: Node): Fn | undefined {
  if (!Node.isIdentifier(callee) && !Node.isPropertyAccessExpression(callee)) return undefined;
  const r = resolveFunction(callee);
  if (r.node) return DIRECT.has(r.shape) ? r.node : undefined;
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const owner = callee.getExpression();
  const ownerSym = (Node.isPropertyAccessExpression(owner) ? owner.getNameNode() : owner).getSymbol();
  const ownerDecls = (ownerSym?.isAlias() ? ownerSym.getAliasedSymbol() : ownerSym)?.getDeclarations() ?? [];
  if (ownerDecls.length !== 1) return undefined;
  const v = ownerDecls[0];
  if (!Node.isVariableDeclaration(v) || v.getVariableStatement()?.getDeclarationKind() !== 'const') return undefined;
  let init = v.getInitializer();
  while (init && (Node.isAsExpression(init) || Node.isSatisfiesExpression(init) || Node.isParenthesizedExpression(init))) init = init.getExpression();
  if (!init || !Node.isObjectLiteralExpression(init)) return undefined;
  const member = callee.getName();
  const prop = init.getProperty(member);
  const fn = prop && Node.isPropertyAssignment(prop) ? prop.getInitializer() : prop && Node.isMethodDeclaration(prop) ? prop : undefined;
  if (!fn || !(Node.isFunctionExpression(fn) || Node.isArrowFunction(fn) || Node.isMethodDeclaration(fn))) return undefined;
  if (init.getProperties().some((p) => Node.isSpreadAssignment(p))) return undefined;
  // nothing writes that member (`authenticatedUsers.from = …`) or the object's members by index
  const varName = v.getNameNode();
  if (!Node.isIdentifier(varName)) return undefined;
  for (const ref of varName.findReferencesAsNodes()) {
    const p = ref.getParent();
    if (Node.isElementAccessExpression(p) && p.getExpression() === ref) return undefined;
    if (Node.isPropertyAccessExpression(p) && p.getExpression() === ref && p.getName() === member) {
      const q = p.getParent();
      if (Node.isBinaryExpression(q) && q.getLeft() === p && isAssignment(q.getOperatorToken().getText())) return undefined;
    }
  }
  return fn;
}

function fnName(fn: Fn): string {
  const own = Node.isFunctionDeclaration(fn) || Node.isFunctionExpression(fn) || Node.isMethodDeclaration(fn) ? fn.getName() : undefined;
  if (own) return own;
  const p = fn.getParent();
  if (p && (Node.isVariableDeclaration(p) || Node.isPropertyAssignment(p) || Node.isPropertyDeclaration(p))) return p.getName();
  return '(function)';
}

/** The input name for a bound helper: its last name, with the one before it when that alone says little. */
function bindingName(callee: Node): string {
  const parts = callee.getText().split('.').map((s) => s.trim()).filter((s) => /^[A-Za-z_$][\w$]*$/.test(s));
  const last = parts[parts.length - 1] ?? 'requestHelper';
  if ((GENERIC.has(last) || last.length <= 3) && parts.length > 1) return parts[parts.length - 2] + last[0].toUpperCase() + last.slice(1);
  return last;
}

/**
 * Binds every call in `nodes` that hands the request to a helper: records the edits of the service side
 * (`security.isDeluxe(req)` → `isDeluxe()`), marks the names it consumed as handled, and returns the inputs (one per
 * distinct helper and request position). Throws Unsafe (`request-in-logic`) when a call cannot be bound.
 */
export function bindRequestCalls(w: Walk, calls: { call: CallExpression; req: Identifier }[], regionStart: number, regionEnd: number, arrows: boolean): Input[] {
  const inputs = new Map<string, Input>();
  // names the handler uses, but for the helpers' own names, which leave the logic (`isAdmin(req)` → `isAdmin()`)
  const calleeIds = new Set(calls.flatMap(({ call }) => call.getExpression().getDescendantsOfKind(SyntaxKind.Identifier).concat(Node.isIdentifier(call.getExpression()) ? [call.getExpression() as Identifier] : [])));
  const taken = new Set(w.site.fn.getDescendantsOfKind(SyntaxKind.Identifier).filter((i) => !calleeIds.has(i)).map((i) => i.getText()));
  for (const { call, req } of calls) {
    const callee = call.getExpression();
    const shown = `\`${callee.getText().slice(0, 40)}\``;
    const refuse = (why: string) => new Unsafe('request-in-logic', `the logic passes the request to ${shown}, ${why}`, req);
    if (call.getTypeArguments().length || call.hasQuestionDotToken()) throw refuse('called with type arguments or `?.`');
    // the callee is looked up again in the controller: names only, none of them declared or written by the logic
    const ids = [callee, ...callee.getDescendants()].filter((d) => Node.isIdentifier(d) || Node.isPropertyAccessExpression(d));
    if (!/^[A-Za-z_$][\w$]*(\s*\.\s*[A-Za-z_$][\w$]*)*$/.test(callee.getText())) throw refuse('named by an expression the controller cannot evaluate the same way');
    for (const d of ids) {
      if (!Node.isIdentifier(d) || !isReference(d)) continue;
      const decl = referenced(d)?.getDeclarations()[0];
      if (decl && decl.getSourceFile() === call.getSourceFile() && decl.getStart() >= regionStart && decl.getEnd() <= regionEnd) throw refuse('a helper the logic itself declares');
      if (roleOf(referenced(d), w.roles)) throw refuse('a method of the request or the response');
    }
    const target = helperFunction(callee);
    if (!target) throw refuse('which is not a function of the project followed here: it may read or change it at any time');
    const args = call.getArguments();
    const index = args.indexOf(req as never);
    if (args.some((a, i) => i !== index && a.getDescendantsOfKind(SyntaxKind.Identifier).concat(Node.isIdentifier(a) ? [a] : []).some((x) => roleOf(referenced(x), w.roles)))) {
      throw refuse('with other arguments that use the request or the response');
    }
    if (args.some((a) => Node.isSpreadElement(a))) throw refuse('with spread arguments');
    const why = requestParamUse(target, index);
    if (why) throw refuse(`which may change it: ${why}`);
    if (w.edits.overlaps(call.getStart(), call.getEnd())) throw refuse('inside code the transform rewrites otherwise');
    const key = `${callee.getText()}#${index}#${args.length}`;
    let input = inputs.get(key);
    if (!input) {
      let name = bindingName(callee);
      const base = name;
      for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
      taken.add(name);
      const declared = target.getParameters();
      const paramNames: string[] = [];
      const avoid = new Set([...ids.filter(Node.isIdentifier).map((i) => i.getText()), req.getText()]);
      args.forEach((_a, i) => {
        if (i === index) return;
        const own = declared[i]?.getNameNode();
        let p = own && Node.isIdentifier(own) && !avoid.has(own.getText()) ? own.getText() : `arg${i + 1}`;
        while (avoid.has(p) || paramNames.includes(p)) p = `${p}_`;
        paramNames.push(p);
      });
      const callArgs: string[] = [];
      let k = 0;
      args.forEach((_a, i) => callArgs.push(i === index ? req.getText() : paramNames[k++]));
      const invoke = `${callee.getText()}(${callArgs.join(', ')})`;
      const expr = arrows ? `(${paramNames.join(', ')}) => ${invoke}` : `function (${paramNames.join(', ')}) { return ${invoke}; }`;
      const others = args.filter((_a, i) => i !== index);
      const query = typeQuery(callee);
      input = { name, expr, typeNode: call, assigned: false, declKind: 'const', bound: { params: paramNames.map((p, i) => ({ name: p, node: others[i] })), result: call, ...(query ? { query } : {}) } };
      inputs.set(key, input);
    }
    // the service side: `security.isDeluxe(req)` → `isDeluxe()`, `f(a, req)` → `f(a)`
    w.edits.replace(callee.getStart(), callee.getEnd(), input.name);
    if (args.length === 1) w.edits.remove(req.getStart(), req.getEnd());
    else if (index < args.length - 1) w.edits.remove(req.getStart(), args[index + 1].getStart());
    else w.edits.remove(args[index - 1].getEnd(), req.getEnd());
    for (const d of ids) w.handled.add(d);
    w.handled.add(req);
  }
  return [...inputs.values()];
}

/** i18n's translation methods on the request and the response (`req.__('Sold out')`), and the input names they get. */
const TRANSLATIONS: Record<string, string> = { __: 'translate', __n: 'translatePlural', __mf: 'translateFormat', __l: 'translations', __h: 'translationHashes' };

/**
 * Calls of i18n's translation methods on the request or the response in the logic (`req.__(product.name)`, declared
 * by the i18n package): each stays in the controller bound to the same object, `translate: (phrase) => req.__(phrase)`,
 * and the service calls it where the logic did, as often, with the same arguments. They read the locale the i18n
 * middleware set and change nothing of the request, so the request reads passed in before the logic are the same.
 * A call whose arguments use the request or the response, or that an answer of the logic rewrites, is left to the
 * reasons that follow.
 */
export function bindTranslationCalls(region: Node[], w: Walk, skip: (n: Node) => boolean, arrows: boolean): Input[] {
  const inputs = new Map<string, Input>();
  const taken = new Set(w.site.fn.getDescendantsOfKind(SyntaxKind.Identifier).map((i) => i.getText()));
  for (const s of region) {
    for (const call of [s, ...s.getDescendants()].filter(Node.isCallExpression)) {
      const callee = call.getExpression();
      if (!Node.isPropertyAccessExpression(callee) || !(callee.getName() in TRANSLATIONS) || call.hasQuestionDotToken() || callee.hasQuestionDotToken()) continue;
      const obj = callee.getExpression();
      if (!Node.isIdentifier(obj) || w.handled.has(obj) || skip(obj)) continue;
      const role = roleOf(referenced(obj), w.roles);
      if (role !== 'request' && role !== 'response') continue;
      // (the whole parameter, not a part destructured from it)
      if (!referenced(obj)?.getDeclarations().some((x) => Node.isParameterDeclaration(x))) continue;
      const decl = callee.getNameNode().getSymbol()?.getDeclarations()[0];
      if (!decl || !/\/node_modules\/(@types\/)?i18n\//.test(decl.getSourceFile().getFilePath())) continue;
      const args = call.getArguments();
      if (args.some((a) => Node.isSpreadElement(a) || [a, ...a.getDescendants()].some((x) => Node.isIdentifier(x) && isReference(x) && !!roleOf(referenced(x), w.roles)))) continue;
      if (w.edits.overlaps(call.getStart(), call.getEnd())) continue;
      const key = `${obj.getText()}.${callee.getName()}#${args.length}`;
      let input = inputs.get(key);
      if (!input) {
        let name = TRANSLATIONS[callee.getName()];
        const base = name;
        for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
        taken.add(name);
        // (names the handler does not use, or the arrow's parameter would hide them: `(phrase) => phrase.__(phrase)`;
        // round 19, F8)
        const paramNames: string[] = [];
        for (let i = 0; i < args.length; i++) {
          let p = args.length === 1 ? 'phrase' : `arg${i + 1}`;
          while (taken.has(p) || paramNames.includes(p) || p === obj.getText()) p = `${p}_`;
          paramNames.push(p);
        }
        const invoke = `${callee.getText()}(${paramNames.join(', ')})`;
        const expr = arrows ? `(${paramNames.join(', ')}) => ${invoke}` : `function (${paramNames.join(', ')}) { return ${invoke}; }`;
        // (a literal argument takes its kind: the other calls pass other phrases; round 19, F7)
        const widened = (a: Node): string | undefined => {
          const t = a.getType();
          return t.isStringLiteral() || t.isTemplateLiteral() ? 'string' : t.isNumberLiteral() ? 'number' : t.isBooleanLiteral() ? 'boolean' : undefined;
        };
        input = { name, expr, typeNode: call, assigned: false, declKind: 'const', bound: { params: paramNames.map((p, i) => ({ name: p, node: args[i], ...(widened(args[i]) ? { type: widened(args[i]) } : {}) })), result: call } };
        inputs.set(key, input);
      }
      w.edits.replace(callee.getStart(), callee.getEnd(), input.name);
      w.handled.add(obj);
    }
  }
  return [...inputs.values()];
}

/** Calls in the logic that hand the request itself to something (`helper(req)`), outside what the controller keeps. */
export function requestArgumentCalls(region: Node[], w: Walk, skip: (n: Node) => boolean): { call: CallExpression; req: Identifier }[] {
  const out: { call: CallExpression; req: Identifier }[] = [];
  for (const s of region) {
    for (const d of [s, ...s.getDescendants()]) {
      if (!Node.isIdentifier(d) || !isReference(d) || w.handled.has(d) || skip(d)) continue;
      if (roleOf(referenced(d), w.roles) !== 'request') continue;
      // the request object itself, not a part destructured from it (`save(body)` passes the body, a request read)
      if (!referenced(d)?.getDeclarations().some((x) => Node.isParameterDeclaration(x))) continue;
      const parent = d.getParent();
      if (Node.isCallExpression(parent) && parent.getArguments().includes(d as never)) out.push({ call: parent, req: d });
    }
  }
  return out;
}

/**
 * The callee as a member of a module of the project (`security.authenticatedUsers.from` with `import * as security
 * from '../lib/insecurity'`; `isDeluxe` imported by name), for a type query another module can write.
 */
export function typeQuery(callee: Node): { module: string; member: string } | undefined {
  const parts = callee.getText().replace(/\s+/g, '').split('.');
  const root = Node.isIdentifier(callee) ? callee : callee.getFirstDescendant((d) => Node.isIdentifier(d));
  if (!root || !Node.isIdentifier(root) || root.getText() !== parts[0]) return undefined;
  const decl = root.getSymbol()?.getDeclarations()[0];
  const imp = decl?.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
  if (!decl || !imp || imp.isTypeOnly()) return undefined;
  const target = imp.getModuleSpecifierSourceFile();
  if (!target || target.isInNodeModules() || target.isDeclarationFile()) return undefined;
  let first: string;
  if (Node.isNamespaceImport(decl)) first = '';
  else if (Node.isImportSpecifier(decl)) first = decl.getName();
  else if (Node.isImportClause(decl)) first = 'default';
  else return undefined;
  const member = [first, ...parts.slice(1)].filter(Boolean).join('.');
  return member ? { module: target.getFilePath(), member } : undefined;
}

/**
 * `isAdmin: () => isAdmin(req)` in the object handed to a service: a helper bound to the request by an earlier run,
 * not logic (so a second run finds the handler already thin).
 */
export function isRequestBinding(n: Node, roles: Walk['roles']): boolean {
  if (!(Node.isArrowFunction(n) || Node.isFunctionExpression(n)) || !Node.isPropertyAssignment(n.getParent())) return false;
  const body = n.getBody();
  const inner = Node.isBlock(body) ? (body.getStatements().length === 1 && Node.isReturnStatement(body.getStatements()[0]) ? (body.getStatements()[0] as import('ts-morph').ReturnStatement).getExpression() : undefined) : body;
  if (!inner || !Node.isCallExpression(inner)) return false;
  return inner.getArguments().some((a) => Node.isIdentifier(a) && roleOf(referenced(a), roles) === 'request');
}

export function fileUsesArrows(file: SourceFile): boolean {
  return file.getDescendantsOfKind(SyntaxKind.ArrowFunction).length > 0 || /\.tsx?$/.test(file.getFilePath());
}
