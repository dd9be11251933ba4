import { Node, SyntaxKind, ts, type Identifier, type ObjectBindingPattern, type Type } from 'ts-morph';
import type { ParameterDeclaration } from 'ts-morph';
import type { Framework } from '../../src/app-model/types.js';

export type { Framework };
export type HandlerFn = Node & { getParameters(): ParameterDeclaration[] };

export type SourceKind = 'body' | 'params' | 'query';

/** What the uses of one value (a field, an element, a source object) tell about it. */
export interface FieldInfo {
  hints: Set<string>;
  optional: boolean;
  /** Optional by a check that lets `null` through as well (`??`, `||`, `&&`, `!`, `?.`, a condition, `== null`, `=== null`). */
  nullable?: boolean;
  /** Its type is tested (`typeof x === 'string'`): the handler takes it of another type, or missing. */
  typeTested?: boolean;
  isArray: boolean;
  lengthUsed: boolean;
  children: Map<string, FieldInfo>;
  element?: FieldInfo;
  /** Where the top-level field is used: the expression's range and its innermost statement's range. */
  uses: Array<[number, number, number, number]>;
}

export interface Problem {
  reason: string;
  message: string;
  pos: number;
}

export interface HandlerReads {
  sources: Map<SourceKind, FieldInfo>;
  problems: Problem[];
}

export function newInfo(): FieldInfo {
  return { hints: new Set(), optional: false, isArray: false, lengthUsed: false, children: new Map(), uses: [] };
}

const STRING_METHODS = new Set([
  'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'split', 'startsWith',
  'endsWith', 'replace', 'replaceAll', 'substring', 'substr', 'padStart', 'padEnd', 'charAt', 'charCodeAt', 'match', 'matchAll',
  'localeCompare', 'normalize', 'search', 'codePointAt',
]);
const ARRAY_METHODS = new Set(['map', 'forEach', 'filter', 'reduce', 'some', 'every', 'find', 'findIndex', 'flatMap', 'push', 'join', 'sort', 'reverse', 'pop', 'shift', 'unshift', 'splice', 'flat']);
const ELEMENT_CALLBACK = new Set(['map', 'forEach', 'filter', 'some', 'every', 'find', 'findIndex', 'flatMap']);
const NUMBER_METHODS = new Set(['toFixed', 'toPrecision', 'toExponential']);
/** Methods of both strings and arrays: they say the value is one of the two. */
const SHARED_METHODS = new Set(['slice', 'indexOf', 'lastIndexOf', 'includes', 'concat', 'at']);
const CONVERSIONS = new Set(['Number', 'parseInt', 'parseFloat', 'BigInt', 'Number.parseInt', 'Number.parseFloat']);

const PRIMITIVE_WORDS = new Set(['string', 'number', 'boolean', 'true', 'false', 'null', 'undefined', 'bigint']);

/** A type we can write in a DTO without imports: primitives, literal unions and arrays of them. */
export function expressible(type: Type | undefined, depth = 0): string | undefined {
  if (!type || depth > 3 || type.isAny() || type.isUnknown() || type.isTypeParameter()) return undefined;
  if (type.isUnion()) {
    const parts = type.getUnionTypes().filter((t) => !t.isUndefined() && !t.isNull());
    const texts: string[] = [];
    const bools = parts.filter((t) => t.isBooleanLiteral()).length;
    for (const t of parts) {
      if (t.isBooleanLiteral() && bools === 2) {
        if (!texts.includes('boolean')) texts.push('boolean');
        continue;
      }
      const text = expressible(t, depth + 1);
      if (!text) return undefined;
      texts.push(text);
    }
    return texts.length ? texts.join(' | ') : undefined;
  }
  if (type.isArray()) {
    const el = expressible(type.getArrayElementType(), depth + 1);
    return el ? (el.includes(' | ') ? `(${el})[]` : `${el}[]`) : undefined;
  }
  const text = type.getText(undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType);
  if (/^'[^'\\]*'$/.test(text) || /^-?\d+(\.\d+)?$/.test(text)) return text;
  if (PRIMITIVE_WORDS.has(text) && text !== 'null' && text !== 'undefined') return text;
  return undefined;
}

function literalType(node: Node): string | undefined {
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return 'string';
  if (Node.isNumericLiteral(node)) return 'number';
  if (Node.isPrefixUnaryExpression(node) && Node.isNumericLiteral(node.getOperand())) return 'number';
  if (Node.isTrueLiteral(node) || Node.isFalseLiteral(node)) return 'boolean';
  if (Node.isArrayLiteralExpression(node)) return 'array';
  return undefined;
}

function isNullish(node: Node): boolean {
  return Node.isNullLiteral(node) || (Node.isIdentifier(node) && node.getText() === 'undefined');
}

function useRange(node: Node): [number, number, number, number] {
  let n: Node | undefined = node;
  while (n && !(Node.isStatement(n) && !Node.isBlock(n)) && !Node.isSourceFile(n)) n = n.getParent();
  const target = n && !Node.isSourceFile(n) ? n : node;
  return [node.getStart(), node.getEnd(), target.getStart(), target.getEnd()];
}

interface State {
  source: SourceKind;
  problems: Problem[];
  /** The top-level field whose subtree is being analysed (uses are recorded on it). */
  top?: FieldInfo;
  depth: number;
  seen: Set<Node>;
}

function child(info: FieldInfo, name: string): FieldInfo {
  let c = info.children.get(name);
  if (!c) {
    c = newInfo();
    info.children.set(name, c);
  }
  return c;
}

function element(info: FieldInfo): FieldInfo {
  info.isArray = true;
  info.element ??= newInfo();
  return info.element;
}

/** Every later reference (read) to the variable an identifier declares, within its scope. */
function referencesOf(name: Identifier): Identifier[] {
  const symbol = name.getSymbol();
  if (!symbol) return [];
  const scope =
    name.getFirstAncestor((a) => Node.isFunctionLikeDeclaration(a) && a !== name.getParent()) ??
    name.getSourceFile();
  const out: Identifier[] = [];
  for (const id of scope.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (id === name || id.getText() !== name.getText()) continue;
    const parent = id.getParent();
    if (Node.isShorthandPropertyAssignment(parent)) {
      if (parent.getValueSymbol() === symbol) out.push(id);
      continue;
    }
    if (id.getSymbol() !== symbol) continue;
    // Writes are not reads.
    if (Node.isBinaryExpression(parent) && parent.getLeft() === id && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken) continue;
    out.push(id);
  }
  return out;
}

/**
 * A call that logs what it is given (`console.log`, `logger.debug('%o', req.body)`, `this.log.info`): it reads no
 * field the handler relies on, so it says nothing about the shape.
 */
const LOGGING_CALL = /^(console|(this\.)?(logger|log|Logger|LoggerInstance))\.(log|debug|info|warn|error|trace|verbose|silly|fatal)$/;

function calleeName(call: Node): string | undefined {
  if (!Node.isCallExpression(call)) return undefined;
  return call.getExpression().getText();
}

/** Follows a value through its uses and records what they say about it. `root`: it is a whole source object. */
function analyzeValue(expr: Node, info: FieldInfo, st: State, root: boolean): void {
  if (st.seen.has(expr) || st.depth > 12) return;
  st.seen.add(expr);
  if (st.top) st.top.uses.push(useRange(expr));
  let node = expr;
  let parent = node.getParent();
  while (parent && (Node.isParenthesizedExpression(parent) || Node.isNonNullExpression(parent) || Node.isAwaitExpression(parent))) {
    node = parent;
    parent = parent.getParent();
  }
  if (!parent) return;
  const where = node.getStart();
  const problem = (reason: string, message: string): void => void st.problems.push({ reason, message, pos: where });
  const sub = (next: Node, nextInfo: FieldInfo, nextRoot = false, top?: FieldInfo) => {
    const saved = st.top;
    if (top) st.top = top;
    st.depth++;
    analyzeValue(next, nextInfo, st, nextRoot);
    st.depth--;
    st.top = saved;
  };

  if (Node.isAsExpression(parent) || Node.isTypeAssertion(parent) || Node.isSatisfiesExpression(parent)) {
    const typeText = parent.getTypeNode()?.getText() ?? '';
    // `(req.body as any).name`: the cast hides nothing, follow the value.
    if (typeText === 'any') return sub(parent, info, root);
    if (root) return problem('passed-through-typed', `${st.source} is cast to the declared type \`${typeText}\``);
    const t = expressible(parent.getTypeNode()?.getType());
    if (t) info.hints.add(t);
    return;
  }
  if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === node) {
    const name = parent.getName();
    if (parent.hasQuestionDotToken()) info.optional = info.nullable = true;
    const called = Node.isCallExpression(parent.getParent()) && parent.getParent()!.getFirstChild() === parent;
    if (!root) {
      if (called && STRING_METHODS.has(name)) return void info.hints.add('string');
      if (called && NUMBER_METHODS.has(name)) return void info.hints.add('number');
      if (called && ARRAY_METHODS.has(name)) {
        const el = element(info);
        const call = parent.getParentOrThrow();
        const fn = Node.isCallExpression(call) ? call.getArguments()[0] : undefined;
        if (ELEMENT_CALLBACK.has(name) && fn && (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) {
          const p = fn.getParameters()[0];
          if (p) analyzeBinding(p.getNameNode(), el, st);
        }
        return;
      }
      if (name === 'length' || (called && SHARED_METHODS.has(name))) return void (info.lengthUsed = true);
      if (called && (name === 'hasOwnProperty' || name === 'toString' || name === 'valueOf')) return;
    } else if (called) {
      if (name === 'hasOwnProperty') {
        const key = (parent.getParentOrThrow() as any).getArguments?.()[0];
        if (key && Node.isStringLiteral(key)) child(info, key.getLiteralValue()).optional = true;
        return;
      }
    }
    const c = child(info, name);
    sub(parent, c, false, root ? c : undefined);
    return;
  }
  if (Node.isElementAccessExpression(parent) && parent.getExpression() === node) {
    const arg = parent.getArgumentExpression();
    if (arg && (Node.isStringLiteral(arg) || Node.isNoSubstitutionTemplateLiteral(arg))) {
      const c = child(info, arg.getLiteralValue());
      sub(parent, c, false, root ? c : undefined);
      return;
    }
    if (root) return problem('dynamic-key', `${st.source} is read with a dynamic key \`${parent.getText()}\``);
    if (parent.hasQuestionDotToken()) info.optional = info.nullable = true;
    sub(parent, element(info));
    return;
  }
  if (Node.isCallExpression(parent) && parent.getArguments().includes(node as any)) {
    const name = calleeName(parent);
    if (name && CONVERSIONS.has(name)) {
      if (root) return problem('passed-on', `${st.source} is passed whole to ${name}()`);
      return void info.hints.add('string');
    }
    if (name === 'Array.isArray') {
      if (root) return;
      element(info);
      return;
    }
    if (name === 'String' || name === 'Boolean' || name === 'isNaN' || name === 'JSON.stringify' || (name && LOGGING_CALL.test(name))) return;
    const contextual = (node as any).getContextualType?.() as Type | undefined;
    if (root) {
      if (contextual && !contextual.isAny() && !contextual.isUnknown()) {
        return problem('passed-through-typed', `${st.source} is passed whole to \`${name ?? 'a function'}\`, whose parameter type is already declared`);
      }
      return problem('passed-on', `${st.source} is passed whole to \`${name ?? 'a function'}\`, which does not declare what it reads`);
    }
    const hint = expressible(contextual);
    if (hint) {
      // (a parameter that takes undefined, or null, takes the field missing, or null)
      const parts = contextual?.isUnion() ? contextual.getUnionTypes() : [];
      if (parts.some((t) => t.isUndefined())) info.optional = true;
      if (parts.some((t) => t.isNull())) info.optional = info.nullable = true;
      return void info.hints.add(hint);
    }
    // An untyped function in the project: follow the value into its parameter.
    followIntoCallee(parent, parent.getArguments().indexOf(node as any), info, st);
    return;
  }
  if (Node.isBinaryExpression(parent)) {
    const op = parent.getOperatorToken().getKind();
    const other = parent.getLeft() === node ? parent.getRight() : parent.getLeft();
    const isLeft = parent.getLeft() === node;
    switch (op) {
      case SyntaxKind.MinusToken:
      case SyntaxKind.AsteriskToken:
      case SyntaxKind.SlashToken:
      case SyntaxKind.PercentToken:
      case SyntaxKind.AsteriskAsteriskToken:
      case SyntaxKind.LessThanToken:
      case SyntaxKind.GreaterThanToken:
      case SyntaxKind.LessThanEqualsToken:
      case SyntaxKind.GreaterThanEqualsToken:
        if (!root) info.hints.add('number');
        return;
      case SyntaxKind.EqualsEqualsEqualsToken:
      case SyntaxKind.ExclamationEqualsEqualsToken:
      case SyntaxKind.EqualsEqualsToken:
      case SyntaxKind.ExclamationEqualsToken: {
        if (isNullish(other)) {
          info.optional = true;
          // (`=== undefined` and `!== undefined` tell null apart: it passes them as a value)
          if (other.getText() === 'null' || op === SyntaxKind.EqualsEqualsToken || op === SyntaxKind.ExclamationEqualsToken) info.nullable = true;
          return;
        }
        const lit = literalType(other);
        if (lit && lit !== 'array' && !root) info.hints.add(lit);
        return;
      }
      case SyntaxKind.BarBarToken:
      case SyntaxKind.QuestionQuestionToken:
        if (isLeft) {
          info.optional = info.nullable = true;
          const lit = literalType(other);
          if (lit && !root) info.hints.add(lit === 'array' ? 'unknown[]' : lit);
          sub(parent, info, root);
        }
        return;
      case SyntaxKind.AmpersandAmpersandToken:
        if (isLeft) info.optional = info.nullable = true;
        return;
      case SyntaxKind.InKeyword:
        if (!isLeft && root && Node.isStringLiteral(other)) child(info, other.getLiteralValue()).optional = true;
        return;
      case SyntaxKind.EqualsToken:
        return;
      default:
        return;
    }
  }
  if (Node.isPrefixUnaryExpression(parent)) {
    const op = parent.getOperatorToken();
    if (op === SyntaxKind.ExclamationToken) info.optional = info.nullable = true;
    else if (op === SyntaxKind.MinusToken && !root) info.hints.add('number');
    else if (op === SyntaxKind.PlusToken && !root) info.hints.add('string');
    return;
  }
  if (Node.isTypeOfExpression(parent)) {
    const cmp = parent.getParent();
    if (Node.isBinaryExpression(cmp)) {
      const lit = cmp.getLeft() === parent ? cmp.getRight() : cmp.getLeft();
      if (Node.isStringLiteral(lit)) {
        const t = lit.getLiteralValue();
        // (a test of its type is a test of its presence too, `typeof x === 'string' ? x : 10`: a schema takes it missing)
        info.typeTested = true;
        if (t === 'undefined') info.optional = true;
        else if (!root && (t === 'string' || t === 'number' || t === 'boolean')) info.hints.add(t);
        else if (!root && t === 'object') info.hints.add('object');
      }
    }
    return;
  }
  if ((Node.isIfStatement(parent) || Node.isWhileStatement(parent)) && parent.getExpression() === node) {
    info.optional = info.nullable = true;
    return;
  }
  if (Node.isConditionalExpression(parent) && parent.getCondition() === node) {
    info.optional = info.nullable = true;
    return;
  }
  if (Node.isVariableDeclaration(parent) && parent.getInitializer() === node) {
    const typeNode = parent.getTypeNode();
    if (typeNode) {
      if (root) {
        if (!/^(any|unknown)$/.test(typeNode.getText())) problem('passed-through-typed', `${st.source} is assigned to a variable of the declared type \`${typeNode.getText()}\``);
        return;
      }
      const t = expressible(typeNode.getType());
      if (t) info.hints.add(t);
      return;
    }
    analyzeBinding(parent.getNameNode(), info, st, root);
    return;
  }
  if (Node.isForOfStatement(parent) && parent.getExpression() === node) {
    if (root) return problem('dynamic-key', `${st.source} is iterated`);
    const el = element(info);
    const init = parent.getInitializer();
    if (Node.isVariableDeclarationList(init)) {
      const decl = init.getDeclarations()[0];
      if (decl) analyzeBinding(decl.getNameNode(), el, st);
    }
    return;
  }
  if (Node.isForInStatement(parent) && parent.getExpression() === node) {
    if (root) problem('dynamic-key', `the keys of ${st.source} are iterated`);
    return;
  }
  if (Node.isSpreadAssignment(parent) || Node.isSpreadElement(parent)) {
    if (root) problem('spread', `${st.source} is spread into another object`);
    return;
  }
  if (Node.isShorthandPropertyAssignment(parent) || Node.isPropertyAssignment(parent) || Node.isReturnStatement(parent) || Node.isArrayLiteralExpression(parent)) {
    if (root) {
      const contextual = (node as any).getContextualType?.() as Type | undefined;
      if (contextual && !contextual.isAny() && !contextual.isUnknown()) problem('passed-through-typed', `${st.source} is handed on whole where its type is already declared`);
      else problem('passed-on', `${st.source} is handed on whole`);
      return;
    }
    let contextual: Type | undefined;
    if (Node.isShorthandPropertyAssignment(parent)) {
      const obj = parent.getParent();
      const objType = Node.isObjectLiteralExpression(obj) ? obj.getContextualType() : undefined;
      contextual = objType?.getProperty(parent.getName())?.getTypeAtLocation(parent);
    } else {
      contextual = (node as any).getContextualType?.();
    }
    const hint = expressible(contextual);
    if (hint) info.hints.add(hint);
    return;
  }
}

/** A binding receives the value: an identifier (follow its reads) or an object pattern (its properties are fields). */
function analyzeBinding(name: Node, info: FieldInfo, st: State, root = false): void {
  if (Node.isIdentifier(name)) {
    for (const ref of referencesOf(name)) {
      st.depth++;
      analyzeValue(ref, info, st, root);
      st.depth--;
    }
    return;
  }
  if (Node.isObjectBindingPattern(name)) {
    destructure(name, info, st, root);
    return;
  }
  if (Node.isArrayBindingPattern(name)) {
    if (root) st.problems.push({ reason: 'dynamic-key', message: `${st.source} is destructured as an array`, pos: name.getStart() });
    else {
      const el = element(info);
      for (const e of name.getElements()) if (Node.isBindingElement(e)) analyzeBinding(e.getNameNode(), el, st);
    }
  }
}

function destructure(pattern: ObjectBindingPattern, info: FieldInfo, st: State, root: boolean): void {
  for (const el of pattern.getElements()) {
    if (el.getDotDotDotToken()) {
      if (root) st.problems.push({ reason: 'rest-element', message: `${st.source} is collected with a rest element \`${el.getText()}\``, pos: el.getStart() });
      continue;
    }
    const propNode = el.getPropertyNameNode();
    let key: string | undefined;
    if (!propNode) key = el.getName();
    else if (Node.isIdentifier(propNode) || Node.isStringLiteral(propNode)) key = Node.isStringLiteral(propNode) ? propNode.getLiteralValue() : propNode.getText();
    if (key === undefined) {
      if (root) st.problems.push({ reason: 'dynamic-key', message: `${st.source} is destructured with a computed key`, pos: el.getStart() });
      continue;
    }
    const c = child(info, key);
    const saved = st.top;
    if (root) st.top = c;
    st.top?.uses.push(useRange(el));
    const init = el.getInitializer();
    if (init) {
      c.optional = true;
      const lit = literalType(init);
      if (lit) c.hints.add(lit === 'array' ? 'unknown[]' : lit);
    }
    st.depth++;
    analyzeBinding(el.getNameNode(), c, st);
    st.depth--;
    st.top = saved;
  }
}

/** A field value passed to an untyped function of the project: its parameter's uses tell the type. */
function followIntoCallee(call: Node, index: number, info: FieldInfo, st: State): void {
  if (!Node.isCallExpression(call) || index < 0 || st.depth > 8) return;
  let symbol = call.getExpression().getSymbol();
  if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol() ?? symbol;
  const decl = symbol?.getDeclarations()[0];
  if (!decl || decl.getSourceFile().getFilePath().includes('/node_modules/') || decl.getSourceFile().isDeclarationFile()) return;
  let fn: Node | undefined = decl;
  if (Node.isVariableDeclaration(decl) || Node.isPropertyAssignment(decl)) fn = decl.getInitializer();
  if (!fn || !(Node.isFunctionDeclaration(fn) || Node.isFunctionExpression(fn) || Node.isArrowFunction(fn))) return;
  const param = fn.getParameters()[index];
  if (!param || param.getTypeNode() || param.getDotDotDotToken()) return;
  analyzeBinding(param.getNameNode(), info, st);
}

/** Where a framework keeps the request data, seen from the handler's first parameter. */
function sourcesFromRequest(framework: Framework, reqName: Node, st: Omit<State, 'source'>, sources: Map<SourceKind, FieldInfo>): void {
  const get = (k: SourceKind) => {
    let i = sources.get(k);
    if (!i) sources.set(k, (i = newInfo()));
    return i;
  };
  const sourceName = (name: string, viaRequest: boolean): SourceKind | undefined => {
    if (framework === 'fastify') return name === 'body' ? 'body' : name === 'params' ? 'params' : name === 'query' ? 'query' : undefined;
    if (framework === 'koa') {
      if (viaRequest) return name === 'body' ? 'body' : name === 'query' ? 'query' : undefined;
      return name === 'params' ? 'params' : name === 'query' ? 'query' : undefined;
    }
    return name === 'body' ? 'body' : name === 'params' ? 'params' : name === 'query' ? 'query' : undefined;
  };
  const visitObject = (ref: Node, viaRequest: boolean) => {
    let node = ref;
    while (Node.isParenthesizedExpression(node.getParent()) || Node.isNonNullExpression(node.getParent())) node = node.getParentOrThrow();
    const parent = node.getParent();
    if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === node) {
      const name = parent.getName();
      if (framework === 'koa' && !viaRequest && name === 'request') return visitObject(parent, true);
      const kind = sourceName(name, viaRequest);
      if (kind) analyzeValue(parent, get(kind), { ...st, source: kind }, true);
      return;
    }
    if (Node.isElementAccessExpression(parent) && parent.getExpression() === node) {
      const arg = parent.getArgumentExpression();
      if (arg && Node.isStringLiteral(arg)) {
        const kind = sourceName(arg.getLiteralValue(), viaRequest);
        if (kind) analyzeValue(parent, get(kind), { ...st, source: kind }, true);
      }
      return;
    }
    if (Node.isVariableDeclaration(parent) && parent.getInitializer() === node && Node.isObjectBindingPattern(parent.getNameNode())) {
      destructureRequest(parent.getNameNode() as ObjectBindingPattern, viaRequest);
    } else if (Node.isVariableDeclaration(parent) && parent.getInitializer() === node && Node.isIdentifier(parent.getNameNode()) && !parent.getTypeNode()) {
      for (const r of referencesOf(parent.getNameNode() as Identifier)) visitObject(r, viaRequest);
    }
  };
  const destructureRequest = (pattern: ObjectBindingPattern, viaRequest: boolean) => {
    for (const el of pattern.getElements()) {
      const key = el.getPropertyNameNode()?.getText() ?? el.getName();
      if (framework === 'koa' && !viaRequest && key === 'request') {
        const n = el.getNameNode();
        if (Node.isObjectBindingPattern(n)) destructureRequest(n, true);
        else if (Node.isIdentifier(n)) for (const r of referencesOf(n)) visitObject(r, true);
        continue;
      }
      const kind = sourceName(key, viaRequest);
      if (!kind) continue;
      const info = get(kind);
      const state = { ...st, source: kind };
      if (el.getInitializer()) {
        /* `{ body = {} } = req`: the default only matters when the framework gives nothing */
      }
      analyzeBinding(el.getNameNode(), info, state, true);
    }
  };
  if (Node.isIdentifier(reqName)) for (const ref of referencesOf(reqName)) visitObject(ref, false);
  else if (Node.isObjectBindingPattern(reqName)) destructureRequest(reqName, false);
}

export function collectReads(handler: HandlerFn, framework: Framework): HandlerReads {
  const problems: Problem[] = [];
  const sources = new Map<SourceKind, FieldInfo>();
  const req = handler.getParameters()[0];
  if (!req) return { sources, problems };
  sourcesFromRequest(framework, req.getNameNode(), { problems, depth: 0, seen: new Set() }, sources);
  for (const [k, v] of sources) if (!v.children.size) sources.delete(k);
  return { sources, problems };
}
