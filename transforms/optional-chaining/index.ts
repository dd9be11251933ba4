import type { NodePath } from '@babel/traverse';
import type * as t from '@babel/types';
import { z } from 'zod';
import { defineMeta, type FileTransformContext } from '../../src/types.js';
import { withTraverse, type Traverse } from '../../src/ast.js';
import { ALL, BIGINT, BOOL, NAN, NULL, NUM, Prover, STR, usageOf, type Usage } from '../_proven-types.js';
import { targetOption, withTarget } from '../../src/target.js';

export const meta = defineMeta({
  name: 'optional-chaining',
  description: 'a && a.b → a?.b (and a != null && a.b), only where falsy-vs-nullish and null-vs-undefined cannot show',
  engine: 'file',
  reasons: {
    'call-in-chain': 'the repeated part has a call, which the optional chain would make once',
    'comment-inside': 'a comment in the guard would be lost',
    'computed-key-in-guard': 'the repeated part has a computed key (not a plain name or literal) that may not read the same property twice',
    'falsy-not-nullish': 'the guarded value may be 0, \'\' or false, and the optional chain would go on to a primitive\'s property',
    'non-null-assertion': 'a `!` non-null assertion after the guard',
    'optional-in-guard': 'the repeated part is already an optional chain (`a?.b && a?.b.c`); guards of that shape are not merged',
    'one-strict-check': '`x !== undefined && x.b` (or `!== null`) lets the other nullish value through to throw, which `x?.b` would not',
    'null-becomes-undefined': 'the expression is null when the guarded value is null; the optional chain gives undefined',
    parenthesized: 'a parenthesised part would end the optional chain early',
    'tagged-template': 'an optional chain cannot be a template tag',
    'value-context': 'the expression is false for a nullish value; the optional chain gives undefined',
  },
  version: '1',
  options: z.object({
    target: targetOption(),
  }),
  prefilter: (source) => source.includes('&&'),
});

type Options = z.infer<NonNullable<typeof meta.options>>;

/** Properties a falsy primitive (0, '', false, NaN, 0n) has through its prototype: reading them is not undefined. */
const PRIMITIVE_PROPS = new Set<string>(
  [Object.prototype, String.prototype, Number.prototype, Boolean.prototype, BigInt.prototype].flatMap((p) => Object.getOwnPropertyNames(p)),
);
PRIMITIVE_PROPS.add('__proto__');
/** `''.length` is 0 and `(0).length` undefined: falsy either way. */
PRIMITIVE_PROPS.delete('length');
const FALSY_PRIMITIVES = STR | NUM | NAN | BOOL | BIGINT;

type Guard = { subject: NodePath; kind: 'truthy' | 'nullish'; width: number };
type Link = { subject: NodePath; kind: Guard['kind'] };

const paren = (n: t.Node) => Boolean((n as any).extra?.parenthesized);

function unwrapNonNull(n: t.Node): t.Node {
  while (n.type === 'TSNonNullExpression') n = n.expression;
  return n;
}

/** Identifier, `this`, or a member chain of them with non-computed or literal/identifier keys: safe to evaluate twice. */
function isPure(n: t.Node): boolean {
  n = unwrapNonNull(n);
  if (n.type === 'Identifier' || n.type === 'ThisExpression') return true;
  if (n.type !== 'MemberExpression') return false;
  if (n.computed && !['Identifier', 'StringLiteral', 'NumericLiteral'].includes(n.property.type)) return false;
  return isPure(n.object);
}

/** Why a repeated guard part is not safe to evaluate once: a call in it, an optional link, or a computed key. */
function impurity(n: t.Node): ['call-in-chain' | 'optional-in-guard' | 'computed-key-in-guard', string] {
  let call = false;
  let optional = false;
  const visit = (x: t.Node): void => {
    x = unwrapNonNull(x);
    if (x.type === 'CallExpression' || x.type === 'OptionalCallExpression' || x.type === 'NewExpression' || x.type === 'TaggedTemplateExpression') call = true;
    if ((x as any).optional === true) optional = true;
    if (x.type === 'MemberExpression' || x.type === 'OptionalMemberExpression') {
      visit(x.object);
      if (x.computed) visit(x.property);
    } else if (x.type === 'CallExpression' || x.type === 'OptionalCallExpression' || x.type === 'NewExpression') {
      visit(x.callee as t.Node);
    }
  };
  visit(n);
  if (call) return ['call-in-chain', 'the repeated part has a call, which the optional chain would make once'];
  if (optional) return ['optional-in-guard', 'the repeated part is itself an optional chain (`?.`); guards of that shape are not merged'];
  return ['computed-key-in-guard', 'the repeated part has a computed key that is not a plain name or literal, so reading it twice may not give the same property'];
}

function sameChain(a: t.Node, b: t.Node): boolean {
  a = unwrapNonNull(a);
  b = unwrapNonNull(b);
  if (a.type === 'Identifier' && b.type === 'Identifier') return a.name === b.name;
  if (a.type === 'ThisExpression' && b.type === 'ThisExpression') return true;
  if (a.type === 'MemberExpression' && b.type === 'MemberExpression') {
    if (a.computed !== b.computed) return false;
    const [p, q] = [a.property, b.property];
    const key = (x: t.Node) =>
      x.type === 'Identifier' ? (a.computed ? `id:${x.name}` : `name:${x.name}`)
      : x.type === 'PrivateName' ? `#${x.id.name}`
      : x.type === 'StringLiteral' ? `name:${x.value}`
      : x.type === 'NumericLiteral' ? `name:${x.value}`
      : undefined;
    const kp = key(p);
    return kp !== undefined && kp === key(q) && sameChain(a.object, b.object);
  }
  return false;
}

/** The chain spine of an operand, outermost first: `a.b(x).c` → [a.b(x).c, a.b(x), a.b, a]. */
function spineOf(node: t.Node): { nodes: t.Node[]; taggedAt: number } {
  const nodes: t.Node[] = [];
  let taggedAt = -1;
  let cur: t.Node | undefined = node;
  while (cur) {
    nodes.push(cur);
    switch (cur.type) {
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        cur = cur.object;
        break;
      case 'CallExpression':
      case 'OptionalCallExpression':
        cur = cur.callee as t.Node;
        break;
      case 'TSNonNullExpression':
        cur = cur.expression;
        break;
      case 'TaggedTemplateExpression':
        if (taggedAt < 0) taggedAt = nodes.length - 1;
        cur = cur.tag;
        break;
      default:
        cur = undefined;
    }
  }
  return { nodes, taggedAt };
}

const isNullish = (n: t.Node, path: NodePath) =>
  n.type === 'NullLiteral' ||
  (n.type === 'Identifier' && n.name === 'undefined' && !path.scope.getBinding('undefined')) ||
  (n.type === 'UnaryExpression' && n.operator === 'void' && n.argument.type === 'NumericLiteral');
const isNull = (n: t.Node) => n.type === 'NullLiteral';

/** `x !== null` / `x !== undefined` (either side): the checked name, when it is a pure chain. */
function oneStrictCheck(n: t.Node): t.Node | undefined {
  if (n.type !== 'BinaryExpression' || n.operator !== '!==') return undefined;
  const nullishLiteral = (x: t.Node) => x.type === 'NullLiteral' || (x.type === 'Identifier' && x.name === 'undefined') || (x.type === 'UnaryExpression' && x.operator === 'void');
  if (nullishLiteral(n.right) && isPure(n.left)) return n.left;
  if (nullishLiteral(n.left as t.Node) && isPure(n.right)) return n.right;
  return undefined;
}
const isUndefined = (n: t.Node, path: NodePath) => !isNull(n) && isNullish(n, path);

async function optionalChainingUntargeted(ctx: FileTransformContext<Options>): Promise<string | undefined> {
  return withTraverse((traverse) => convert(ctx, traverse));
}

function convert(ctx: FileTransformContext<Options>, traverse: Traverse): string | undefined {
  if (/\.d\.[cm]?ts$/.test(ctx.path)) return undefined;
  const ast = ctx.parse();
  const source = ctx.source;
  const comments = (ast.comments ?? []).map((c) => [c.start!, c.end!] as const);
  const inComment = (pos: number) => comments.some(([a, b]) => pos >= a && pos < b);
  const edits = ctx.edits();
  const prover = new Prover();
  const text = (n: t.Node) => source.slice(n.start!, n.end!);

  /** The guard that operand `i` opens: `x != null`, `x !== null && x !== undefined`, or `x` itself. */
  const guardAt = (ops: NodePath[], i: number): Guard => {
    const op = ops[i];
    const n = op.node;
    if (n.type === 'BinaryExpression' && (n.operator === '!=' || n.operator === '!==')) {
      const sides: Array<['left' | 'right', 'left' | 'right']> = [
        ['left', 'right'],
        ['right', 'left'],
      ];
      for (const [subj, other] of sides) {
        const s = n[subj] as t.Node;
        const o = n[other] as t.Node;
        if (n.operator === '!=' && isNullish(o, op)) return { subject: op.get(subj) as NodePath, kind: 'nullish', width: 1 };
        if (n.operator === '!==' && i + 1 < ops.length && isPure(s) && (isNull(o) || isUndefined(o, op))) {
          // `x !== null && x !== undefined` (either order): together a nullish check.
          const next = ops[i + 1].node;
          if (next.type === 'BinaryExpression' && next.operator === '!==') {
            for (const [a, b] of [
              [next.left, next.right],
              [next.right, next.left],
            ] as const) {
              if (sameChain(a, s) && (isNull(o) ? isUndefined(b, ops[i + 1]) : isNull(b))) {
                return { subject: op.get(subj) as NodePath, kind: 'nullish', width: 2 };
              }
            }
          }
        }
      }
    }
    return { subject: op, kind: 'truthy', width: 1 };
  };

  /** Index in the spine of `operand` of a node equal to `subject` (never the operand itself), or -1. */
  const matchIn = (operand: t.Node, subject: t.Node): number => {
    const { nodes } = spineOf(operand);
    for (let k = 1; k < nodes.length; k++) if (sameChain(nodes[k], subject)) return k;
    return -1;
  };

  /** Why link `k` of a run ending in `final` is unsafe (reason, message), or undefined when it is safe. */
  const judge = (links: Link[], k: number, final: t.Node, use: Usage): [string, string] | undefined => {
    const { nodes } = spineOf(final);
    const link = links[k];
    const at = matchIn(final, link.subject.node);
    const anchor = nodes[at];
    const steps = nodes.slice(0, at).reverse(); // innermost first
    const firstSteps = new Set(links.map((l) => nodes[matchIn(final, l.subject.node) - 1]));
    const name = text(link.subject.node);
    if (anchor.type === 'TSNonNullExpression' || steps.some((s) => s.type === 'TSNonNullExpression')) {
      return ['non-null-assertion', `\`${name}\` chain kept: a \`!\` non-null assertion after the guard`];
    }
    if (paren(anchor) || steps.some((s) => paren(s))) {
      return ['parenthesized', `\`${name}\` chain kept: a parenthesised part would end the optional chain early`];
    }
    if (link.kind === 'nullish') {
      return use === 'value' ? ['value-context', `\`${name} != null && …\` kept: its value is false for a nullish \`${name}\`, the optional chain gives undefined`] : undefined;
    }
    const facts = prover.facts(link.subject);
    if (!(facts & FALSY_PRIMITIVES) && facts !== ALL) {
      if (use === 'value' && facts & NULL) {
        return ['null-becomes-undefined', `\`${name} && …\` kept: its value is null when \`${name}\` is null, the optional chain gives undefined`];
      }
      return undefined;
    }
    if (use === 'value') {
      return ['falsy-not-nullish', `\`${name} && …\` kept: its value is \`${name}\` itself when that is falsy (0, '', false, null), the optional chain gives undefined`];
    }
    // In a test position a falsy primitive may reach the chain: reading one plain property gives undefined, and
    // the next step must be optional to stop there.
    const first = steps[0] as t.Node;
    let plain = false;
    if (first.type === 'MemberExpression' || first.type === 'OptionalMemberExpression') {
      const p = first.property;
      if (!first.computed && p.type === 'Identifier') plain = !PRIMITIVE_PROPS.has(p.name);
      else if (first.computed && p.type === 'StringLiteral') plain = !PRIMITIVE_PROPS.has(p.value);
      else if (first.computed && p.type === 'NumericLiteral') plain = true;
    }
    // Once a step yields undefined, an optional next step ends the whole chain there.
    const laterOptional = steps.length < 2 || (steps[1] as any).optional === true || firstSteps.has(steps[1]);
    if (!plain || !laterOptional) {
      return [
        'falsy-not-nullish',
        `\`${name} && …\` kept: \`${name}\` may be 0, '' or false, and the optional chain would go on to call or read a primitive's property`,
      ];
    }
    return undefined;
  };

  /** Where to put `?.` for the step right above `anchor`: [start, end, text]. */
  const insertion = (step: t.Node, anchor: t.Node): [number, number, string] | undefined => {
    if ((step as any).optional) return undefined;
    if (step.type === 'CallExpression') return [anchor.end!, anchor.end!, '?.'];
    if (step.type !== 'MemberExpression') return undefined;
    const want = step.computed ? '[' : '.';
    for (let pos = anchor.end!; pos < step.property.start!; pos++) {
      if (source[pos] === want && !inComment(pos)) return step.computed ? [pos, pos, '?.'] : [pos, pos + 1, '?.'];
    }
    return undefined;
  };

  const visitChain = (root: NodePath<t.LogicalExpression>) => {
    const ops: NodePath[] = [];
    let cur: NodePath = root;
    while (cur.isLogicalExpression({ operator: '&&' }) && (cur === root || !paren(cur.node))) {
      ops.unshift(cur.get('right') as NodePath);
      cur = cur.get('left') as NodePath;
    }
    ops.unshift(cur);
    if (ops.length < 2) return;
    const use = usageOf(root);

    let i = 0;
    while (i < ops.length - 1) {
      const guard = guardAt(ops, i);
      const subj = guard.subject.node;
      if (!isPure(subj)) {
        const next = ops[i + guard.width];
        const strict = oneStrictCheck(subj);
        if (strict && next && matchIn(next.node, strict) >= 0) {
          ctx.report(`\`${text(subj)} && …\` kept: only one strict check, so the other nullish value reaches the chain and throws, which the optional chain would not`, ops[i].node, 'one-strict-check');
          i++;
          continue;
        }
        if (next && spineOf(next.node).nodes.slice(1).some((n) => text(n) === text(subj) && n.type === subj.type)) {
          const [reason, why] = impurity(subj);
          ctx.report(`\`${text(subj)}\` kept: ${why}`, ops[i].node, reason);
        }
        i++;
        continue;
      }
      // Grow the run: each next operand extends the previous subject.
      let links: Link[] = [];
      let k = i + guard.width;
      let subject = guard.subject;
      let kind = guard.kind;
      while (k < ops.length) {
        const { taggedAt } = spineOf(ops[k].node);
        const at = matchIn(ops[k].node, subject.node);
        if (at < 0) break;
        if (taggedAt >= 0 && taggedAt < at) {
          ctx.report(`\`${text(subject.node)}\` chain kept: an optional chain cannot be a template tag`, ops[k].node, 'tagged-template');
          break;
        }
        links.push({ subject, kind });
        if (!isPure(ops[k].node) || k + 1 >= ops.length) break;
        subject = ops[k];
        kind = 'truthy';
        k++;
      }
      if (!links.length) {
        i++;
        continue;
      }
      // Drop unsafe links from the end of the run until every remaining one is safe.
      while (links.length) {
        const final = ops[i + guard.width - 1 + links.length].node;
        let bad = -1;
        for (let l = 0; l < links.length; l++) {
          const why = judge(links, l, final, use);
          if (why) {
            ctx.report(why[1], links[l].subject.node, why[0]);
            bad = l;
            break;
          }
        }
        if (bad < 0) break;
        links = links.slice(0, bad);
      }
      const lastIndex = i + guard.width - 1 + links.length;
      if (!links.length) {
        i++;
        continue;
      }
      const final = ops[lastIndex].node;
      const start = ops[i].node.start!;
      const run = ops.slice(i, lastIndex + 1).map((p) => p.node);
      if (run.some(paren)) {
        ctx.report(`\`${text(subj)}\` chain kept: a parenthesised operand`, ops[i].node, 'parenthesized');
        i = lastIndex + 1;
        continue;
      }
      if (comments.some(([a, b]) => a >= start && b <= final.start!)) {
        ctx.report(`\`${text(subj)}\` chain kept: a comment in the guard would be lost`, ops[i].node, 'comment-inside');
        i = lastIndex + 1;
        continue;
      }
      const { nodes } = spineOf(final);
      const planned: Array<[number, number, string]> = [[start, final.start!, '']];
      let ok = true;
      for (const link of links) {
        const at = matchIn(final, link.subject.node);
        const ins = insertion(nodes[at - 1], nodes[at]);
        if (ins) planned.push(ins);
        else if (!(nodes[at - 1] as any).optional) ok = false;
      }
      // Runs never share text: a run's edits lie in its guard (pure operands, which hold no other chain) and on the
      // `.`/`[` (or before the `(`) right above its anchors, outside any argument or computed key where a nested
      // chain could be; overlapping edits would fail the file (EditConflictError), never write a wrong result.
      if (!ok) {
        // The step right above a pure anchor is a member or call (or optional, or `!`/tagged, reported earlier), so
        // its `.`, `[` or `(` is always found. Removing the guard without it would be a wrong rewrite, so a broken
        // assumption fails the file (left unchanged) instead of being guessed.
        throw new Error(`no place for \`?.\` found in \`${text(subj)}\` (a broken assumption of optional-chaining; the file is left unchanged)`);
      }
      for (const [a, b, s] of planned) edits.replace(a, b, s);
      i = lastIndex + 1;
    }
  };

  traverse(ast, {
    LogicalExpression(path: NodePath<t.LogicalExpression>) {
      if (path.node.operator !== '&&') return;
      const parent = path.parentPath;
      if (parent.isLogicalExpression({ operator: '&&' }) && parent.node.left === path.node && !paren(path.node)) return;
      visitChain(path);
    },
  } as any);
  return edits.size ? edits.apply() : undefined;
}

/** The target (--target, else engines.node) must run optional-chaining: else the file stays as it is, reason `target`. */
export default withTarget('optional-chaining', optionalChainingUntargeted);
