import type * as t from '@babel/types';
import { z } from 'zod';
import { defineMeta, type FileTransformContext } from '../../src/types.js';
import { commentsIn, fileFlags, mentionedNames, paramNames, scanFunction } from '../_function-scope.js';
import { walkWithAncestors } from '../../src/ast.js';
import { targetOption, withTarget } from '../../src/target.js';

export const meta = defineMeta({
  name: 'default-params',
  description: "`if (b === undefined) b = 5;` at the top of a function → default parameter `b = 5`, where nothing else changes",
  engine: 'file',
  reasons: {
    accessor: 'getter and setter parameters are left as they are',
    arguments: 'the function uses `arguments` (or eval), which a default parameter would unmap from the parameters',
    arity: 'the function may be used through a reference (callback, middleware, export, method), and a default would change its .length from 4 to 3',
    'await-in-default': 'await/yield is not allowed in a parameter default',
    comment: 'a comment on the statement\'s lines would be lost',
    'earlier-check-kept': 'an earlier check of the same run stays in the body, and this one must still run after it',
    'falsy-default': '`||`/`!` replaces every falsy value (0, \'\', false); a default parameter only undefined',
    'not-at-top': 'the check is not at the top of the function, where the value may already have been used',
    'not-simple-param': 'it is destructured or a rest element, not a plain parameter',
    'null-default': 'the check also replaces null, a default parameter only undefined',
    order: 'the checks are not in parameter order, so defaults would run in another order',
    'references-local': 'the default reads a parameter not yet initialised',
    'shadowed-undefined': 'the file declares a name `undefined` or uses `with`, so `undefined` may not be the real one',
    'unexpected-source': 'the source is not written where expected (left alone rather than guessed)',
    'use-strict': 'the body says \'use strict\', which is a SyntaxError with default parameters',
  },
  version: '1',
  options: z.object({
    target: targetOption(),
    ignoreArity: z
      .boolean()
      .default(false)
      .describe('rewrite even when function.length changes for a function that may be used through a reference'),
  }),
  prefilter: (source) => source.includes('undefined') || source.includes('void') || source.includes('||') || source.includes('??'),
});

type Options = z.infer<NonNullable<typeof meta.options>>;

type AnyFunction = t.FunctionDeclaration | t.FunctionExpression | t.ArrowFunctionExpression | t.ObjectMethod | t.ClassMethod | t.ClassPrivateMethod;

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);

type Match =
  | { kind: 'default'; name: string; value: t.Expression }
  | { kind: 'falsy-default' | 'null-default'; name: string };

const isUndefined = (n: t.Node): boolean =>
  (n.type === 'Identifier' && n.name === 'undefined') ||
  (n.type === 'UnaryExpression' && n.operator === 'void' && n.argument.type === 'NumericLiteral');
const isNull = (n: t.Node): boolean => n.type === 'NullLiteral';
const isUndefinedString = (n: t.Node): boolean => n.type === 'StringLiteral' && n.value === 'undefined';
const identName = (n: t.Node): string | undefined => (n.type === 'Identifier' ? n.name : undefined);

/** `x === undefined` (positive) or `x !== undefined` (negative), with the typeof and void 0 spellings. */
function undefinedTest(test: t.Node): { name: string; negated: boolean } | { name: string; nullish: true } | undefined {
  if (test.type !== 'BinaryExpression') return undefined;
  const { operator, left, right } = test;
  const pairs: Array<[t.Node, t.Node]> = [
    [left, right],
    [right, left],
  ];
  for (const [a, b] of pairs) {
    // typeof x === 'undefined' (== is the same here: both sides are strings)
    if (a.type === 'UnaryExpression' && a.operator === 'typeof' && isUndefinedString(b)) {
      const name = identName(a.argument);
      if (!name) return undefined;
      if (operator === '===' || operator === '==') return { name, negated: false };
      if (operator === '!==' || operator === '!=') return { name, negated: true };
    }
    const name = identName(a);
    if (!name || name === 'undefined') continue;
    if (isUndefined(b)) {
      if (operator === '===') return { name, negated: false };
      if (operator === '!==') return { name, negated: true };
      if (operator === '==' || operator === '!=') return { name, nullish: true };
    }
    if (isNull(b) && (operator === '==' || operator === '!=' || operator === '===' || operator === '!==')) return { name, nullish: true };
  }
  return undefined;
}

/** `x = value` as a statement (or the only statement of a block). */
function assignmentIn(stmt: t.Statement): t.AssignmentExpression | undefined {
  let s: t.Statement = stmt;
  if (s.type === 'BlockStatement') {
    if (s.body.length !== 1 || s.directives?.length) return undefined;
    s = s.body[0];
  }
  if (s.type !== 'ExpressionStatement') return undefined;
  return s.expression.type === 'AssignmentExpression' ? s.expression : undefined;
}

function matchStatement(stmt: t.Statement): Match | undefined {
  if (stmt.type === 'IfStatement') {
    if (stmt.alternate) return undefined;
    const assign = assignmentIn(stmt.consequent);
    if (!assign || assign.operator !== '=' || assign.left.type !== 'Identifier') return undefined;
    const name = assign.left.name;
    if (stmt.test.type === 'UnaryExpression' && stmt.test.operator === '!' && identName(stmt.test.argument) === name) {
      return { kind: 'falsy-default', name };
    }
    const test = undefinedTest(stmt.test);
    if (!test || test.name !== name) return undefined;
    if ('nullish' in test) return { kind: 'null-default', name };
    if (test.negated) return undefined;
    return { kind: 'default', name, value: assign.right };
  }
  if (stmt.type !== 'ExpressionStatement' || stmt.expression.type !== 'AssignmentExpression') return undefined;
  const assign = stmt.expression;
  if (assign.left.type !== 'Identifier') return undefined;
  const name = assign.left.name;
  if (assign.operator === '||=') return { kind: 'falsy-default', name };
  if (assign.operator === '??=') return { kind: 'null-default', name };
  if (assign.operator !== '=') return undefined;
  const rhs = assign.right;
  if (rhs.type === 'LogicalExpression' && identName(rhs.left) === name) {
    if (rhs.operator === '||') return { kind: 'falsy-default', name };
    if (rhs.operator === '??') return { kind: 'null-default', name };
  }
  if (rhs.type === 'ConditionalExpression') {
    const test = undefinedTest(rhs.test);
    if (!test || test.name !== name) return undefined;
    if ('nullish' in test) {
      if (identName(rhs.consequent) === name || identName(rhs.alternate) === name) return { kind: 'null-default', name };
      return undefined;
    }
    // b = b === undefined ? 5 : b   /   b = b !== undefined ? b : 5
    const [value, keep] = test.negated ? [rhs.alternate, rhs.consequent] : [rhs.consequent, rhs.alternate];
    if (identName(keep) !== name) return undefined;
    return { kind: 'default', name, value };
  }
  return undefined;
}

/** Expressions whose evaluation has no side effects we need to order (literals, names, closures, plain literals). */
function isPure(n: t.Node): boolean {
  switch (n.type) {
    case 'NumericLiteral':
    case 'StringLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
    case 'BigIntLiteral':
    case 'RegExpLiteral':
    case 'Identifier':
    case 'ThisExpression':
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return true;
    case 'TemplateLiteral':
      return n.expressions.every(isPure);
    case 'UnaryExpression':
      return n.operator !== 'delete' && isPure(n.argument);
    case 'ArrayExpression':
      return n.elements.every((e) => e !== null && e.type !== 'SpreadElement' && isPure(e));
    case 'ObjectExpression':
      return n.properties.every((p) => p.type === 'ObjectProperty' && !p.computed && isPure(p.value));
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'TypeCastExpression':
      return isPure(n.expression);
    default:
      return false;
  }
}

function containsYieldOrAwait(n: t.Node): boolean {
  let found = false;
  walkWithAncestors(n, (node, ancestors) => {
    if (node.type !== 'AwaitExpression' && node.type !== 'YieldExpression') return;
    // Inside a nested function they belong to it.
    if (!ancestors.some((a) => FUNCTION_TYPES.has(a.node.type))) found = true;
  });
  return found;
}

/** Names declared anywhere in a body, except inside nested functions (whose own names count). */
function declaredInBody(body: t.BlockStatement): Set<string> {
  const names = new Set<string>();
  const visit = (node: t.Node) => {
    switch (node.type) {
      case 'VariableDeclarator':
        for (const n of paramNames(node.id)) names.add(n);
        break;
      case 'FunctionDeclaration':
      case 'ClassDeclaration':
        if (node.id) names.add(node.id.name);
        if (node.type === 'FunctionDeclaration') return;
        break;
      case 'CatchClause':
        if (node.param) for (const n of paramNames(node.param)) names.add(n);
        break;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'ObjectMethod':
      case 'ClassMethod':
      case 'ClassPrivateMethod':
        return;
    }
    for (const key in node) {
      if (key === 'loc' || key === 'extra' || key.endsWith('Comments')) continue;
      const v = (node as any)[key];
      if (Array.isArray(v)) {
        for (const c of v) if (c && typeof c.type === 'string') visit(c);
      }
      else if (v && typeof v.type === 'string') visit(v);
    }
  };
  visit(body);
  return names;
}

/** `.length`: parameters before the first default or rest (a TypeScript `this` parameter does not count). */
function arity(params: t.Node[]): number {
  let n = 0;
  for (const p of params) {
    if (p.type === 'AssignmentPattern' || p.type === 'RestElement') break;
    if (p.type === 'TSParameterProperty' && p.parameter.type === 'AssignmentPattern') break;
    n++;
  }
  return n;
}

function realParams(fn: AnyFunction): t.Node[] {
  const first = fn.params[0];
  return first && first.type === 'Identifier' && first.name === 'this' ? fn.params.slice(1) : fn.params;
}

function usesCommonJs(source: string): boolean {
  return /\brequire\s*\(|\bmodule\.exports\b|\bexports\.[A-Za-z_$]/.test(source);
}

interface NameUse {
  calls: number;
  other: number;
}

function defaultParamsUntargeted(ctx: FileTransformContext<Options>): string | undefined {
  const ast = ctx.parse();
  const source = ctx.source;
  const comments = ast.comments ?? [];
  const isModule = ast.program.sourceType === 'module' || /\.(mjs|cjs|mts|cts)$/.test(ctx.path) || usesCommonJs(source);

  const functions: Array<{ fn: AnyFunction; ancestors: Array<{ node: t.Node; key: string }> }> = [];
  const declIds = new Set<t.Node>();
  walkWithAncestors(ast, (node, ancestors) => {
    if (FUNCTION_TYPES.has(node.type) && (node as AnyFunction).body.type === 'BlockStatement') {
      functions.push({ fn: node as AnyFunction, ancestors: [...ancestors] });
      if (node.type === 'FunctionDeclaration' && node.id) declIds.add(node.id);
    }
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init && FUNCTION_TYPES.has(node.init.type)) declIds.add(node.id);
  });
  if (!functions.length) return undefined;

  // Every mention of a name in the file, split into direct calls and anything else (conservative: no scopes).
  let uses: Map<string, NameUse> | undefined;
  const usesOf = (name: string): NameUse => {
    if (!uses) {
      uses = new Map();
      const map = uses;
      walkWithAncestors(ast, (node, ancestors) => {
        if (node.type !== 'Identifier' || declIds.has(node)) return;
        const parent = ancestors[ancestors.length - 1];
        if (parent) {
          const p = parent.node;
          if ((p.type === 'MemberExpression' || p.type === 'OptionalMemberExpression') && parent.key === 'property' && !p.computed) return;
          if ((p.type === 'ObjectProperty' || p.type === 'ObjectMethod' || p.type === 'ClassMethod' || p.type === 'ClassProperty') && parent.key === 'key' && !(p as any).computed) return;
        }
        const entry = map.get(node.name) ?? { calls: 0, other: 0 };
        const isCallee = parent && (parent.node.type === 'CallExpression' || parent.node.type === 'NewExpression') && parent.key === 'callee';
        if (isCallee) entry.calls++;
        else entry.other++;
        map.set(node.name, entry);
      });
    }
    return uses.get(name) ?? { calls: 0, other: 0 };
  };

  /** True when the function can only be reached by direct calls in this file, so `.length` is never read. */
  const onlyCalledDirectly = (fn: AnyFunction, ancestors: Array<{ node: t.Node; key: string }>): boolean => {
    const parent = ancestors[ancestors.length - 1];
    if (!parent) return false;
    // Immediately invoked: (function (a, b) { ... })(x)
    if ((parent.node.type === 'CallExpression' || parent.node.type === 'NewExpression') && parent.key === 'callee') return true;
    let name: string | undefined;
    let topLevel = false;
    if (fn.type === 'FunctionDeclaration' && fn.id) {
      if (parent.node.type !== 'Program' && parent.node.type !== 'BlockStatement') return false; // export, labels
      name = fn.id.name;
      topLevel = parent.node.type === 'Program';
    } else if ((fn.type === 'FunctionExpression' || fn.type === 'ArrowFunctionExpression') && parent.node.type === 'VariableDeclarator' && parent.key === 'init') {
      const declarator = parent.node;
      if (declarator.id.type !== 'Identifier') return false;
      const decl = ancestors[ancestors.length - 2];
      const container = ancestors[ancestors.length - 3];
      if (!decl || !container || container.node.type.startsWith('Export')) return false;
      name = declarator.id.name;
      topLevel = container.node.type === 'Program';
    }
    if (!name) return false;
    // A top-level declaration of a classic script is a global other scripts can reach.
    if (topLevel && !isModule) return false;
    const u = usesOf(name);
    // A named function expression's own name: references inside count as well (they are in the same map).
    return u.other === 0;
  };

  const flags = fileFlags(ast);
  const edits = ctx.edits();

  for (const { fn, ancestors } of functions) {
    const body = fn.body as t.BlockStatement;
    if (!body.body.length) continue;
    const params = realParams(fn);
    const paramIndex = new Map<string, number>();
    params.forEach((p, i) => {
      if (p.type === 'Identifier') paramIndex.set(p.name, i);
    });
    const allParamNames = new Set(params.flatMap((p) => paramNames(p)));

    // Find the opening run of default statements, and report later ones.
    const run: Array<{ stmt: t.Statement; name: string; value: t.Expression }> = [];
    let atTop = true;
    for (const stmt of body.body) {
      const m = matchStatement(stmt);
      const isParam = m && allParamNames.has(m.name);
      if (!m || !isParam) {
        atTop = false;
        continue;
      }
      if (m.kind === 'falsy-default') {
        ctx.report(`\`${m.name}\` kept: \`||\`/\`!\` replaces every falsy value (0, '', false); a default parameter only undefined`, stmt, 'falsy-default');
        atTop = false;
        continue;
      }
      if (m.kind === 'null-default') {
        ctx.report(`\`${m.name}\` kept: the check also replaces null, a default parameter only undefined`, stmt, 'null-default');
        atTop = false;
        continue;
      }
      if (!atTop) {
        ctx.report(`\`${m.name}\` kept: the check is not at the top of the function, where the value may already have been used`, stmt, 'not-at-top');
        continue;
      }
      if (m.kind === 'default') run.push({ stmt, name: m.name, value: m.value });
    }
    if (!run.length) continue;
    // A refusal of the whole function is reported on every statement of the run: each was looked at.
    const refuse = (message: string, reason: string, items: ReadonlyArray<{ stmt: t.Statement; name: string }> = run) => {
      for (const item of items) ctx.report(`\`${item.name}\` ${message}`, item.stmt, reason);
    };

    if (flags.undefinedDeclared || flags.withStatement) {
      refuse('kept: the file declares a name `undefined` or uses `with`, so `undefined` may not be the real one', 'shadowed-undefined');
      continue;
    }
    if (fn.type === 'ObjectMethod' || fn.type === 'ClassMethod' || fn.type === 'ClassPrivateMethod') {
      if (fn.kind === 'set' || fn.kind === 'get') {
        refuse('kept: accessor parameters are left as they are', 'accessor');
        continue;
      }
    }
    if (body.directives?.some((d) => d.value.value === 'use strict')) {
      refuse("kept: the body says 'use strict', which is a SyntaxError with default parameters", 'use-strict');
      continue;
    }
    const usage = scanFunction(fn);
    if (usage.argumentsUsed || usage.directEval) {
      refuse('kept: the function uses `arguments` (or eval), which a default parameter would unmap from the parameters', 'arguments');
      continue;
    }
    const locals = declaredInBody(body);
    const oldArity = arity(params);
    let lastIndex = -1;
    let newArity = oldArity;
    const planned: Array<{ stmt: t.Statement; name: string; param: t.Identifier; value: t.Expression; questionMark?: number }> = [];
    let reached = -1;
    for (const item of run) {
      reached++;
      const index = paramIndex.get(item.name);
      const param = index === undefined ? undefined : params[index];
      if (index === undefined || !param || param.type !== 'Identifier') {
        ctx.report(`\`${item.name}\` kept: it is destructured or a rest element, not a plain parameter`, item.stmt, 'not-simple-param');
        break;
      }
      if (locals.has(item.name)) {
        ctx.report(`\`${item.name}\` kept: the body redeclares it`, item.stmt, 'not-simple-param');
        break;
      }
      if (index <= lastIndex) {
        ctx.report(`\`${item.name}\` kept: the checks are not in parameter order, so defaults would run in another order`, item.stmt, 'order');
        break;
      }
      const mentioned = mentionedNames(item.value);
      const later = params.slice(index).flatMap((p) => paramNames(p)).find((n) => mentioned.has(n));
      if (later) {
        ctx.report(`\`${item.name}\` kept: its default reads \`${later}\`, not yet initialised among the parameters`, item.stmt, 'references-local');
        break;
      }
      // Also a parameter the body redeclares with var: the body would then see another binding than the default.
      const local = [...locals].find((n) => mentioned.has(n));
      if (local || mentioned.has('arguments')) {
        ctx.report(`\`${item.name}\` kept: its default reads \`${local ?? 'arguments'}\`, declared in the body where parameters cannot see it`, item.stmt, 'references-local');
        break;
      }
      if (containsYieldOrAwait(item.value)) {
        ctx.report(`\`${item.name}\` kept: await/yield is not allowed in a parameter default`, item.stmt, 'await-in-default');
        break;
      }
      if (!isPure(item.value) && params.slice(index + 1).some((p) => p.type !== 'Identifier' && !(p.type === 'RestElement' && p.argument.type === 'Identifier'))) {
        ctx.report(`\`${item.name}\` kept: its default would now run before a later parameter's default or destructuring`, item.stmt, 'order');
        break;
      }
      const stmtRange = lineRange(source, item.stmt);
      if (commentsIn(comments, stmtRange.commentStart, stmtRange.commentEnd).length) {
        ctx.report(`\`${item.name}\` kept: a comment on the statement's lines would be lost`, item.stmt, 'comment');
        break;
      }
      let questionMark: number | undefined;
      if (param.optional) {
        const afterName = param.start! + param.name.length;
        questionMark = source.indexOf('?', afterName);
        if (questionMark < 0 || !/^\s*$/.test(source.slice(afterName, questionMark))) {
          ctx.report(`\`${item.name}\` kept: its \`?\` was not found where expected`, item.stmt, 'unexpected-source');
          break;
        }
      }
      lastIndex = index;
      newArity = Math.min(newArity, index);
      planned.push({ stmt: item.stmt, name: item.name, param, value: item.value, questionMark });
    }
    // The run stopped at a kept check: the checks after it stay below it.
    for (const item of run.slice(reached + 1)) {
      ctx.report(`\`${item.name}\` kept: the check of \`${run[reached].name}\` above it stays in the body, and this one must still run after it`, item.stmt, 'earlier-check-kept');
    }
    if (!planned.length) continue;
    if (newArity !== oldArity && !ctx.options.ignoreArity && !onlyCalledDirectly(fn, ancestors)) {
      const label = fn.type === 'FunctionDeclaration' && fn.id ? `\`${fn.id.name}\`` : 'the function';
      refuse(
        `kept: ${label} may be used through a reference (callback, middleware, export, method), and a default would change its .length from ${oldArity} to ${newArity}`,
        'arity',
        planned,
      );
      continue;
    }

    const wrapArrow = fn.type === 'ArrowFunctionExpression' && params.length === 1 && !source.slice(fn.start!, params[0].start!).includes('(');
    for (const { stmt, param, value, questionMark } of planned) {
      let valueText = source.slice(value.start!, value.end!);
      if (value.type === 'SequenceExpression') valueText = `(${valueText})`;
      if (questionMark !== undefined) edits.remove(questionMark, questionMark + 1);
      if (wrapArrow) edits.insert(param.start!, '(');
      edits.insert(param.end!, ` = ${valueText}${wrapArrow ? ')' : ''}`);
      const r = lineRange(source, stmt);
      edits.remove(r.start, r.end);
    }
  }
  return edits.size ? edits.apply() : undefined;
}

/**
 * What removing a statement takes: its whole lines when it stands alone on them (with the line break), else just
 * its text. `commentStart..commentEnd` covers its lines, where a comment would be lost with it.
 */
function lineRange(source: string, stmt: t.Node): { start: number; end: number; commentStart: number; commentEnd: number } {
  let lineStart = stmt.start!;
  while (lineStart > 0 && source[lineStart - 1] !== '\n') lineStart--;
  let lineEnd = stmt.end!;
  while (lineEnd < source.length && source[lineEnd] !== '\n') lineEnd++;
  const aloneBefore = /^[ \t]*$/.test(source.slice(lineStart, stmt.start!));
  const aloneAfter = /^[ \t]*\r?$/.test(source.slice(stmt.end!, lineEnd));
  if (aloneBefore && aloneAfter) {
    return { start: lineStart, end: Math.min(lineEnd + 1, source.length), commentStart: lineStart, commentEnd: lineEnd };
  }
  // Sharing a line with other code: take the spaces after it too (`{ if (...) a = 1; return a; }`).
  let end = stmt.end!;
  while (end < lineEnd && (source[end] === ' ' || source[end] === '\t')) end++;
  return { start: stmt.start!, end, commentStart: lineStart, commentEnd: lineEnd };
}

/** The target (--target, else engines.node) must run default-params: else the file stays as it is, reason `target`. */
export default withTarget('default-params', defaultParamsUntargeted);
