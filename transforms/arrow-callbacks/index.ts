import type * as t from '@babel/types';
import { z } from 'zod';
import { defineMeta, type FileTransformContext } from '../../src/types.js';
import {
  commentsIn,
  hasDuplicateParams,
  hasThisParam,
  paramsCloseParen,
  paramNames,
  paramsOpenParen,
  scanFunction,
} from '../_function-scope.js';
import { walkWithAncestors } from '../../src/ast.js';
import { targetOption, withTarget } from '../../src/target.js';

export const meta = defineMeta({
  name: 'arrow-callbacks',
  description: 'function expressions passed as call arguments → arrow functions, where this/arguments/new.target are not used',
  engine: 'file',
  reasons: {
    'unexpected-source': 'the parameters or body are not written where expected (left alone rather than guessed)',
    'arguments-used': 'it uses `arguments`, which an arrow does not have',
    'bound-otherwise': 'it is bound to something other than exactly `this`, or with arguments, which an arrow cannot pre-set',
    comment: 'a comment in the function head would be lost',
    'constructor-like': 'the callee may construct it, subclass it or use it as an object (inherits(), a function of this file that uses it with new or reads its prototype, an AngularJS controller/service/provider)',
    'duplicate-params': 'duplicate parameter names are not allowed in arrows',
    eval: 'a direct eval inside could read `this` or `arguments`',
    generator: 'arrows cannot be generators',
    generic: 'a generic `<T>(x) =>` can read as JSX outside .ts files',
    named: 'a named callback would lose its .name as an arrow (--drop-names converts it)',
    'named-recursive': 'the callback uses its own name (recursion or self-reference)',
    'new-target': 'it uses `new.target` or `super`',
    'not-an-argument': 'only callbacks passed as call arguments are converted (elsewhere the function may be constructed, or its own this, name or prototype relied on)',
    'reserved-param': 'a parameter named yield/await may not be allowed in an arrow there',
    'this-param': 'the callback declares a TypeScript `this:` parameter, which an arrow cannot have',
    'this-used': 'it uses its own `this` (the caller may set it)',
  },
  version: '1',
  options: z.object({
    target: targetOption(),
    dropNames: z.boolean().default(false).describe('also convert named function expressions whose name is unused inside (the function loses its .name)'),
    bind: z.boolean().default(true).describe('also rewrite function () {...}.bind(this) into an arrow'),
  }),
  prefilter: (source) => source.includes('function'),
});

type Options = z.infer<NonNullable<typeof meta.options>>;

/** Calls that construct or subclass the function, or treat it as an object to decorate (it is no callback there). */
const CONSTRUCTING_CALLEES = new Set([
  'inherits',
  'inheritPrototype',
  'create',
  'construct',
  'setPrototypeOf',
  'assign',
  'defineProperty',
  'defineProperties',
  'extend',
  'mixin',
]);

type Ancestor = { node: t.Node; key: string };

function calleeName(call: t.CallExpression | t.NewExpression | t.OptionalCallExpression): string | undefined {
  const c = call.callee;
  if (c.type === 'Identifier') return c.name;
  if ((c.type === 'MemberExpression' || c.type === 'OptionalMemberExpression') && !c.computed && c.property.type === 'Identifier') {
    return c.property.name;
  }
  return undefined;
}

const isCall = (n: t.Node): n is t.CallExpression | t.NewExpression | t.OptionalCallExpression =>
  n.type === 'CallExpression' || n.type === 'NewExpression' || n.type === 'OptionalCallExpression';

/** `function () {...}.bind(this)` with nothing else bound. */
function bindReceiver(node: t.Node): t.FunctionExpression | undefined {
  if (node.type !== 'CallExpression') return undefined;
  const callee = node.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'bind') {
    return undefined;
  }
  if (callee.object.type !== 'FunctionExpression') return undefined;
  if (node.arguments.length !== 1 || node.arguments[0].type !== 'ThisExpression') return undefined;
  return callee.object;
}

/**
 * For a bind call: walks up through `||`/`&&`/`??` operands, `?:` branches and sequences to a call argument.
 * Returns whether it reached one and whether the arrow needs parentheses of its own where it stands.
 */
function bindContext(call: t.CallExpression, fn: t.FunctionExpression, ancestors: Ancestor[]): { ok: boolean; parens: boolean } {
  const direct = ancestors[ancestors.length - 1];
  if (!direct) return { ok: false, parens: false };
  const alreadyWrapped = Boolean((call as any).extra?.parenthesized) || Boolean((fn as any).extra?.parenthesized);
  // `a ? (x): T => {} : b` is ambiguous for Flow and TypeScript parsers: a typed arrow in a branch gets parentheses.
  const safeSlot =
    (isCall(direct.node) && direct.key === 'arguments') ||
    (direct.node.type === 'ConditionalExpression' && direct.key !== 'test' && !fn.returnType);
  const parens = !alreadyWrapped && !safeSlot;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const { node: a, key } = ancestors[i];
    if (isCall(a) && key === 'arguments') return { ok: true, parens };
    if (a.type === 'LogicalExpression' || a.type === 'SequenceExpression') continue;
    if (a.type === 'ConditionalExpression' && key !== 'test') continue;
    return { ok: false, parens: false };
  }
  return { ok: false, parens: false };
}

function arrowCallbacksUntargeted(ctx: FileTransformContext<Options>): string | undefined {
  const ast = ctx.parse();
  const source = ctx.source;
  const comments = ast.comments ?? [];
  const typeParamsOk = ctx.parser === 'ts';
  const edits = ctx.edits();
  let locals: Map<string, t.Function[]> | undefined;
  const localFunctions = () => (locals ??= functionsByName(ast));

  walkWithAncestors(ast, (node, ancestors) => {
    let fn: t.FunctionExpression | undefined;
    let bindCall: t.CallExpression | undefined;
    let parens = false;
    const parent = ancestors[ancestors.length - 1];
    if (node.type === 'FunctionExpression' && parent && isCall(parent.node) && parent.key === 'arguments') {
      fn = node;
      const name = calleeName(parent.node);
      if (name && CONSTRUCTING_CALLEES.has(name)) {
        ctx.report(`function passed to ${name}() kept: it may be constructed, subclassed or used as an object`, node, 'constructor-like');
        return;
      }
      const constructed = constructedBy(parent.node, node, localFunctions());
      if (constructed) {
        ctx.report(`function passed to ${name ?? 'the callee'}() kept: ${constructed}, which an arrow cannot be`, node, 'constructor-like');
        return;
      }
    } else if (ctx.options.bind !== false && bindReceiver(node)) {
      fn = bindReceiver(node)!;
      const context = bindContext(node as t.CallExpression, fn, ancestors);
      if (!context.ok) return;
      bindCall = node as t.CallExpression;
      parens = context.parens;
    } else {
      if (node.type === 'FunctionExpression' && !(parent && isCall(parent.node) && parent.key === 'arguments')) reportLeft(ctx, node, ancestors);
      return;
    }

    const why = refusal(fn, Boolean(bindCall), ctx.options, typeParamsOk);
    if (why) {
      ctx.report(why.message, fn, why.reason);
      return;
    }

    // Head: `async function name <T>(` → `async <T>(`; keep everything from the type parameters or `(` on.
    const open = paramsOpenParen(source, fn);
    const close = paramsCloseParen(source, fn);
    if (open < 0 || close < 0) {
      ctx.report('parameter list not found where expected; left alone', fn, 'unexpected-source');
      return;
    }
    const headEnd = fn.typeParameters ? fn.typeParameters.start! : open;
    const arrowAt = fn.returnType ? fn.returnType.end! : close;
    if (commentsIn(comments, fn.start!, headEnd).length || commentsIn(comments, arrowAt, fn.body.start!).length) {
      ctx.report('comment in the function head kept the function as it is', fn, 'comment');
      return;
    }
    if (!/^\s*$/.test(source.slice(arrowAt, fn.body.start!))) {
      ctx.report('unexpected text between parameters and body; left alone', fn, 'unexpected-source');
      return;
    }
    let tailStart = 0;
    if (bindCall) {
      const tail = source.slice(fn.end!, bindCall.end!);
      const m = /^((?:\s*\))*)\s*\.\s*bind\s*\(\s*this\s*\)$/.exec(tail);
      if (!m) {
        ctx.report('`.bind(this)` written in an unexpected way (comments?); left alone', fn, 'comment');
        return;
      }
      tailStart = fn.end! + m[1].length;
    }
    edits.replace(fn.start!, headEnd, (parens ? '(' : '') + (fn.async ? 'async ' : ''));
    // `function(req, res){` → `(req, res) => {`: an arrow always gets a space before its body.
    edits.insert(arrowAt, fn.body.start === arrowAt ? ' => ' : ' =>');
    if (bindCall) edits.replace(tailStart, bindCall.end!, parens ? ')' : '');
  });

  return edits.size ? edits.apply() : undefined;
}

/** AngularJS registrations whose function the injector instantiates with `new`: `.controller('Name', function ($scope) {…})`. */
const INSTANTIATED_REGISTRATIONS = new Set(['controller', 'service', 'provider']);

/** Functions of the file by name: `function make(…) {}` and `const make = function/arrow`. */
function functionsByName(ast: t.File): Map<string, t.Function[]> {
  const out = new Map<string, t.Function[]>();
  const add = (name: string, fn: t.Function) => out.set(name, [...(out.get(name) ?? []), fn]);
  walkWithAncestors(ast, (node) => {
    if (node.type === 'FunctionDeclaration' && node.id) add(node.id.name, node);
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init && (node.init.type === 'FunctionExpression' || node.init.type === 'ArrowFunctionExpression')) {
      add(node.id.name, node.init);
    }
  });
  return out;
}

/**
 * Why the callee may construct the function passed to it (an arrow has no [[Construct]] and no prototype), or
 * undefined: an AngularJS controller/service/provider registration, or a function of this file (every function of
 * that name, so a shadowed name only makes this more careful) whose parameter at the argument's position is used
 * with `new`, `.prototype`, `instanceof`, `extends` or `Reflect.construct`, or whose body reads `arguments`.
 */
function constructedBy(call: t.CallExpression | t.NewExpression | t.OptionalCallExpression, fn: t.FunctionExpression, locals: Map<string, t.Function[]>): string | undefined {
  const index = call.arguments.indexOf(fn);
  const c = call.callee;
  if (
    (c.type === 'MemberExpression' || c.type === 'OptionalMemberExpression') && !c.computed && c.property.type === 'Identifier' &&
    INSTANTIATED_REGISTRATIONS.has(c.property.name) && index === 1 && call.arguments[0].type === 'StringLiteral'
  ) {
    return `a ${c.property.name} registered by name is instantiated with \`new\` (AngularJS's injector)`;
  }
  if (c.type !== 'Identifier') return undefined;
  for (const callee of locals.get(c.name) ?? []) {
    const params = callee.params;
    const rest = params.findIndex((p) => p.type === 'RestElement');
    if (rest !== -1 && rest <= index) return `${c.name}() takes it in a rest parameter, whose uses are not followed`;
    let param: t.Node | undefined = params[index];
    if (param?.type === 'AssignmentPattern') param = param.left;
    if (callee.type !== 'ArrowFunctionExpression' && scanFunction(callee).argumentsUsed) return `${c.name}() reads \`arguments\`, whose uses are not followed`;
    if (!param) continue;
    if (param.type !== 'Identifier') return `${c.name}() takes it in a destructured parameter`;
    const use = constructingUse(callee.body, param.name);
    if (use) return `${c.name}() ${use}`;
  }
  return undefined;
}

/** How a body uses `name` as a constructor: `new name()`, `name.prototype`, `x instanceof name`, `extends name`, `Reflect.construct(name)`. */
function constructingUse(body: t.Node, name: string): string | undefined {
  let found: string | undefined;
  const isName = (n: t.Node | null | undefined) => n?.type === 'Identifier' && n.name === name;
  walkWithAncestors(body, (node) => {
    if (found) return;
    if (node.type === 'NewExpression' && isName(node.callee)) found = `calls it with \`new\``;
    else if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && isName(node.object) && !node.computed && node.property.type === 'Identifier' && node.property.name === 'prototype') {
      found = 'reads its `prototype`';
    } else if (node.type === 'BinaryExpression' && node.operator === 'instanceof' && isName(node.right)) found = 'uses it with `instanceof`';
    else if ((node.type === 'ClassDeclaration' || node.type === 'ClassExpression') && isName(node.superClass)) found = 'extends it';
    else if ((node.type === 'CallExpression' || node.type === 'NewExpression') && node.arguments.some(isName)) {
      const n = calleeName(node);
      if (n && (CONSTRUCTING_CALLEES.has(n) || n === 'construct')) found = `passes it to ${n}()`;
    }
  });
  return found;
}

/**
 * A function expression that is not a callback argument: reported, unless it is the receiver of a `.bind(this)` that
 * the walk handles (converted or refused) at the bind call.
 */
function reportLeft(ctx: FileTransformContext<Options>, fn: t.FunctionExpression, ancestors: Ancestor[]): void {
  const parent = ancestors[ancestors.length - 1];
  const grand = ancestors[ancestors.length - 2];
  const member = parent?.node.type === 'MemberExpression' && parent.key === 'object' ? parent.node : undefined;
  const bindCall =
    member && !member.computed && member.property.type === 'Identifier' && member.property.name === 'bind' && grand?.node.type === 'CallExpression' && grand.key === 'callee'
      ? (grand.node as t.CallExpression)
      : undefined;
  if (bindCall && ctx.options.bind !== false && bindReceiver(bindCall) === fn && bindContext(bindCall, fn, ancestors.slice(0, -2)).ok) return;
  if (bindCall && !bindReceiver(bindCall)) {
    ctx.report('function expression kept: it is bound to something other than exactly `this`, or with arguments, which an arrow cannot pre-set', fn, 'bound-otherwise');
    return;
  }
  ctx.report('function expression kept: only callbacks passed as call arguments are converted (elsewhere it may be constructed, or its own this, name or prototype relied on)', fn, 'not-an-argument');
}

function refusal(
  fn: t.FunctionExpression,
  bound: boolean,
  options: Options,
  typeParamsOk: boolean,
): { reason: string; message: string } | undefined {
  if (fn.generator) return { reason: 'generator', message: 'generator callback kept: arrows cannot be generators' };
  if (hasThisParam(fn)) return { reason: 'this-param', message: 'callback with a TypeScript `this:` parameter kept' };
  const usage = scanFunction(fn);
  if (usage.thisUsed && !bound) {
    return { reason: 'this-used', message: 'callback kept: it uses its own `this` (the caller may set it)' };
  }
  if (usage.argumentsUsed) return { reason: 'arguments-used', message: 'callback kept: it uses `arguments`, which an arrow does not have' };
  if (usage.newTarget || usage.superUsed) return { reason: 'new-target', message: 'callback kept: it uses `new.target` or `super`' };
  if (usage.directEval) return { reason: 'eval', message: 'callback kept: a direct eval inside could read `this` or `arguments`' };
  if (fn.id) {
    if (usage.names.has(fn.id.name)) {
      return { reason: 'named-recursive', message: `callback \`${fn.id.name}\` kept: its name is used inside (recursion or self-reference)` };
    }
    if (!options.dropNames) return { reason: 'named', message: `named callback \`${fn.id.name}\` kept: an arrow would lose its .name (--drop-names to convert)` };
  }
  if (fn.params.some((p) => paramNames(p).some((n) => n === 'yield' || n === 'await'))) {
    return { reason: 'reserved-param', message: 'callback kept: a parameter named yield/await may not be allowed in an arrow here' };
  }
  if (hasDuplicateParams(fn)) return { reason: 'duplicate-params', message: 'callback kept: duplicate parameter names are not allowed in arrows' };
  if (fn.typeParameters && !typeParamsOk) {
    return { reason: 'generic', message: 'generic callback kept: `<T>(x) =>` can read as JSX outside .ts files' };
  }
  return undefined;
}

/** The target (--target, else engines.node) must run arrow: else the file stays as it is, reason `target`. */
export default withTarget('arrow', arrowCallbacksUntargeted);
