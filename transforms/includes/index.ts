import type { NodePath } from '@babel/traverse';
import type * as t from '@babel/types';
import { z } from 'zod';
import { defineMeta, type FileTransformContext } from '../../src/types.js';
import { ARRAY, DENSE, NAN, NULLISH, OBJECTISH, Prover, STR, UNDEF, usageOf, within } from '../_proven-types.js';
import { withTraverse, type Traverse } from '../../src/ast.js';
import { targetOption, withTarget } from '../../src/target.js';

export const meta = defineMeta({
  name: 'includes',
  description: 'x.indexOf(y) !== -1 → x.includes(y), only where x is proven to be an array or a string and the result cannot differ',
  engine: 'file',
  reasons: {
    'last-index-from': '`lastIndexOf(y, from)` searches backward from `from`, `includes(y, from)` forward',
    'position-check': 'the comparison tests a position (`=== 0`, `> 0`), not membership',
    'comment-inside': 'a comment inside the comparison would be lost',
    'maybe-nan': 'the searched value may be NaN (or undefined), which `includes` finds and `indexOf` does not',
    'maybe-regexp': 'the argument may be a RegExp, which `String#includes` rejects',
    'optional-chain': 'the comparison is true or false for a nullish receiver, `?.includes` gives undefined',
    'searches-undefined': '`includes(undefined)` also matches holes of a sparse array',
    'spread-argument': 'the searched value is passed with a spread and is not visible',
    'tilde-value': 'the numeric value of `~x.indexOf(y)` is used, not only its truthiness',
    'unknown-receiver': 'the receiver is not proven to be an array or a string',
  },
  version: '1',
  options: z.object({
    target: targetOption(),
  }),
  prefilter: (source) => source.includes('indexOf') || source.includes('IndexOf'),
});

type Options = z.infer<NonNullable<typeof meta.options>>;

const isMinusOne = (n: t.Node) =>
  n.type === 'UnaryExpression' && n.operator === '-' && n.argument.type === 'NumericLiteral' && n.argument.value === 1;
const isZero = (n: t.Node) => n.type === 'NumericLiteral' && n.value === 0;
const FLIP: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };
const COMPARISONS = new Set(['==', '!=', '===', '!==', '<', '<=', '>', '>=']);

/** +1: `x.indexOf(y)` compared so that the result means "found"; -1: means "not found"; 0: not a membership test. */
function membership(op: string, other: t.Node): 1 | -1 | 0 {
  if (isMinusOne(other)) {
    if (op === '!==' || op === '!=' || op === '>') return 1;
    if (op === '===' || op === '==' || op === '<=') return -1;
  }
  if (isZero(other)) {
    if (op === '>=') return 1;
    if (op === '<') return -1;
  }
  return 0;
}

const includesUntargeted = (ctx: FileTransformContext<Options>): Promise<string | undefined> => withTraverse((traverse) => convert(ctx, traverse));

function convert(ctx: FileTransformContext<Options>, traverse: Traverse): string | undefined {
  if (/\.d\.[cm]?ts$/.test(ctx.path)) return undefined;
  const ast = ctx.parse();
  const source = ctx.source;
  const comments = (ast.comments ?? []).map((c) => [c.start!, c.end!] as const);
  const edits = ctx.edits();
  const prover = new Prover();
  /** Accepted rewrites: the test [start, end) becomes \`includes\` (negated or not) on the call. */
  const rewrites: Array<{ start: number; end: number; call: t.Node; prop: t.Node; negate: boolean }> = [];

  const visit = (path: NodePath<t.CallExpression | t.OptionalCallExpression>) => {
    const call = path.node;
    const callee = call.callee;
    if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') return;
    if (callee.computed || callee.property.type !== 'Identifier') return;
    const method = callee.property.name;
    if (method !== 'indexOf' && method !== 'lastIndexOf') return;

    // Find the membership test around the call.
    const parent = path.parentPath;
    let target: t.Node;
    let negate = false;
    if (parent.isBinaryExpression()) {
      const onLeft = parent.node.left === call;
      const op = onLeft ? parent.node.operator : (FLIP[parent.node.operator] ?? parent.node.operator);
      const m = membership(op, onLeft ? parent.node.right : parent.node.left);
      if (m === 0) {
        // Arithmetic is not ours; a comparison that is no membership test is a position check.
        if (COMPARISONS.has(parent.node.operator)) ctx.report(`\`${method}\` kept: the comparison tests a position, not membership`, parent.node, 'position-check');
        return;
      }
      target = parent.node;
      negate = m === -1;
    } else if (parent.isUnaryExpression({ operator: '~' })) {
      const use = usageOf(parent);
      if (use !== 'test' && use !== 'discarded') {
        ctx.report(`\`~x.${method}(y)\` kept: its numeric value is used, not only its truthiness`, parent.node, 'tilde-value');
        return;
      }
      target = parent.node;
    } else {
      return;
    }

    if (call.type === 'OptionalCallExpression' || callee.type === 'OptionalMemberExpression' || call.optional || (callee as t.MemberExpression).optional) {
      ctx.report(`\`?.${method}\` kept: the comparison is true or false for a nullish receiver, \`?.includes\` gives undefined`, target, 'optional-chain');
      return;
    }
    if (call.arguments.some((a) => a.type === 'SpreadElement' || a.type === 'ArgumentPlaceholder')) {
      ctx.report(`\`${method}(...args)\` kept: the searched value is not visible`, target, 'spread-argument');
      return;
    }
    if (method === 'lastIndexOf' && call.arguments.length > 1) {
      ctx.report('`lastIndexOf(y, from)` kept: it searches backward from `from`, `includes(y, from)` forward', target, 'last-index-from');
      return;
    }
    const receiver = prover.facts(path.get('callee.object') as NodePath) & ~NULLISH;
    if (!receiver || !within(receiver, STR | ARRAY)) {
      ctx.report(`\`${method}\` kept: the receiver is not proven to be an array or a string`, target, 'unknown-receiver');
      return;
    }
    const searched = call.arguments.length ? prover.facts(path.get('arguments.0') as NodePath) : UNDEF;
    if (receiver & ARRAY && !(receiver & DENSE)) {
      if (searched & NAN) {
        ctx.report(`\`${method}\` kept: the searched value may be NaN (or undefined), which \`includes\` finds and \`${method}\` does not`, target, 'maybe-nan');
        return;
      }
      if (searched & UNDEF) {
        ctx.report(`\`${method}\` kept: \`includes(undefined)\` also matches holes of a sparse array`, target, 'searches-undefined');
        return;
      }
    }
    if (receiver & STR && searched & OBJECTISH) {
      ctx.report(`\`${method}\` kept: the argument may be a RegExp, which \`String#includes\` rejects`, target, 'maybe-regexp');
      return;
    }
    const [start, end] = [target.start!, target.end!];
    if (comments.some(([a, b]) => a >= start && b <= end && !(a >= call.start! && b <= call.end!))) {
      ctx.report(`\`${method}\` kept: a comment inside the comparison would be lost`, target, 'comment-inside');
      return;
    }
    rewrites.push({ start, end, call, prop: callee.property, negate });
  };

  traverse(ast, {
    CallExpression: visit,
    OptionalCallExpression: visit,
  } as any);

  // Tests are AST nodes, so two of them are disjoint or one holds the other; a held one lies in the holder's
  // receiver or arguments (the other side of a comparison is a literal), which are rendered with it rewritten.
  rewrites.sort((a, b) => a.start - b.start || b.end - a.end);
  let next = 0;
  const renderRange = (from: number, to: number): string => {
    let out = '';
    let pos = from;
    while (next < rewrites.length && rewrites[next].start < to) {
      const rw = rewrites[next++];
      out += source.slice(pos, rw.start) + render(rw);
      pos = rw.end;
    }
    return out + source.slice(pos, to);
  };
  const render = (rw: (typeof rewrites)[number]): string =>
    (rw.negate ? '!' : '') + renderRange(rw.call.start!, rw.prop.start!) + 'includes' + renderRange(rw.prop.end!, rw.call.end!);
  while (next < rewrites.length) {
    const rw = rewrites[next++];
    edits.replace(rw.start, rw.end, render(rw));
  }
  return edits.size ? edits.apply() : undefined;
}

/** The target (--target, else engines.node) must run array-includes: else the file stays as it is, reason `target`. */
export default withTarget('array-includes', includesUntargeted);
