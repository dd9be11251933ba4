import type * as t from '@babel/types';
import { walkWithAncestors } from '../../src/ast.js';
import { paramNames } from '../_function-scope.js';

/**
 * Which operands of a `+` chain are known to be primitives, from the file's syntax alone (no types, no scopes
 * built): `+` converts an object with valueOf first (dayjs, moment, a Money class), a template with toString first,
 * so only a primitive operand is sure to give the same text. A name is followed to its declaration only when the
 * file declares it once, never writes it, and the read sits inside the declaration's scope (so no other binding can
 * be meant), and then only to a `const`/never-written initializer or a TypeScript annotation.
 */

/** Globals whose call always returns a primitive (when the file does not declare the name). */
const PRIMITIVE_CALLS = new Set(['String', 'Number', 'Boolean', 'parseInt', 'parseFloat', 'encodeURIComponent', 'encodeURI', 'decodeURIComponent', 'decodeURI', 'escape', 'unescape', 'isNaN', 'isFinite', 'BigInt']);
/** `Global.method(…)` calls that always return a primitive. */
const PRIMITIVE_STATIC_CALLS: Record<string, Set<string>> = {
  Math: new Set(['abs', 'ceil', 'floor', 'round', 'trunc', 'max', 'min', 'pow', 'sqrt', 'random', 'sign', 'log', 'log10', 'log2', 'exp', 'cbrt', 'hypot', 'sin', 'cos', 'tan', 'atan2', 'fround', 'imul', 'clz32']),
  Number: new Set(['parseInt', 'parseFloat', 'isInteger', 'isFinite', 'isNaN', 'isSafeInteger']),
  Date: new Set(['now', 'parse', 'UTC']),
  JSON: new Set(['stringify']),
  Array: new Set(['isArray']),
  Object: new Set(['is', 'hasOwn']),
  String: new Set(['fromCharCode', 'fromCodePoint', 'raw']),
};
/** Methods that return a string (or number/boolean) on every built-in that has them: `x.toFixed(2)`, `s.trim()`, `list.join(', ')`. */
const PRIMITIVE_METHODS = new Set([
  'toString', 'toFixed', 'toPrecision', 'toExponential', 'toISOString', 'toUTCString', 'toDateString', 'toTimeString',
  'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString',
  'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'trim', 'trimStart', 'trimEnd', 'trimLeft', 'trimRight',
  'padStart', 'padEnd', 'repeat', 'charAt', 'charCodeAt', 'codePointAt', 'substring', 'substr', 'normalize', 'replace', 'replaceAll',
  'join', 'indexOf', 'lastIndexOf', 'includes', 'startsWith', 'endsWith', 'localeCompare', 'getTime',
  'getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getMinutes', 'getSeconds', 'getMilliseconds',
  'getUTCFullYear', 'getUTCMonth', 'getUTCDate', 'getUTCDay', 'getUTCHours', 'getUTCMinutes', 'getUTCSeconds', 'getTimezoneOffset',
]);
/** Globals that hold a string in Node's CommonJS and ES module wrappers alike (when not declared). */
const STRING_GLOBALS = new Set(['__dirname', '__filename']);

type Decl =
  | { kind: 'var'; declarator: t.VariableDeclarator; scope: t.Node }
  | { kind: 'param'; id: t.Identifier; scope: t.Node }
  | { kind: 'other' };

/** Calls that return a date object with its own valueOf (`moment()`, `dayjs(x)`, `DateTime.now()`). */
const DATE_CALLS = new Set(['moment', 'dayjs', 'luxon', 'DateTime']);
/** Methods of those date objects that return another one. */
const DATE_OBJECT_METHODS = new Set(['add', 'subtract', 'clone', 'startOf', 'endOf', 'set', 'utc', 'local', 'tz', 'locale', 'plus', 'minus', 'toLocal', 'toUTC', 'setZone']);

export interface OperandFacts {
  /** Whether the value of `e` is surely a primitive (so `+` and a template turn it into the same text). */
  isPrimitive(e: t.Node): boolean;
  /** Whether `e` is surely an object that may have its own valueOf: `new X()`, an object literal, a date-library call, a name declared with one. */
  isSurelyObject(e: t.Node): boolean;
}

export function operandFacts(ast: t.File): OperandFacts {
  const decls = new Map<string, Decl[]>();
  const written = new Set<string>();
  let unsafeFile = false;
  const declare = (name: string, d: Decl) => {
    const list = decls.get(name);
    if (list) list.push(d);
    else decls.set(name, [d]);
  };
  walkWithAncestors(ast, (node, ancestors) => {
    switch (node.type) {
      case 'WithStatement':
        unsafeFile = true;
        break;
      case 'CallExpression':
        if (node.callee.type === 'Identifier' && node.callee.name === 'eval') unsafeFile = true;
        break;
      case 'VariableDeclaration': {
        // `let`/`const` are scoped by the statement list holding them, `var` by the function (or the program).
        let parent: t.Node = ancestors[ancestors.length - 1]?.node ?? ast;
        if (parent.type === 'ExportNamedDeclaration') parent = ancestors[ancestors.length - 2]?.node ?? ast;
        const fn = [...ancestors].reverse().find((a) => isFunction(a.node))?.node ?? ast;
        for (const d of node.declarations) {
          for (const name of paramNames(d.id)) {
            declare(name, d.id.type === 'Identifier' && !node.declare ? { kind: 'var', declarator: d, scope: node.kind === 'var' ? fn : parent } : { kind: 'other' });
          }
        }
        break;
      }
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'ObjectMethod':
      case 'ClassMethod':
      case 'ClassPrivateMethod':
      case 'TSDeclareFunction':
      case 'TSDeclareMethod':
        if ((node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'TSDeclareFunction') && node.id) declare(node.id.name, { kind: 'other' });
        for (const p of node.params) {
          const inner = p.type === 'TSParameterProperty' ? p.parameter : p;
          for (const name of paramNames(inner)) declare(name, inner.type === 'Identifier' ? { kind: 'param', id: inner, scope: node } : { kind: 'other' });
        }
        break;
      case 'ClassDeclaration':
      case 'ClassExpression':
      case 'TSEnumDeclaration':
        if (node.id) declare(node.id.name, { kind: 'other' });
        break;
      case 'TSModuleDeclaration':
        if (node.id.type === 'Identifier') declare(node.id.name, { kind: 'other' });
        break;
      case 'TSImportEqualsDeclaration':
        declare(node.id.name, { kind: 'other' });
        break;
      case 'CatchClause':
        if (node.param) for (const name of paramNames(node.param)) declare(name, { kind: 'other' });
        break;
      case 'ImportSpecifier':
      case 'ImportDefaultSpecifier':
      case 'ImportNamespaceSpecifier':
        declare(node.local.name, { kind: 'other' });
        break;
      case 'AssignmentExpression':
        for (const name of paramNames(node.left)) written.add(name);
        break;
      case 'UpdateExpression':
        if (node.argument.type === 'Identifier') written.add(node.argument.name);
        break;
      case 'ForInStatement':
      case 'ForOfStatement':
        if (node.left.type !== 'VariableDeclaration') for (const name of paramNames(node.left)) written.add(name);
        break;
    }
  });

  const busy = new Set<t.Node>();
  const undeclared = (name: string) => !decls.has(name);

  /** The one declaration a read of `id` can mean, if the file makes that certain. */
  const declarationOf = (id: t.Identifier): Decl | undefined => {
    if (unsafeFile || written.has(id.name)) return undefined;
    const list = decls.get(id.name);
    if (!list || list.length !== 1) return undefined;
    const d = list[0];
    if (d.kind === 'other' || id.start! < d.scope.start! || id.end! > d.scope.end!) return undefined;
    return d;
  };

  const isPrimitive = (e: t.Node): boolean => {
    if (busy.has(e)) return false;
    busy.add(e);
    try {
      return compute(e);
    } finally {
      busy.delete(e);
    }
  };

  const compute = (e: t.Node): boolean => {
    switch (e.type) {
      // Literals; and every unary, update and binary operator gives a primitive (`+` converts both sides itself).
      case 'StringLiteral':
      case 'NumericLiteral':
      case 'BooleanLiteral':
      case 'NullLiteral':
      case 'BigIntLiteral':
      case 'TemplateLiteral':
      case 'UnaryExpression':
      case 'UpdateExpression':
      case 'BinaryExpression':
        return true;
      case 'ParenthesizedExpression':
        return isPrimitive(e.expression);
      case 'LogicalExpression':
        return isPrimitive(e.left) && isPrimitive(e.right);
      case 'ConditionalExpression':
        return isPrimitive(e.consequent) && isPrimitive(e.alternate);
      case 'SequenceExpression':
        return isPrimitive(e.expressions[e.expressions.length - 1]);
      case 'AssignmentExpression':
        if (e.operator === '=') return isPrimitive(e.right);
        // `x += y` and friends give a primitive; `x ||= y` gives x or y.
        return !['&&=', '||=', '??='].includes(e.operator) || (e.left.type === 'Identifier' && isPrimitive(e.left) && isPrimitive(e.right));
      case 'TSAsExpression':
      case 'TSTypeAssertion':
      case 'TSSatisfiesExpression':
        return primitiveType(e.typeAnnotation) || isPrimitive(e.expression);
      case 'TSNonNullExpression':
        return isPrimitive(e.expression);
      case 'Identifier':
        return identifier(e);
      case 'MemberExpression':
        // `x.length` (arrays, strings, functions, arguments); `process.env.X` (strings, or undefined).
        if (!e.computed && e.property.type === 'Identifier' && e.property.name === 'length') return true;
        return isProcessEnv(e.object);
      case 'CallExpression':
        return call(e);
      default:
        return false;
    }
  };

  const identifier = (id: t.Identifier): boolean => {
    if (undeclared(id.name)) return id.name === 'undefined' || id.name === 'NaN' || id.name === 'Infinity' || STRING_GLOBALS.has(id.name);
    const d = declarationOf(id);
    if (!d || d.kind === 'other') return false;
    if (d.kind === 'param') return d.id.typeAnnotation?.type === 'TSTypeAnnotation' && primitiveType(d.id.typeAnnotation.typeAnnotation);
    const declId = d.declarator.id as t.Identifier;
    if (declId.typeAnnotation?.type === 'TSTypeAnnotation' && primitiveType(declId.typeAnnotation.typeAnnotation)) return true;
    const init = d.declarator.init;
    // The read must come after the declaration (no hoisted `undefined` read of a `var`, no read inside its own initializer).
    if (!init || id.start! < d.declarator.end!) return false;
    return isPrimitive(init);
  };

  const call = (e: t.CallExpression): boolean => {
    const callee = e.callee;
    if (callee.type === 'Identifier') return PRIMITIVE_CALLS.has(callee.name) && undeclared(callee.name);
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return false;
    const method = callee.property.name;
    if (callee.object.type === 'Identifier' && undeclared(callee.object.name) && PRIMITIVE_STATIC_CALLS[callee.object.name]?.has(method)) return true;
    return PRIMITIVE_METHODS.has(method);
  };

  const isProcessEnv = (e: t.Node): boolean =>
    e.type === 'MemberExpression' && !e.computed && e.object.type === 'Identifier' && e.object.name === 'process' && undeclared('process') &&
    e.property.type === 'Identifier' && e.property.name === 'env';

  const isSurelyObject = (e: t.Node): boolean => {
    if (busy.has(e)) return false;
    busy.add(e);
    try {
      switch (e.type) {
        case 'ObjectExpression':
        case 'NewExpression':
          return true;
        case 'ParenthesizedExpression':
        case 'TSAsExpression':
        case 'TSSatisfiesExpression':
        case 'TSNonNullExpression':
          return isSurelyObject(e.expression);
        case 'CallExpression': {
          // `dayjs(x)`, `moment.utc()`, `DateTime.now()`, and date objects made from them (`moment().add(1, 'day')`).
          const c = e.callee;
          if (c.type === 'Identifier') return DATE_CALLS.has(c.name);
          if (c.type !== 'MemberExpression') return false;
          if (c.object.type === 'Identifier' && DATE_CALLS.has(c.object.name)) return true;
          return DATE_OBJECT_METHODS.has(methodName(e) ?? '') && isSurelyObject(c.object);
        }
        case 'Identifier': {
          const d = declarationOf(e);
          return d?.kind === 'var' && !!d.declarator.init && isSurelyObject(d.declarator.init);
        }
        default:
          return false;
      }
    } finally {
      busy.delete(e);
    }
  };

  return { isPrimitive, isSurelyObject };
}

function methodName(e: t.CallExpression): string | undefined {
  const c = e.callee;
  return c.type === 'MemberExpression' && !c.computed && c.property.type === 'Identifier' ? c.property.name : undefined;
}

function isFunction(n: t.Node): boolean {
  return (
    n.type === 'FunctionDeclaration' ||
    n.type === 'FunctionExpression' ||
    n.type === 'ArrowFunctionExpression' ||
    n.type === 'ObjectMethod' ||
    n.type === 'ClassMethod' ||
    n.type === 'ClassPrivateMethod' ||
    n.type === 'StaticBlock'
  );
}

/** A TypeScript type whose values are all primitives: `string`, `number | null`, `'a' | 'b'`, `` `id-${string}` ``. */
function primitiveType(n: t.Node): boolean {
  switch (n.type) {
    case 'TSStringKeyword':
    case 'TSNumberKeyword':
    case 'TSBooleanKeyword':
    case 'TSBigIntKeyword':
    case 'TSNullKeyword':
    case 'TSUndefinedKeyword':
    case 'TSVoidKeyword':
    case 'TSLiteralType':
    case 'TSTemplateLiteralType' as string:
      return true;
    case 'TSParenthesizedType' as string:
      return primitiveType((n as any).typeAnnotation);
    case 'TSUnionType':
      return n.types.every(primitiveType);
    default:
      return false;
  }
}
