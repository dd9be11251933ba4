import type * as t from '@babel/types';
import { z } from 'zod';
import { walk } from '../../src/ast.js';
import { defineMeta, type FileTransformContext } from '../../src/types.js';
import { targetOption, withTarget } from '../../src/target.js';
import { hasLegacyOctalEscape, mapRawChars } from '../../src/text/escapes.js';
import { operandFacts } from './operands.js';

export const meta = defineMeta({
  name: 'template-literals',
  description: "string concatenation with non-literal parts → template literal, keeping evaluation order and escaping",
  engine: 'file',
  reasons: {
    'ambiguous-plus': 'its first operands may add up as numbers before becoming a string',
    comments: 'it contains comments a template literal cannot keep',
    'enum-initializer': 'it initialises an enum member, where a template literal is not a constant expression',
    'literal-only': 'it joins string literals only (usually deliberate line wrapping); no template is needed',
    'multi-line-chain': 'it is wrapped over several lines (--join-lines joins it)',
    'multiline-operand': 'an operand spans several lines (--multiline-operands converts it)',
    'object-operand': 'an operand is not known to be a primitive: an object may convert differently in a template (valueOf vs toString)',
    'octal-escape': 'a string uses an octal escape, invalid in template literals',
  },
  version: '1',
  options: z.object({
    target: targetOption(),
    multilineOperands: z
      .boolean()
      .default(false)
      .describe('also convert chains whose non-string operands span several lines (e.g. a callback inside ${})'),
    assumePrimitiveOperands: z
      .boolean()
      .default(false)
      .describe(
        'also convert operands not proven to be primitives (names, properties, calls), taking them to hold primitives or objects without their own valueOf; operands surely objects (`new X`, date-library calls, a const holding one) stay',
      ),
    joinLines: z.boolean().default(false).describe('also convert concatenations wrapped over several lines, joining them into one line'),
  }),
  prefilter: (source) => source.includes('+') && /['"`]/.test(source),
});

type Chain = { node: t.BinaryExpression; operands: t.Expression[] };

const isStringish = (n: t.Node): n is t.StringLiteral | t.TemplateLiteral => n.type === 'StringLiteral' || n.type === 'TemplateLiteral';
const isPlus = (n: t.Node | null | undefined): n is t.BinaryExpression => !!n && n.type === 'BinaryExpression' && n.operator === '+';

type Options = z.infer<NonNullable<typeof meta.options>>;

function templateLiteralsUntargeted(ctx: FileTransformContext<Options>): string | undefined {
  const ast = ctx.parse();
  const source = ctx.source;
  const comments = (ast.comments ?? []).map((c) => [c.start!, c.end!] as const);
  const facts = operandFacts(ast);
  // Roots of `+` chains (a `+` that is not the left operand of another `+`), in source order.
  const roots: t.BinaryExpression[] = [];
  const inEnum = new Set<t.Node>();
  walk(ast, (node, parent, key) => {
    // Chains in an enum are looked at too, and reported as `enum-initializer` (see whyNot).
    if (node.type === 'TSEnumDeclaration') inEnum.add(node);
    if (isPlus(node) && !(isPlus(parent) && key === 'left')) roots.push(node);
  });
  if (!roots.length) return undefined;

  const chainOf = (node: t.BinaryExpression): Chain => {
    const operands: t.Expression[] = [];
    const flatten = (n: t.Expression) => {
      if (isPlus(n)) {
        flatten(n.left as t.Expression);
        // A parenthesised right-hand chain that is already a string joins in: 'a' + ('b' + c) === 'ab' + c.
        if (isPlus(n.right) && isStringish(firstOperand(n.right))) flatten(n.right);
        else operands.push(n.right);
      } else operands.push(n);
    };
    flatten(node);
    return { node, operands };
  };

  roots.sort((a, b) => a.start! - b.start! || b.end! - a.end!);
  const firstRootAt = (offset: number): number => {
    let lo = 0;
    let hi = roots.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (roots[mid].start! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  /** Source text of [start, end) with every root chain inside it (other than `self`) rendered. */
  const renderRange = (start: number, end: number, self?: t.Node): string => {
    let out = '';
    let pos = start;
    for (let i = firstRootAt(start); i < roots.length && roots[i].start! < end; i++) {
      const root = roots[i];
      if (root === self || root.start! < pos || root.end! > end) continue;
      out += source.slice(pos, root.start!) + renderChain(root);
      pos = root.end!;
    }
    return out + source.slice(pos, end);
  };

  const renderChain = (root: t.BinaryExpression): string => {
    const chain = chainOf(root);
    const problem = whyNot(chain);
    if (problem) {
      if (problem.reason) ctx.report(problem.message, root, problem.reason);
      return renderRange(root.start!, root.end!, root);
    }
    return toTemplate(chain);
  };

  const whyNot = (chain: Chain): { reason?: string; message: string } | undefined => {
    const ops = chain.operands;
    const firstString = ops.findIndex(isStringish);
    if (firstString === -1) return { message: 'not string concatenation' };
    if (ops.every((o) => o.type === 'StringLiteral' || (o.type === 'TemplateLiteral' && o.expressions.length === 0))) {
      return { reason: 'literal-only', message: 'concatenation of string literals only left alone: usually deliberate line wrapping, no template is needed' };
    }
    // An enum member's initializer must be a constant expression, which a template literal with substitutions is not.
    if ([...inEnum].some((e) => chain.node.start! >= e.start! && chain.node.end! <= e.end!)) {
      return { reason: 'enum-initializer', message: 'concatenation left alone: it initialises an enum member, where a template literal is not a constant expression' };
    }
    if (firstString >= 2) {
      return { reason: 'ambiguous-plus', message: 'concatenation left alone: its first operands may add up as numbers before becoming a string' };
    }
    for (const [s, e] of comments) {
      if (s >= chain.node.start! && e <= chain.node.end!) {
        return { reason: 'comments', message: 'concatenation left alone: it contains comments a template literal cannot keep' };
      }
    }
    for (const o of ops) {
      if (o.type === 'StringLiteral' && hasLegacyOctalEscape(source.slice(o.start! + 1, o.end! - 1))) {
        return { reason: 'octal-escape', message: 'concatenation left alone: a string uses an octal escape, invalid in template literals' };
      }
    }
    // `+` converts an object with valueOf first (dayjs, moment, a Money class), a template with toString first:
    // every operand must be known to be a primitive.
    // --assume-primitive-operands takes every operand that is not surely an object to be a primitive or a plain object.
    const unknown = ops.find((o) => (ctx.options.assumePrimitiveOperands ? facts.isSurelyObject(o) : !facts.isPrimitive(o)));
    if (unknown) {
      const what = source.slice(unknown.start!, unknown.end!);
      const shown = what.length > 40 || what.includes('\n') ? 'an operand' : `\`${what}\``;
      return {
        reason: 'object-operand',
        message: `concatenation left alone: ${shown} is not known to be a primitive; an object may convert differently in a template (valueOf vs toString)`,
      };
    }
    if (!ctx.options.multilineOperands) {
      const multiline = ops.find((o) => !isStringish(o) && source.slice(o.start!, o.end!).includes('\n'));
      if (multiline) {
        return { reason: 'multiline-operand', message: 'concatenation left alone: an operand spans several lines (--multiline-operands converts it)' };
      }
    }
    if (!ctx.options.joinLines) {
      for (let i = 1; i < ops.length; i++) {
        if (source.slice(ops[i - 1].end!, ops[i].start!).includes('\n')) {
          return { reason: 'multi-line-chain', message: 'concatenation left alone: it is wrapped over several lines (--join-lines joins it)' };
        }
      }
    }
    return undefined;
  };

  const toTemplate = (chain: Chain): string => {
    let out = '`';
    let quasi = '';
    const flushQuasi = () => {
      out += escapeDollarBrace(quasi);
      quasi = '';
    };
    for (const o of chain.operands) {
      if (o.type === 'StringLiteral') {
        quasi += stringRawToTemplateRaw(source.slice(o.start! + 1, o.end! - 1));
      } else if (o.type === 'TemplateLiteral' && isUntagged(o)) {
        o.quasis.forEach((q, i) => {
          quasi += q.value.raw;
          if (i < o.expressions.length) {
            flushQuasi();
            const ex = o.expressions[i];
            out += '${' + renderRange(ex.start!, ex.end!) + '}';
          }
        });
      } else {
        flushQuasi();
        out += '${' + renderRange(o.start!, o.end!) + '}';
      }
    }
    flushQuasi();
    return out + '`';
  };

  const edits = ctx.edits();
  let pos = 0;
  const asi = statementsAfterAsi(ast, source);
  const semicolonFree = !usesSemicolons(ast, source);
  for (const root of roots) {
    if (root.start! < pos) continue; // nested inside a root already rendered
    let text = renderChain(root);
    // `foo\n'bar' + baz` → `foo\n\`bar${baz}\`` would make foo a template tag: separate the statements with a `;`,
    // written the way the file writes them (leading `;` without semicolons, else at the end of the previous one).
    const prevEnd = asi.get(root.start!);
    if (text.startsWith('`') && prevEnd !== undefined) {
      if (semicolonFree) text = ';' + text;
      else edits.insert(prevEnd, ';');
    }
    if (text !== source.slice(root.start!, root.end!)) edits.replace(root.start!, root.end!, text);
    pos = root.end!;
  }
  return edits.size ? edits.apply() : undefined;
}

/**
 * Whether a statement ends in an expression that a template literal on the next line would continue (as its tag)
 * when no semicolon ends it: expression statements, declarations with an initializer, `return x`, and the last
 * statement of an if/else, loop or label body.
 */
function endsInExpression(s: t.Node): boolean {
  switch (s.type) {
    case 'ExpressionStatement':
    case 'VariableDeclaration':
    case 'ThrowStatement':
    case 'TSTypeAliasDeclaration':
    case 'TSExportAssignment':
      return true;
    case 'ReturnStatement':
      return s.argument != null;
    case 'ExportDefaultDeclaration':
      return s.declaration.type !== 'FunctionDeclaration' && s.declaration.type !== 'ClassDeclaration';
    case 'ExportNamedDeclaration':
      return s.declaration != null && endsInExpression(s.declaration);
    case 'IfStatement':
      return endsInExpression(s.alternate ?? s.consequent);
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
    case 'WhileStatement':
    case 'WithStatement':
    case 'LabeledStatement':
      return endsInExpression(s.body);
    default:
      return false;
  }
}

/**
 * Start offsets of expression statements that follow, in the same statement list, a statement ending in an
 * expression without a semicolon (mapped to that statement's end): only automatic semicolon insertion separates
 * them, and it would not if the next statement started with a template literal.
 */
function statementsAfterAsi(ast: t.File, source: string): Map<number, number> {
  const starts = new Map<number, number>();
  walk(ast, (node) => {
    const body: t.Statement[] | undefined =
      node.type === 'Program' || node.type === 'BlockStatement' || node.type === 'StaticBlock' ? node.body : node.type === 'SwitchCase' ? node.consequent : undefined;
    if (!body) return;
    for (let i = 1; i < body.length; i++) {
      const prev = body[i - 1];
      if (body[i].type !== 'ExpressionStatement' || source[prev.end! - 1] === ';' || !endsInExpression(prev)) continue;
      starts.set(body[i].start!, prev.end!);
    }
  });
  return starts;
}

/** Statements that end with a semicolon in semicolon style (and at a line break without it). */
const SEMICOLON_ENDED = new Set([
  'ExpressionStatement',
  'VariableDeclaration',
  'ReturnStatement',
  'ThrowStatement',
  'BreakStatement',
  'ContinueStatement',
  'DebuggerStatement',
  'ImportDeclaration',
  'ExportAllDeclaration',
]);

/**
 * Whether the file's statements mostly end with a semicolon (ties count as semicolon style). A declaration in a for
 * head is not a statement of its own and does not count.
 */
function usesSemicolons(ast: t.File, source: string): boolean {
  let withSemi = 0;
  let without = 0;
  walk(ast, (node, parent, key) => {
    let counts = SEMICOLON_ENDED.has(node.type);
    if (node.type === 'VariableDeclaration' && parent && (key === 'init' || key === 'left' || (node as any).declare)) counts = false;
    if (node.type === 'ExportNamedDeclaration') counts = !node.declaration;
    if (node.type === 'ExportDefaultDeclaration') counts = endsInExpression(node);
    if (!counts) return;
    if (source[node.end! - 1] === ';') withSemi++;
    else without++;
  });
  return withSemi >= without;
}

function firstOperand(n: t.Node): t.Node {
  while (isPlus(n)) n = n.left;
  return n;
}

function isUntagged(_n: t.TemplateLiteral): boolean {
  return true; // a TemplateLiteral node as an operand is never tagged (that would be a TaggedTemplateExpression)
}

/** Body of a quoted string → body of a template: quotes need no escape there, backticks do. */
function stringRawToTemplateRaw(raw: string): string {
  return mapRawChars(
    raw,
    (ch) => (ch === '`' ? '\\`' : ch),
    (pair) => (pair === "\\'" || pair === '\\"' ? pair[1] : pair),
  );
}

/** `${` that is text, not a substitution, must be written `\${` (escaped characters are skipped over). */
function escapeDollarBrace(raw: string): string {
  return mapRawChars(raw, (ch, next) => (ch === '$' && next === '{' ? '\\$' : ch));
}

/** The target (--target, else engines.node) must run template-literal: else the file stays as it is, reason `target`. */
export default withTarget('template-literal', templateLiteralsUntargeted);
