/**
 * Shared helper for the transforms that turn code async (callback-to-async, promise-to-async): can evaluating this
 * expression or statement throw? An async function turns a synchronous throw into a rejection, so code that runs
 * before the converted call must be proven not to throw. One answer for both, erring towards "may throw": a value
 * is converted to a string or number only where it is a primitive that cannot throw doing so (no Symbol, no BigInt
 * mixed with numbers, no object with its own toString/valueOf), and a name is read only where it is declared
 * before the read (no temporal dead zone, no missing global).
 */
import type { Scope } from '@babel/traverse';
import type * as t from '@babel/types';

export interface InertContext {
  /** The scope the expression's names are looked up in. */
  scope: Scope;
  /** A CommonJS module: `__dirname` and `__filename` are defined. */
  isCommonJs?: boolean;
  /** Expressions the caller knows cannot throw for reasons only it can tell (the handler's own `req.params`). */
  known?: (e: t.Node) => boolean;
  /** Expressions the caller knows are strings that cannot throw (route parameters, `path.join` of strings). */
  knownString?: (e: t.Node) => boolean;
  /**
   * Take converting the values at hand to strings or numbers (`'a/' + name`, `${name}`) not to throw: callback-to-async's
   * stated assumption (a Symbol or an object whose toString throws is not what reaches a path argument). Off, only
   * primitives proven from the code are converted.
   */
  assumeCoercionSafe?: boolean;
}

/** Binding kinds Babel gives names that exist from the start of their scope (no temporal dead zone). */
const HOISTED_KINDS = new Set(['var', 'hoisted', 'param', 'local', 'module']);

/**
 * A name whose read cannot throw: declared (for `let`/`const`/`class`: initialised) at a point before the read,
 * or `undefined` and, in CommonJS, `__dirname`/`__filename` when not shadowed.
 */
function safeName(e: t.Identifier, c: InertContext): boolean {
  const b = c.scope.getBinding(e.name);
  if (!b) return e.name === 'undefined' || (Boolean(c.isCommonJs) && (e.name === '__dirname' || e.name === '__filename'));
  const decl = b.path.node;
  if (decl.start == null || e.start == null || decl.start >= e.start) return false;
  if (HOISTED_KINDS.has(b.kind)) return true;
  // let/const/class: initialised once its declaration has run; a switch case shares one scope across its cases.
  return decl.end! <= e.start && b.scope.block.type !== 'SwitchStatement';
}

/** `this` cannot throw except in a derived class constructor before `super()`, so not in any derived constructor. */
function safeThis(c: InertContext): boolean {
  // arrows see the `this` of the function around them
  let fn = c.scope.getFunctionParent();
  while (fn && fn.block.type === 'ArrowFunctionExpression') fn = fn.parent?.getFunctionParent() ?? null;
  if (!fn || fn.block.type !== 'ClassMethod' || fn.block.kind !== 'constructor') return true;
  const cls = fn.path.parentPath?.parentPath?.node;
  return !cls || !(cls.type === 'ClassDeclaration' || cls.type === 'ClassExpression') || !cls.superClass;
}

/**
 * The kind of primitive an expression surely evaluates to (and evaluates to without throwing): `string`, `number`,
 * `boolean` or `nullish`, else null. Symbols and BigInts are never answered (converting them to strings or adding
 * them to numbers throws).
 */
export function primitiveKind(e: t.Node, c: InertContext, depth = 0): 'string' | 'number' | 'boolean' | 'nullish' | null {
  switch (e.type) {
    case 'StringLiteral':
      return 'string';
    case 'NumericLiteral':
      return 'number';
    case 'BooleanLiteral':
      return 'boolean';
    case 'NullLiteral':
      return 'nullish';
    case 'TemplateLiteral':
      return cannotThrow(e, c) ? 'string' : null;
    case 'UnaryExpression':
      if (!cannotThrow(e, c)) return null;
      return e.operator === 'typeof' ? 'string' : e.operator === '!' ? 'boolean' : 'nullish';
    case 'BinaryExpression':
      if (!cannotThrow(e, c)) return null;
      if (e.operator !== '+') return 'boolean';
      return primitiveKind(e.left, c, depth) === 'string' || primitiveKind(e.right, c, depth) === 'string' ? 'string' : 'number';
    case 'Identifier': {
      if (e.name === 'undefined' && !c.scope.getBinding(e.name)) return 'nullish';
      if (c.knownString?.(e)) return 'string';
      // a name never reassigned, initialised before the read with a primitive
      const b = c.scope.getBinding(e.name);
      if (!b || !b.constant || depth > 0 || !safeName(e, c) || !b.path.isVariableDeclarator()) return null;
      const init = b.path.node.init;
      // `var n = n + 10` reads itself (undefined at that point): not answered (and no endless descent)
      if (init && e.start != null && init.start != null && init.end != null && e.start >= init.start && e.start < init.end) return null;
      return init ? primitiveKind(init, { ...c, scope: b.path.scope }, depth + 1) : 'nullish';
    }
    case 'CallExpression': {
      const conversion = globalConversion(e, c);
      return conversion && cannotThrow(e, c) ? conversion : null;
    }
    default:
      return c.knownString?.(e) ? 'string' : null;
  }
}

/** The language's own conversions of a primitive, by the kind they return (none of them throws on a primitive but a Symbol). */
const CONVERSIONS: Record<string, 'string' | 'number' | 'boolean'> = { Number: 'number', String: 'string', Boolean: 'boolean', parseInt: 'number', parseFloat: 'number' };

/** `Number(x)`, `String(x)`, `parseInt(x, 10)`: a global conversion (not shadowed), by the kind it returns. */
function globalConversion(e: t.CallExpression, c: InertContext): 'string' | 'number' | 'boolean' | undefined {
  if (e.callee.type !== 'Identifier' || !Object.hasOwn(CONVERSIONS, e.callee.name) || c.scope.getBinding(e.callee.name)) return undefined;
  return CONVERSIONS[e.callee.name];
}

/** Whether converting the value of `e` (which cannot throw) to a string or number cannot throw. */
function converts(e: t.Node, c: InertContext): boolean {
  return Boolean(c.assumeCoercionSafe) || primitiveKind(e, c) !== null;
}

/** Expressions that cannot throw when evaluated. */
export function cannotThrow(e: t.Node, c: InertContext): boolean {
  if (c.known?.(e)) return true;
  switch (e.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
    case 'BigIntLiteral':
    case 'RegExpLiteral':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return true;
    case 'ThisExpression':
      return safeThis(c);
    case 'Identifier':
      return safeName(e, c);
    case 'TemplateLiteral':
      // each part is converted to a string: only primitives (not Symbols) convert without running code
      return e.expressions.every((x) => cannotThrow(x, c) && converts(x, c));
    case 'BinaryExpression': {
      if (e.left.type === 'PrivateName' || !cannotThrow(e.left, c) || !cannotThrow(e.right, c)) return false;
      if (e.operator === '===' || e.operator === '!==') return true;
      const left = primitiveKind(e.left, c);
      const right = primitiveKind(e.right, c);
      // loose equality converts objects (valueOf/toString) unless one side is null or undefined
      if (e.operator === '==' || e.operator === '!=')
        return (left !== null && right !== null) || left === 'nullish' || right === 'nullish' || Boolean(c.assumeCoercionSafe);
      // `+` converts both sides; with primitives other than Symbol and BigInt it cannot throw
      if (e.operator === '+') return (left !== null && right !== null) || Boolean(c.assumeCoercionSafe);
      return false;
    }
    case 'LogicalExpression':
      return cannotThrow(e.left, c) && cannotThrow(e.right, c);
    case 'CallExpression':
      // a global conversion of primitives (`Number(req.params.id)`); Boolean converts anything without running code
      return (
        !!globalConversion(e, c) &&
        e.arguments.every((a) => a.type !== 'SpreadElement' && a.type !== 'ArgumentPlaceholder' && cannotThrow(a, c) && ((e.callee as t.Identifier).name === 'Boolean' || converts(a, c)))
      );
    case 'ConditionalExpression':
      return cannotThrow(e.test, c) && cannotThrow(e.consequent, c) && cannotThrow(e.alternate, c);
    case 'UnaryExpression':
      return (e.operator === '!' || e.operator === 'typeof' || e.operator === 'void') && cannotThrow(e.argument, c);
    case 'ObjectExpression':
      return e.properties.every(
        (p) =>
          (p.type === 'ObjectProperty' && !p.computed && cannotThrow(p.value, c)) ||
          (p.type === 'ObjectMethod' && !p.computed && p.kind === 'method'),
      );
    case 'ArrayExpression':
      return e.elements.every((x) => x !== null && x.type !== 'SpreadElement' && cannotThrow(x, c));
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
    case 'TSTypeAssertion':
    case 'TypeCastExpression':
      return cannotThrow(e.expression, c);
    default:
      return false;
  }
}

/** TypeScript statements that emit no code. */
const TYPE_ONLY = new Set(['TSTypeAliasDeclaration', 'TSInterfaceDeclaration', 'TSDeclareFunction']);

/**
 * Statements that cannot throw: empty statements, function declarations, type-only declarations (not enums,
 * namespaces or `import x = require()`, which run code), declarations of names with values that cannot throw,
 * blocks and ifs of such, returns of such values. `known` answers statements the caller can vouch for.
 */
export function cannotThrowStatement(s: t.Node, c: InertContext, known?: (s: t.Node) => boolean): boolean {
  if (known?.(s)) return true;
  switch (s.type) {
    case 'EmptyStatement':
    case 'FunctionDeclaration':
      return true;
    case 'BlockStatement':
      return s.body.every((x) => cannotThrowStatement(x, c, known));
    case 'IfStatement':
      return (
        cannotThrow(s.test, c) &&
        cannotThrowStatement(s.consequent, c, known) &&
        (!s.alternate || cannotThrowStatement(s.alternate, c, known))
      );
    case 'ReturnStatement':
      return !s.argument || cannotThrow(s.argument, c);
    case 'VariableDeclaration':
      return Boolean(s.declare) || s.declarations.every((d) => d.id.type === 'Identifier' && (!d.init || cannotThrow(d.init, c)));
    default:
      return TYPE_ONLY.has(s.type) || (s.type.startsWith('TS') && 'declare' in s && Boolean(s.declare));
  }
}
