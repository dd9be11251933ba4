import type * as t from '@babel/types';
import { z } from 'zod';
import { defineMeta, type FileTransformContext } from '../../src/types.js';
import { commentsIn, hasDuplicateParams, paramsOpenParen, scanFunction } from '../_function-scope.js';
import { walkWithAncestors } from '../../src/ast.js';
import { targetOption, withTarget } from '../../src/target.js';

export const meta = defineMeta({
  name: 'object-shorthand',
  description: 'object literal { a: a } → { a } and { f: function () {} } → { f() {} }, where the two mean the same',
  engine: 'file',
  reasons: {
    comment: 'a comment sits inside the property',
    'computed-key': 'a computed key `[a]: a` has no shorthand form',
    'constructor-like': 'a capitalised name suggests a constructor, and a method cannot be one',
    'duplicate-params': 'duplicate parameter names are a SyntaxError in a method',
    eval: 'a direct eval inside could depend on the function form',
    'named-function': 'the function refers to itself by name, which a method cannot',
    'option-off': 'the rewrite is turned off by --no-properties or --no-methods',
    proto: 'the long form sets the prototype, the shorthand would create an own property',
    'quoted-key': 'the key is quoted (often kept alike with other quoted keys or JSON field names)',
    'reserved-name': 'the name is not a plain variable reference in shorthand',
    'type-assertion': 'the value is wrapped in a type assertion, which the shorthand cannot keep',
    'unexpected-source': 'the key or value is written with escapes or parentheses',
  },
  version: '1',
  options: z.object({
    target: targetOption(),
    properties: z.boolean().default(true).describe('rewrite { a: a } to { a }'),
    methods: z.boolean().default(true).describe('rewrite { f: function () {} } to { f() {} }'),
  }),
  prefilter: (source) => source.includes(':'),
});

type Options = z.infer<NonNullable<typeof meta.options>>;

/** Names a file constructs or reaches the prototype of: `new x.Name(`, `new Name(`, `x.Name.prototype`, `Name.prototype`. */
function constructedNames(ast: t.File): Set<string> {
  const names = new Set<string>();
  const nameOf = (n: t.Node): string | undefined => {
    if (n.type === 'Identifier') return n.name;
    if ((n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') && !n.computed && n.property.type === 'Identifier') return n.property.name;
    if ((n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') && n.computed && n.property.type === 'StringLiteral') return n.property.value;
    return undefined;
  };
  walkWithAncestors(ast, (node) => {
    if (node.type === 'NewExpression') {
      const name = nameOf(node.callee);
      if (name) names.add(name);
    }
    if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && !node.computed && node.property.type === 'Identifier') {
      if (node.property.name === 'prototype') {
        const name = nameOf(node.object);
        if (name) names.add(name);
      }
    }
  });
  return names;
}

function isPrototypeMember(n: t.Node): boolean {
  return n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier' && n.property.name === 'prototype';
}

function keyName(key: t.Node, computed: boolean): string | undefined {
  if (computed) return undefined;
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  if (key.type === 'NumericLiteral') return String(key.value);
  return undefined;
}

/** The expression inside a TypeScript assertion (`a as T`, `<T>a`, `a!`, `a satisfies T`), else undefined. */
function assertedValue(value: t.Node): t.Node | undefined {
  let inner: t.Node = value;
  while (inner.type === 'TSAsExpression' || inner.type === 'TSTypeAssertion' || inner.type === 'TSNonNullExpression' || inner.type === 'TSSatisfiesExpression') {
    inner = inner.expression;
  }
  return inner === value ? undefined : inner;
}

const RESERVED_VALUES = new Set(['await', 'yield', 'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public']);

function objectShorthandUntargeted(ctx: FileTransformContext<Options>): string | undefined {
  const ast = ctx.parse();
  const source = ctx.source;
  const comments = ast.comments ?? [];
  const edits = ctx.edits();
  let constructed: Set<string> | undefined;

  walkWithAncestors(ast, (node, ancestors) => {
    if (node.type !== 'ObjectExpression') return;
    const parent = ancestors[ancestors.length - 1];
    // `X.prototype = {...}` or `Object.assign(X.prototype, {...})`: its functions are called on instances.
    const isPrototypeObject =
      (parent?.node.type === 'AssignmentExpression' && parent.key === 'right' && isPrototypeMember(parent.node.left)) ||
      (parent?.node.type === 'CallExpression' && parent.key === 'arguments' && parent.node.arguments.some(isPrototypeMember));
    for (const prop of node.properties) {
      if (prop.type !== 'ObjectProperty' || prop.shorthand) continue;
      const value = prop.value as t.Node;
      const name = keyName(prop.key, prop.computed);
      if (name === '__proto__') {
        if (value.type === 'Identifier' || value.type === 'FunctionExpression') {
          ctx.report('`__proto__:` kept: the long form sets the prototype, the shorthand would create an own property', prop, 'proto');
        }
        continue;
      }
      const asserted = assertedValue(value);
      if (asserted && ((asserted.type === 'Identifier' && !prop.computed && name === asserted.name && ctx.options.properties !== false) || (asserted.type === 'FunctionExpression' && ctx.options.methods !== false))) {
        ctx.report(`\`${source.slice(prop.key.start!, prop.key.end!)}\` kept: the value is wrapped in a type assertion, which the shorthand cannot keep`, prop, 'type-assertion');
        continue;
      }
      // Candidates the options leave out are still looked at: say so.
      const valueName = asserted?.type === 'Identifier' ? asserted.name : value.type === 'Identifier' ? value.name : undefined;
      if (ctx.options.properties === false && valueName !== undefined && !prop.computed && name === valueName) {
        ctx.report(`\`${source.slice(prop.key.start!, prop.key.end!)}: ${valueName}\` kept: --no-properties turns this rewrite off`, prop, 'option-off');
        continue;
      }
      if (ctx.options.methods === false && (value.type === 'FunctionExpression' || asserted?.type === 'FunctionExpression')) {
        ctx.report(`\`${source.slice(prop.key.start!, prop.key.end!)}\` kept as a function: --no-methods turns this rewrite off`, prop, 'option-off');
        continue;
      }
      if (value.type === 'Identifier' && ctx.options.properties !== false) {
        if (prop.computed && ((prop.key.type === 'Identifier' && prop.key.name === value.name) || (prop.key.type === 'StringLiteral' && prop.key.value === value.name))) {
          ctx.report(`\`[${source.slice(prop.key.start!, prop.key.end!)}]: ${value.name}\` kept: a computed key has no shorthand form`, prop, 'computed-key');
          continue;
        }
        if (!prop.computed && prop.key.type === 'StringLiteral' && prop.key.value === value.name) {
          ctx.report(`\`${source.slice(prop.key.start!, prop.key.end!)}: ${value.name}\` kept: the key is quoted (often kept alike with other quoted keys or JSON field names)`, prop, 'quoted-key');
          continue;
        }
        if (prop.computed || prop.key.type !== 'Identifier' || prop.key.name !== value.name) continue;
        if (RESERVED_VALUES.has(value.name)) {
          ctx.report(`\`${value.name}: ${value.name}\` kept: \`${value.name}\` is not a plain variable reference in shorthand`, prop, 'reserved-name');
          continue;
        }
        if (source.slice(prop.key.start!, prop.key.end!) !== value.name || source.slice(value.start!, value.end!) !== value.name || (value as any).extra?.parenthesized) {
          ctx.report(`\`${value.name}\` kept: the key or value is written with escapes or parentheses`, prop, 'unexpected-source');
          continue;
        }
        if (commentsIn(comments, prop.start!, prop.end!).length) {
          ctx.report(`\`${value.name}: ${value.name}\` kept: a comment sits inside the property`, prop, 'comment');
          continue;
        }
        edits.replace(prop.start!, prop.end!, value.name);
        continue;
      }
      if (value.type === 'FunctionExpression' && ctx.options.methods !== false) {
        constructed ??= constructedNames(ast);
        convertMethod(ctx, prop, value, name, isPrototypeObject, constructed, comments, edits);
      }
    }
  });

  return edits.size ? edits.apply() : undefined;
}

function convertMethod(
  ctx: FileTransformContext<Options>,
  prop: t.ObjectProperty,
  fn: t.FunctionExpression,
  name: string | undefined,
  isPrototypeObject: boolean,
  constructed: Set<string>,
  comments: readonly t.Comment[],
  edits: ReturnType<FileTransformContext['edits']>,
): void {
  const source = ctx.source;
  const label = name ?? source.slice(prop.key.start!, prop.key.end!);
  if ((fn as any).extra?.parenthesized) {
    ctx.report(`\`${label}\` kept: the function is wrapped in parentheses`, prop, 'unexpected-source');
    return;
  }
  if (name !== undefined && prop.key.type === 'Identifier' && source.slice(prop.key.start!, prop.key.end!) !== name) {
    ctx.report(`\`${label}\` kept: the key is written with escapes`, prop, 'unexpected-source');
    return;
  }
  const usage = scanFunction(fn);
  if (name === 'constructor') {
    ctx.report('`constructor` kept as a function: class helpers (Backbone-style extend) call it with new', prop, 'constructor-like');
    return;
  }
  if (name !== undefined && /^[A-Z]/.test(name)) {
    ctx.report(`\`${label}\` kept as a function: a capitalised name suggests a constructor, and a method cannot be one`, prop, 'constructor-like');
    return;
  }
  if (name !== undefined && constructed.has(name)) {
    ctx.report(`\`${label}\` kept as a function: the file uses a \`${name}\` with new or .prototype, and a method has neither`, prop, 'constructor-like');
    return;
  }
  if (usage.newTarget || (usage.thisAssigned && !isPrototypeObject)) {
    ctx.report(`\`${label}\` kept as a function: it sets up \`this\` like a constructor, and a method cannot be called with new`, prop, 'constructor-like');
    return;
  }
  if (fn.id) {
    if (fn.id.name !== name) {
      ctx.report(`\`${label}\` kept: the function is named \`${fn.id.name}\`, and a method would be named after its key`, prop, 'named-function');
      return;
    }
    if (usage.names.has(fn.id.name)) {
      ctx.report(`\`${label}\` kept: the function refers to itself by name, which a method cannot`, prop, 'named-function');
      return;
    }
  }
  if (hasDuplicateParams(fn)) {
    ctx.report(`\`${label}\` kept: duplicate parameter names are a SyntaxError in a method`, prop, 'duplicate-params');
    return;
  }
  if (usage.directEval) {
    ctx.report(`\`${label}\` kept: a direct eval inside could depend on the function form`, prop, 'eval');
    return;
  }
  // Key end: after the `]` of a computed key.
  let keyEnd = prop.key.end!;
  if (prop.computed) {
    // `[(key)]`: the parentheses around the key stay inside the brackets.
    const close = source.indexOf(']', keyEnd);
    if (close < 0 || !/^[\s)]*$/.test(source.slice(keyEnd, close)) || commentsIn(comments, keyEnd, close).length) {
      ctx.report(`\`${label}\` kept: the computed key is not closed where expected`, prop, 'unexpected-source');
      return;
    }
    keyEnd = close + 1;
  }
  const open = paramsOpenParen(source, fn);
  if (open < 0) {
    ctx.report(`\`${label}\` kept: parameter list not found where expected`, prop, 'unexpected-source');
    return;
  }
  const headEnd = fn.typeParameters ? fn.typeParameters.start! : open;
  if (commentsIn(comments, keyEnd, headEnd).length) {
    ctx.report(`\`${label}\` kept: a comment sits between the key and the parameters, and the rewrite would drop it`, prop, 'comment');
    return;
  }
  const prefix = (fn.async ? 'async ' : '') + (fn.generator ? '*' : '');
  if (prefix) edits.insert(prop.start!, prefix);
  edits.remove(keyEnd, headEnd);
}

/** The target (--target, else engines.node) must run object-shorthand: else the file stays as it is, reason `target`. */
export default withTarget('object-shorthand', objectShorthandUntargeted);
