/**
 * Private helper for the `includes` and `optional-chaining` transforms: what a file proves about the runtime
 * type of an expression, from literals, well-known builtins, never-reassigned bindings and their initialisers,
 * TypeScript annotations, and `Array.isArray(x)` / `typeof x === '…'` guards that dominate a use.
 *
 * The answer is a set of possible kinds (a bitmask); `ALL` means "nothing proven". Everything here errs towards
 * `ALL`: a kind is left out only when the file itself rules it out (TypeScript annotations are trusted).
 */
import type { Binding, NodePath, TraverseOptions } from '@babel/traverse';
import type * as t from '@babel/types';
import { walk } from '../src/ast.js';

// `path.get(key)` on a NodePath typed with Babel's whole node union costs the type checker seconds per call (it
// builds the union of every key's type); these untyped lookups keep type-checking of this file fast.
function child(path: NodePath, key: string): NodePath {
  return (path as NodePath<any>).get(key) as NodePath;
}

function children(path: NodePath, key: string): NodePath[] {
  return (path as NodePath<any>).get(key) as NodePath[];
}

export const STR = 1;
/** A number that is never NaN. */
export const NUM = 2;
export const NAN = 4;
export const BOOL = 8;
export const NULL = 16;
export const UNDEF = 32;
export const BIGINT = 64;
export const SYMBOL = 128;
export const ARRAY = 256;
/** An object that is not known to be an array or a function (may be a RegExp). */
export const OBJ = 512;
export const FUNC = 1024;
/** Qualifies ARRAY: the array is dense (no holes) and holds no NaN, so `indexOf` and `includes` agree for any value. */
export const DENSE = 2048;
const KINDS = 2047;
export const ALL = KINDS;
export const PRIMITIVE = STR | NUM | NAN | BOOL | NULL | UNDEF | BIGINT | SYMBOL;
export const OBJECTISH = ARRAY | OBJ | FUNC;
export const NULLISH = NULL | UNDEF;

/** `x ⊆ allowed`: every possible kind of `x` is among `allowed` (DENSE ignored). */
export const within = (x: number, allowed: number): boolean => (x & KINDS & ~allowed) === 0;

/** Union of two kind sets; DENSE survives only when every array possibility is dense. */
export function union(a: number, b: number): number {
  const k = (a | b) & KINDS;
  const aDense = !(a & ARRAY) || (a & DENSE) !== 0;
  const bDense = !(b & ARRAY) || (b & DENSE) !== 0;
  return k & ARRAY && aDense && bDense ? k | DENSE : k;
}

const isUnbound = (path: NodePath, name: string) => !path.scope.getBinding(name);

const STRING_METHODS_ANY_RECEIVER = new Set([
  'toLowerCase',
  'toUpperCase',
  'toLocaleLowerCase',
  'toLocaleUpperCase',
  'trim',
  'trimStart',
  'trimEnd',
  'trimLeft',
  'trimRight',
]);
const STRING_METHODS_ON_STRING = new Set([
  'substring',
  'substr',
  'slice',
  'charAt',
  'padStart',
  'padEnd',
  'repeat',
  'replace',
  'replaceAll',
  'normalize',
  'concat',
]);
const ARRAY_METHODS_ON_ARRAY = new Set(['map', 'filter', 'slice', 'concat', 'sort', 'reverse', 'flat', 'flatMap', 'fill', 'splice']);
/** Methods whose result keeps the receiver's density and elements (so DENSE carries over). */
const ARRAY_METHODS_KEEP_DENSE = new Set(['filter', 'slice', 'sort', 'reverse']);
const CALLBACK_MEMBERS = new Set(['map', 'filter', 'forEach', 'some', 'every', 'find', 'findIndex', 'reduce']);
/** Uses of an array that neither mutate it nor let it escape. */
const READ_ONLY_ARRAY_MEMBERS = new Set([
  'indexOf',
  'includes',
  'lastIndexOf',
  'join',
  'length',
  'map',
  'filter',
  'forEach',
  'some',
  'every',
  'find',
  'findIndex',
  'reduce',
  'slice',
  'concat',
  'toString',
]);
const GLOBAL_OBJECT_TYPES = new Set([
  'Array',
  'ReadonlyArray',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'ReadonlyMap',
  'ReadonlySet',
  'Date',
  'RegExp',
  'Promise',
  'Error',
  'TypeError',
  'Record',
  'Function',
  'Buffer',
  'Uint8Array',
  'ArrayBuffer',
]);

export class Prover {
  private readonly busy = new Set<t.Node>();

  /** Possible kinds of the value of `path` (an expression). */
  facts(path: NodePath): number {
    return this.guarded(path, (p) => this.compute(p));
  }

  /** `compute(path)`, or ALL when the node is already being computed (a cycle through bindings or types). */
  private guarded(path: NodePath, compute: (path: NodePath) => number): number {
    const node = path.node;
    if (this.busy.has(node)) return ALL;
    this.busy.add(node);
    try {
      return compute(path);
    } finally {
      this.busy.delete(node);
    }
  }

  private compute(path: NodePath): number {
    const node = path.node as t.Node;
    switch (node.type) {
      case 'StringLiteral':
      case 'TemplateLiteral':
        return STR;
      case 'NumericLiteral':
        return NUM;
      case 'BooleanLiteral':
        return BOOL;
      case 'NullLiteral':
        return NULL;
      case 'BigIntLiteral':
        return BIGINT;
      case 'RegExpLiteral':
      case 'ObjectExpression':
      case 'NewExpression':
        return node.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'Array' && isUnbound(path, 'Array')
          ? ARRAY
          : OBJ;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'ClassExpression':
        return FUNC;
      case 'ArrayExpression':
        return this.arrayLiteral(path as NodePath<t.ArrayExpression>);
      case 'UnaryExpression':
        if (node.operator === '!' || node.operator === 'delete') return BOOL;
        if (node.operator === 'typeof') return STR;
        if (node.operator === 'void') return UNDEF;
        if (node.argument.type === 'NumericLiteral') return NUM;
        if (node.operator === '~') return NUM | BIGINT;
        return NUM | NAN | BIGINT;
      case 'UpdateExpression':
        return NUM | NAN | BIGINT;
      case 'BinaryExpression': {
        if (['==', '!=', '===', '!==', '<', '>', '<=', '>=', 'in', 'instanceof'].includes(node.operator)) return BOOL;
        if (node.operator === '+') {
          const l = this.facts(child(path, 'left'));
          const r = this.facts(child(path, 'right'));
          if (within(l, STR) || within(r, STR)) return STR;
          return STR | NUM | NAN | BIGINT;
        }
        if (['|', '&', '^', '<<', '>>', '>>>'].includes(node.operator)) return NUM | BIGINT;
        return NUM | NAN | BIGINT;
      }
      case 'LogicalExpression':
      case 'ConditionalExpression': {
        const [a, b] =
          node.type === 'LogicalExpression' ? (['left', 'right'] as const) : (['consequent', 'alternate'] as const);
        return union(this.facts(child(path, a)), this.facts(child(path, b)));
      }
      case 'SequenceExpression': {
        const exprs = children(path, 'expressions');
        return this.facts(exprs[exprs.length - 1]);
      }
      case 'AssignmentExpression':
        return node.operator === '=' ? this.facts(child(path, 'right')) : ALL;
      case 'TSAsExpression':
      case 'TSTypeAssertion':
      case 'TSSatisfiesExpression':
        return node.typeAnnotation ? this.typeFacts(child(path, 'typeAnnotation')) : ALL;
      case 'TSNonNullExpression':
        return this.facts(child(path, 'expression')) & ~NULLISH;
      case 'Identifier':
        return this.identifier(path as NodePath<t.Identifier>);
      case 'CallExpression':
        return this.call(path as NodePath<t.CallExpression>);
      case 'MemberExpression':
        return this.member(path as NodePath<t.MemberExpression>);
      default:
        return ALL;
    }
  }

  private arrayLiteral(path: NodePath<t.ArrayExpression>): number {
    let dense = true;
    for (const el of path.get('elements')) {
      if (!el.node || el.node.type === 'SpreadElement') {
        dense = false;
        break;
      }
      const f = this.facts(el as NodePath);
      if (f & NAN) {
        dense = false;
        break;
      }
    }
    return dense ? ARRAY | DENSE : ARRAY;
  }

  private call(path: NodePath<t.CallExpression>): number {
    const { callee } = path.node;
    const args = path.node.arguments;
    if (callee.type === 'Identifier' && isUnbound(path, callee.name)) {
      if (callee.name === 'String') return STR;
      if (callee.name === 'Boolean') return BOOL;
      if (callee.name === 'Number') return NUM | NAN;
      if (callee.name === 'Array') return ARRAY;
    }
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return ALL;
    const method = callee.property.name;
    const obj = callee.object;
    if (obj.type === 'Identifier' && isUnbound(path, obj.name)) {
      if (obj.name === 'Array' && (method === 'from' || method === 'of')) return ARRAY;
      if (obj.name === 'Array' && method === 'isArray') return BOOL;
      if (obj.name === 'Object' && (method === 'keys' || method === 'getOwnPropertyNames')) return ARRAY | DENSE;
      if (obj.name === 'Object' && (method === 'values' || method === 'entries')) return ARRAY;
      if (obj.name === 'JSON' && method === 'stringify') return STR | UNDEF;
      if (obj.name === 'Math') return NUM | NAN;
    }
    if (STRING_METHODS_ANY_RECEIVER.has(method)) return STR;
    if ((method === 'toString' || method === 'toFixed' || method === 'toISOString') && args.length <= 1) return STR;
    if (method === 'split' && args.length >= 1 && (args[0].type === 'StringLiteral' || args[0].type === 'RegExpLiteral')) {
      return ARRAY | DENSE;
    }
    if (method === 'join' && (args.length === 0 || (args.length === 1 && args[0].type === 'StringLiteral'))) return STR;
    const recv = this.facts(child(path, 'callee.object')) & ~NULLISH;
    if (recv === 0) return ALL;
    if (within(recv, STR)) {
      if (method === 'split') return ARRAY | DENSE;
      if (STRING_METHODS_ON_STRING.has(method)) return STR;
    }
    if (within(recv, ARRAY)) {
      if (method === 'join') return STR;
      if (ARRAY_METHODS_ON_ARRAY.has(method)) {
        if (ARRAY_METHODS_KEEP_DENSE.has(method) && recv & DENSE) return ARRAY | DENSE;
        if (method === 'concat' && recv & DENSE) {
          const all = (children(path, 'arguments')).every((a) => {
            const f = this.facts(a);
            return within(f, ARRAY) && f & DENSE;
          });
          return all ? ARRAY | DENSE : ARRAY;
        }
        return ARRAY;
      }
    }
    return ALL;
  }

  private member(path: NodePath<t.MemberExpression>): number {
    const node = path.node;
    if (!node.computed && node.property.type === 'Identifier' && node.property.name === 'length') {
      const recv = this.facts(child(path, 'object')) & ~NULLISH;
      if (recv && within(recv, STR | ARRAY)) return NUM;
    }
    if (node.object.type === 'ThisExpression' && !node.computed && (node.property.type === 'Identifier' || node.property.type === 'PrivateName')) {
      return this.classField(path, node.property.type === 'Identifier' ? node.property.name : node.property.id.name, node.property.type === 'PrivateName');
    }
    return ALL;
  }

  /** `this.x` inside a class whose field `x` is declared with a TypeScript type (trusted, like any annotation). */
  private classField(path: NodePath, name: string, isPrivate: boolean): number {
    let fn = path.getFunctionParent();
    while (fn && fn.isArrowFunctionExpression()) fn = fn.parentPath.getFunctionParent();
    if (!fn || !(fn.isClassMethod() || fn.isClassPrivateMethod())) return ALL;
    if ((fn.node as t.ClassMethod).static) return ALL;
    const body = fn.parentPath;
    if (!body?.isClassBody()) return ALL;
    for (const member of children(body, 'body')) {
      const m = member.node;
      if ((m.type === 'ClassProperty' && !isPrivate && !m.computed && m.key.type === 'Identifier' && m.key.name === name) ||
          (m.type === 'ClassPrivateProperty' && isPrivate && m.key.id.name === name)) {
        if (m.static || !m.typeAnnotation || m.typeAnnotation.type !== 'TSTypeAnnotation') return ALL;
        return this.typeFacts(child(member, 'typeAnnotation.typeAnnotation'));
      }
      if (m.type === 'ClassMethod' && m.kind === 'constructor') {
        for (const p of children(member, 'params')) {
          const pn = p.node;
          if (pn.type === 'TSParameterProperty' && pn.parameter.type === 'Identifier' && pn.parameter.name === name && !isPrivate) {
            const ann = pn.parameter.typeAnnotation;
            if (!ann || ann.type !== 'TSTypeAnnotation') return ALL;
            const f = this.typeFacts(child(p, 'parameter.typeAnnotation.typeAnnotation'));
            return pn.parameter.optional ? f | UNDEF : f;
          }
        }
      }
    }
    return ALL;
  }

  private identifier(path: NodePath<t.Identifier>): number {
    const name = path.node.name;
    const binding = path.scope.getBinding(name);
    if (!binding) {
      if (name === 'undefined') return UNDEF;
      if (name === 'NaN') return NAN;
      if (name === 'Infinity') return NUM;
      return ALL;
    }
    const guarded = binding.constantViolations.length === 0 ? guardFacts(path, name) : undefined;
    const declared = this.bindingFacts(binding);
    return guarded !== undefined ? guarded : declared;
  }

  /** What the declaration of a binding proves about every value it can hold. */
  bindingFacts(binding: Binding): number {
    const decl = binding.path;
    if (binding.kind === 'hoisted' || binding.kind === 'local') {
      return binding.constant && (decl.isFunctionDeclaration() || decl.isClassDeclaration() || decl.isFunctionExpression() || decl.isClassExpression()) ? FUNC : ALL;
    }
    if (binding.kind === 'param') {
      const id = binding.identifier;
      const ann = id.typeAnnotation;
      if (!ann || ann.type !== 'TSTypeAnnotation') return ALL;
      const annPath = findTypeAnnotationPath(decl, id);
      if (!annPath) return ALL;
      const f = this.typeFacts(annPath);
      return id.optional ? f | UNDEF : f;
    }
    if ((binding.kind === 'const' || binding.kind === 'let' || binding.kind === 'var') && decl.isVariableDeclarator()) {
      const id = decl.node.id;
      if (id.type !== 'Identifier') return ALL;
      if (id.typeAnnotation && id.typeAnnotation.type === 'TSTypeAnnotation') {
        return this.typeFacts(child(decl, 'id.typeAnnotation.typeAnnotation'));
      }
      if (!binding.constant || !decl.node.init) return ALL;
      const parentDecl = decl.parentPath;
      if (parentDecl?.isVariableDeclaration() && parentDecl.node.declare) return ALL;
      let f = this.facts(child(decl, 'init'));
      if (f & DENSE && !onlyReadOnlyUses(binding)) f &= ~DENSE;
      return f;
    }
    return ALL;
  }

  /** Kinds allowed by a TypeScript type node. */
  typeFacts(path: NodePath): number {
    return this.guarded(path, (p) => this.computeType(p));
  }

  private computeType(path: NodePath): number {
    const node = path.node as t.Node;
    switch (node.type) {
      case 'TSStringKeyword':
      case 'TSTemplateLiteralType' as string:
        return STR;
      case 'TSNumberKeyword':
        return NUM | NAN;
      case 'TSBooleanKeyword':
        return BOOL;
      case 'TSNullKeyword':
        return NULL;
      case 'TSUndefinedKeyword':
      case 'TSVoidKeyword':
        return UNDEF;
      case 'TSBigIntKeyword':
        return BIGINT;
      case 'TSSymbolKeyword':
        return SYMBOL;
      case 'TSObjectKeyword':
        return OBJECTISH;
      case 'TSNeverKeyword':
        return 0;
      case 'TSLiteralType': {
        const lit = (node as t.TSLiteralType).literal;
        if (lit.type === 'StringLiteral' || lit.type === 'TemplateLiteral') return STR;
        if (lit.type === 'NumericLiteral' || lit.type === 'UnaryExpression') return NUM;
        if (lit.type === 'BooleanLiteral') return BOOL;
        if (lit.type === 'BigIntLiteral') return BIGINT;
        return ALL;
      }
      case 'TSArrayType':
      case 'TSTupleType':
        return ARRAY;
      case 'TSFunctionType':
      case 'TSConstructorType':
        return FUNC;
      case 'TSTypeLiteral':
      case 'TSMappedType':
        return OBJ;
      case 'TSTypeOperator': {
        const op = (node as t.TSTypeOperator).operator;
        if (op === 'readonly') return this.typeFacts(child(path, 'typeAnnotation'));
        if (op === 'keyof') return STR | NUM | SYMBOL;
        return ALL;
      }
      case 'TSParenthesizedType' as string:
      case 'TSOptionalType':
        return this.typeFacts(child(path, 'typeAnnotation'));
      case 'TSUnionType': {
        let f = 0;
        for (const member of children(path, 'types')) f = union(f, this.typeFacts(member));
        return f;
      }
      case 'TSIntersectionType': {
        const all = (children(path, 'types')).map((m) => this.typeFacts(m));
        if (all.some((f) => within(f, STR))) return STR; // string & { brand }: still a string
        return all.every((f) => within(f, OBJECTISH)) ? OBJ : ALL;
      }
      case 'TSTypeReference':
        return this.typeReference(path as NodePath<t.TSTypeReference>);
      default:
        return ALL;
    }
  }

  private typeReference(path: NodePath<t.TSTypeReference>): number {
    const name = path.node.typeName;
    if (name.type !== 'Identifier') return ALL;
    const binding = path.scope.getBinding(name.name);
    if (!binding) {
      // Type-only declarations (interfaces, aliases) are not scope bindings in Babel: look them up in the file.
      const local = findTypeDeclaration(path, name.name);
      if (local === 'type-param') return ALL;
      if (local) {
        if (local.isTSInterfaceDeclaration()) return OBJ;
        if (local.isTSTypeAliasDeclaration()) {
          return local.node.typeParameters ? ALL : this.typeFacts(child(local, 'typeAnnotation'));
        }
        if (local.isTSEnumDeclaration()) return NUM | STR;
        return ALL;
      }
      if (name.name === 'Array' || name.name === 'ReadonlyArray') return ARRAY;
      if (GLOBAL_OBJECT_TYPES.has(name.name)) return name.name === 'Function' ? FUNC : OBJ;
      return ALL;
    }
    if (binding.path.isClassDeclaration()) return OBJ;
    if (binding.path.isTSEnumDeclaration()) return NUM | STR;
    return ALL;
  }
}

/** Where a param's annotation sits, as a path (plain, defaulted, rest or TS parameter-property params). */
function findTypeAnnotationPath(param: NodePath, id: t.Identifier): NodePath | undefined {
  let found: NodePath | undefined;
  param.traverse({
    Identifier(p) {
      if (p.node === id) {
        found = child(p, 'typeAnnotation.typeAnnotation');
        p.stop();
      }
    },
  } as TraverseOptions);
  if (!found && param.node === id) found = child(param, 'typeAnnotation.typeAnnotation');
  return found?.node ? found : undefined;
}

/** An interface, type alias or enum of that name visible from `path` (walking up enclosing blocks), or a type parameter. */
function findTypeDeclaration(path: NodePath, name: string): NodePath | 'type-param' | undefined {
  for (let p: NodePath | null = path; p; p = p.parentPath) {
    const tp = (p.node as any).typeParameters;
    if (tp && Array.isArray(tp.params) && tp.params.some((q: any) => q.name === name)) return 'type-param';
    const body: any[] | undefined = p.isProgram() || p.isBlockStatement() || p.isTSModuleBlock() ? (p.node as any).body : undefined;
    if (!body) continue;
    for (let i = 0; i < body.length; i++) {
      let s = body[i];
      let sp = (children(p, 'body'))[i];
      if ((s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration') && s.declaration) {
        s = s.declaration;
        sp = child(sp, 'declaration');
      }
      if ((s.type === 'TSInterfaceDeclaration' || s.type === 'TSTypeAliasDeclaration' || s.type === 'TSEnumDeclaration') && s.id.name === name) {
        return sp;
      }
    }
  }
  return undefined;
}

/** Every reference reads the array through a non-mutating member (`list.indexOf(…)`, `list.length`), and it is not exported. */
function onlyReadOnlyUses(binding: Binding): boolean {
  return binding.referencePaths.every((ref) => {
    const parent = ref.parentPath;
    if (!parent?.isMemberExpression() || parent.node.object !== ref.node || parent.node.computed) return false;
    const prop = parent.node.property;
    if (prop.type !== 'Identifier' || !READ_ONLY_ARRAY_MEMBERS.has(prop.name)) return false;
    if (CALLBACK_MEMBERS.has(prop.name)) {
      // The callback gets the array itself as its third argument: only inline callbacks that cannot see it.
      const call = parent.parentPath;
      const cb = call?.isCallExpression() && call.node.callee === parent.node ? call.node.arguments[0] : undefined;
      const fnLike = cb && (cb.type === 'ArrowFunctionExpression' || cb.type === 'FunctionExpression') ? cb : undefined;
      if (!fnLike || fnLike.params.length > 2 || fnLike.params.some((q) => q.type === 'RestElement')) return false;
      if (fnLike.type === 'FunctionExpression' && mentionsArguments(fnLike.body)) return false;
    }
    return prop.name === 'length' ? !(parent.parentPath?.isAssignmentExpression() && parent.parentPath.node.left === parent.node) : true;
  });
}

function mentionsArguments(body: t.Node): boolean {
  let found = false;
  walk(body, (n) => {
    if (n.type === 'Identifier' && n.name === 'arguments') found = true;
    return !found;
  });
  return found;
}

type Guard = { name: string; facts: number };

/** `Array.isArray(x)` or `typeof x === 'string'` (and their negations), as a fact about `x` when `truthy`. */
function readGuard(node: t.Node, path: NodePath, truthy: boolean): Guard[] {
  if (node.type === 'UnaryExpression' && node.operator === '!') return readGuard(node.argument, path, !truthy);
  if (node.type === 'LogicalExpression') {
    // `A && B` true: both hold; `A || B` false: both fail.
    if ((node.operator === '&&' && truthy) || (node.operator === '||' && !truthy)) {
      return [...readGuard(node.left, path, truthy), ...readGuard(node.right, path, truthy)];
    }
    return [];
  }
  if (node.type === 'BinaryExpression' && (node.operator === '!==' || node.operator === '!=')) {
    return readGuard({ ...node, operator: '===' }, path, !truthy);
  }
  if (!truthy) return [];
  if (
    node.type === 'CallExpression' &&
    node.callee.type === 'MemberExpression' &&
    !node.callee.computed &&
    node.callee.object.type === 'Identifier' &&
    node.callee.object.name === 'Array' &&
    node.callee.property.type === 'Identifier' &&
    node.callee.property.name === 'isArray' &&
    !path.scope.getBinding('Array') &&
    node.arguments.length === 1 &&
    node.arguments[0].type === 'Identifier'
  ) {
    return [{ name: node.arguments[0].name, facts: ARRAY }];
  }
  if (node.type === 'BinaryExpression' && (node.operator === '===' || node.operator === '==')) {
    const pairs: Array<[t.Node, t.Node]> = [
      [node.left, node.right],
      [node.right, node.left],
    ];
    for (const [a, b] of pairs) {
      if (a.type === 'UnaryExpression' && a.operator === 'typeof' && a.argument.type === 'Identifier' && b.type === 'StringLiteral' && b.value === 'string') {
        return [{ name: a.argument.name, facts: STR }];
      }
    }
  }
  return [];
}

/** Exits unconditionally: `return`, `throw`, `continue`, `break`, or a block ending in one. */
function exits(node: t.Node): boolean {
  if (node.type === 'ReturnStatement' || node.type === 'ThrowStatement' || node.type === 'ContinueStatement' || node.type === 'BreakStatement') return true;
  if (node.type === 'BlockStatement') return node.body.length > 0 && exits(node.body[node.body.length - 1]);
  return false;
}

/**
 * Facts about identifier `name` (a binding that is never reassigned) from guards that dominate `path`:
 * `if (Array.isArray(x)) { …use… }`, `typeof x === 'string' ? use : …`, `Array.isArray(x) && use`, and an earlier
 * `if (!Array.isArray(x)) return;` in an enclosing block.
 */
function guardFacts(path: NodePath, name: string): number | undefined {
  const binding = path.scope.getBinding(name);
  let child: NodePath = path;
  for (let p = path.parentPath; p; child = p, p = p.parentPath) {
    // A function declaration is hoisted: it may run before any guard around it.
    if (p.isFunctionDeclaration()) return undefined;
    let guards: Guard[] = [];
    const node = p.node;
    if ((node.type === 'IfStatement' || node.type === 'ConditionalExpression') && child.node !== node.test) {
      guards = readGuard(node.test, p, child.node === node.consequent);
    } else if (node.type === 'LogicalExpression' && child.node === node.right && (node.operator === '&&' || node.operator === '||')) {
      guards = readGuard(node.left, p, node.operator === '&&');
    } else if (node.type === 'BlockStatement' || node.type === 'Program') {
      const body = node.body as t.Statement[];
      const idx = body.indexOf(child.node as t.Statement);
      for (let i = idx - 1; i >= 0; i--) {
        const s = body[i];
        if (s.type === 'IfStatement' && !s.alternate && exits(s.consequent)) guards.push(...readGuard(s.test, p, false));
      }
    }
    for (const g of guards) {
      // The guard must name the same binding, not a shadowing one.
      if (g.name === name && p.scope.getBinding(name) === binding) return g.facts;
    }
    if (p.isProgram()) break;
  }
  return undefined;
}

/**
 * How the value of an expression is used:
 * - `test`: only its truthiness (if/while/for tests, ternary tests, `!`, `Boolean(…)`, `&&`/`||` operands in test position);
 * - `falsy-free`: its truthiness, and its value only when truthy (left of `||` in a value position);
 * - `discarded`: not at all (expression statement, `void`, non-last sequence item, for init/update);
 * - `value`: its exact value.
 */
export type Usage = 'test' | 'falsy-free' | 'discarded' | 'value';

export function usageOf(path: NodePath): Usage {
  const parent = path.parentPath;
  if (!parent) return 'value';
  const node = path.node;
  const pn = parent.node as t.Node;
  switch (pn.type) {
    case 'IfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
      return pn.test === node ? 'test' : 'value';
    case 'ForStatement':
      if (pn.test === node) return 'test';
      return pn.init === node || pn.update === node ? 'discarded' : 'value';
    case 'ConditionalExpression':
      return pn.test === node ? 'test' : usageOf(parent);
    case 'UnaryExpression':
      if (pn.operator === '!') return 'test';
      return pn.operator === 'void' ? 'discarded' : 'value';
    case 'LogicalExpression': {
      if (pn.operator === '??') return pn.right === node ? usageOf(parent) : 'value';
      const outer = usageOf(parent);
      if (pn.right === node) return outer;
      if (outer === 'test' || outer === 'discarded') return 'test';
      return pn.operator === '||' ? 'falsy-free' : 'value';
    }
    case 'CallExpression':
      return pn.callee.type === 'Identifier' && pn.callee.name === 'Boolean' && !parent.scope.getBinding('Boolean') && pn.arguments.length === 1 && pn.arguments[0] === node
        ? 'test'
        : 'value';
    case 'SequenceExpression':
      return pn.expressions[pn.expressions.length - 1] === node ? usageOf(parent) : 'discarded';
    case 'ExpressionStatement':
      return 'discarded';
    default:
      return 'value';
  }
}
