import type { NodePath, TraverseOptions } from '@babel/traverse';
import type * as t from '@babel/types';
import { walk, type Traverse } from '../../src/ast.js';
import { TextEdits } from '../../src/text-edits.js';
import { parseSource } from '../../src/parse.js';
import type { FileTransformContext } from '../../src/types.js';
import type { Options } from './index.js';
import { Bail, type Candidate, type Edit, type FnPath, type Outcome } from './types.js';
import { PROMISE_LIBRARIES, returnedChain } from './chains.js';
import { FileInfo } from './file-info.js';
import { Converter } from './converter.js';

/** Passes over a file's own output at most: each flattens the chains the one before inlined as they were written. */
const MAX_PASSES = 8;

/**
 * Converts the file, then its output again until nothing changes: a callback that an outer conversion inlined keeps
 * its own returned chain as written (`return svc.validate(id).then((user) => …)` inside the inlined body), which the
 * next pass flattens, so that a second run of the transform changes nothing. Findings of every pass are reported at
 * their place in the original text (an offset inside code a pass wrote points at the start of that code), once.
 */
export function convert(ctx: FileTransformContext<Options>, traverse: Traverse): string | undefined {
  if (/\.d\.[cm]?ts$/.test(ctx.path)) return undefined;
  const seen = new Set<string>();
  const said = new Set<string>();
  let toOriginal = (offset: number): Mapped => ({ offset, exact: true });
  const reportAt = (map: (offset: number) => Mapped): FileTransformContext<Options>['report'] => (message, at, reason) => {
    const offset = typeof at === 'number' ? at : (at?.start ?? undefined);
    const original = offset === undefined ? undefined : map(offset);
    const key = `${original?.offset}\0${reason}\0${message}`;
    // (a finding inside code a pass rewrote maps to where that code starts: when an earlier pass said the same at
    // its own place, it is that finding again)
    if (seen.has(key) || (original && !original.exact && said.has(`${reason}\0${message}`))) return;
    seen.add(key);
    said.add(`${reason}\0${message}`);
    ctx.report(message, original?.offset, reason);
  };
  let result: string | undefined;
  let passCtx: FileTransformContext<Options> = { ...ctx, report: reportAt(toOriginal) };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const done = convertOnce(passCtx, traverse);
    if (!done || done.output === passCtx.source) break;
    // (a later pass whose output does not parse is dropped: the one before it stands)
    if (!done.parses && pass > 0) break;
    result = done.output;
    if (!done.parses) break;
    const before = toOriginal;
    const edits = done.edits;
    toOriginal = (offset) => {
      const step = inputOffset(edits, offset);
      const back = before(step.offset);
      return { offset: back.offset, exact: step.exact && back.exact };
    };
    const text = done.output;
    let ast: ReturnType<FileTransformContext<Options>['parse']> | undefined;
    passCtx = { ...ctx, source: text, parse: () => (ast ??= parseSource(text, ctx.parser)), edits: () => new TextEdits(text), report: reportAt(toOriginal) };
  }
  return result;
}

/** An offset in the original text; `exact` unless it fell inside text a pass wrote (then: where that text starts). */
interface Mapped {
  offset: number;
  exact: boolean;
}

/** The offset in a pass's input of `offset` in its output; inside text an edit wrote, where that edit starts. */
function inputOffset(edits: Edit[], offset: number): Mapped {
  let delta = 0;
  for (const e of edits) {
    const start = e.start + delta;
    if (offset < start) return { offset: offset - delta, exact: true };
    if (offset < start + e.text.length) return { offset: e.start, exact: false };
    delta += e.text.length - (e.end - e.start);
  }
  return { offset: offset - delta, exact: true };
}

function convertOnce(ctx: FileTransformContext<Options>, traverse: Traverse): { output: string; parses: boolean; edits: Edit[] } | undefined {
  const source = ctx.source;
  const ast = ctx.parse();
  const candidates: Candidate[] = [];
  let libraryAt: t.Node | undefined;

  traverse(ast, {
    Function(path: FnPath) {
      const node = path.node;
      if (node.body.type === 'BlockStatement') {
        const last = node.body.body[node.body.body.length - 1];
        if (last?.type === 'ReturnStatement') {
          const chain = returnedChain(last.argument);
          if (chain) candidates.push({ fn: path, start: last.start!, end: last.end!, chain, ret: last });
        }
      } else {
        const chain = returnedChain(node.body);
        if (chain) {
          const range = parenRange(source, node.body);
          let start = range[0];
          const end = range[1];
          // `=>` then the body on the next line: the block opens right after the arrow
          const before = source.slice(0, start);
          const arrow = /=>\s*$/.exec(before);
          if (arrow && /\n/.test(arrow[0])) start = arrow.index + 2;
          candidates.push({ fn: path, start, end, chain });
        }
      }
    },
    ExpressionStatement(path: NodePath<t.ExpressionStatement>) {
      if (returnedChain(path.node.expression)) {
        ctx.report('promise chain not returned or awaited: converting it would make the caller wait for it', path.node, 'floating-promise');
      }
    },
    CallExpression(path: NodePath<t.CallExpression>) {
      const { callee, arguments: args } = path.node;
      if (
        callee.type === 'Identifier' &&
        callee.name === 'require' &&
        args[0]?.type === 'StringLiteral' &&
        PROMISE_LIBRARIES.test(args[0].value)
      ) {
        libraryAt ??= path.node;
      }
    },
    ImportDeclaration(path: NodePath<t.ImportDeclaration>) {
      if (PROMISE_LIBRARIES.test(path.node.source.value)) libraryAt ??= path.node;
    },
    // a `Promise` of the file's own (`var Promise = require('bluebird')`, a polyfill)
    Scopable(path: NodePath) {
      const own = path.scope.getOwnBinding('Promise');
      if (own) libraryAt ??= own.identifier;
    },
  } as TraverseOptions);
  if (!candidates.length) return undefined;

  const file = new FileInfo(ctx, ast);
  // Outer functions first: a callback inlined by a converted function is not converted on its own.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const results = new Map<Candidate, Outcome | Bail>();
  for (const c of candidates) {
    if (libraryAt) {
      results.set(c, new Bail('non-standard-promise', 'kept: the file uses a promise library (or its own Promise); an async function would return a native Promise instead', c.chain));
      continue;
    }
    try {
      results.set(c, new Converter(file, c, [], ctx.options).run());
    } catch (e) {
      if (e instanceof Bail) results.set(c, e);
      else throw e;
    }
  }
  const absorbed = new Set<t.Node>();
  const active: Candidate[] = [];
  for (const c of candidates) {
    if (absorbed.has(c.fn.node)) continue;
    const r = results.get(c)!;
    if (r instanceof Bail) {
      ctx.report(r.message, r.at, r.reason);
      continue;
    }
    for (const n of r.inlined) absorbed.add(n);
    for (const note of r.notes) ctx.report(note.message, note.at, note.reason);
    active.push(c);
  }
  if (!active.length) return undefined;

  // Inner functions first, so that an outer conversion copies their converted text.
  const committed: Edit[] = [];
  const ordered = [...active].sort((a, b) => a.end - a.start - (b.end - b.start));
  for (const c of ordered) {
    try {
      committed.push(...new Converter(file, c, committed, ctx.options).run().edits);
    } catch (e) {
      if (!(e instanceof Bail)) throw e;
      ctx.report(e.message, e.at, e.reason);
    }
  }
  const outer = committed.filter((e) => !committed.some((o) => o !== e && o.end > o.start && o.start <= e.start && e.end <= o.end && (o.start < e.start || e.end < o.end || e.start === e.end)));
  if (!outer.length) return undefined;
  const edits = ctx.edits();
  for (const e of outer) edits.replace(e.start, e.end, e.text);
  const output = edits.apply();
  const applied = [...outer].sort((a, b) => a.start - b.start || a.end - b.end);
  // Statements moved next to other code must stay statements of their own: the output parsing is not enough, an
  // expression joined with the line before it (`const res = await get(p)` then `(res.items || [])…`) parses too.
  // Each such continuation across a line break must already be in the input.
  let joined: t.Node | undefined;
  try {
    joined = newContinuation(source, ast, output, parseSource(output, ctx.parser) as unknown as t.File);
  } catch {
    return { output, parses: false, edits: applied }; // output that does not parse is refused by the engine with its own message
  }
  if (joined) {
    for (const c of active) {
      ctx.report('kept: a moved statement would continue the line before it (no semicolon separates them), changing what the code means', c.chain, 'statement-boundary');
    }
    return undefined;
  }
  return { output, parses: true, edits: applied };
}

/**
 * An expression in `output` that continues across a line break with `(`, `[`, a template, or `+ - / <` at the start
 * of the next line, beyond those `input` has (an ASI join the conversion would have made); undefined when none is new.
 */
function newContinuation(input: string, inAst: t.File, output: string, outAst: t.File): t.Node | undefined {
  const inCount = continuations(input, inAst).length;
  const outList = continuations(output, outAst);
  return outList.length > inCount ? outList[outList.length - 1] : undefined;
}

function continuations(source: string, ast: t.File): t.Node[] {
  const found: t.Node[] = [];
  const brokenBefore = (from: number, token: string): boolean => {
    const at = source.indexOf(token, from);
    return at >= 0 && source.slice(from, at).includes('\n');
  };
  walk(ast, (n) => {
    switch (n.type) {
      case 'CallExpression':
      case 'OptionalCallExpression':
        if (brokenBefore(n.callee.end!, '(')) found.push(n);
        break;
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        if (n.computed && brokenBefore(n.object.end!, '[')) found.push(n);
        break;
      case 'TaggedTemplateExpression':
        if (source.slice(n.tag.end!, n.quasi.start!).includes('\n')) found.push(n);
        break;
      case 'BinaryExpression':
        if (['+', '-', '/', '<'].includes(n.operator) && brokenBefore(n.left.end!, n.operator)) found.push(n);
        break;
    }
  });
  return found;
}

function parenRange(source: string, node: t.Node): [number, number] {
  const extra = node.extra as { parenthesized?: boolean; parenStart?: number } | undefined;
  if (!extra?.parenthesized || extra.parenStart === undefined) return [node.start!, node.end!];
  let i = node.end!;
  while (i < source.length && /\s/.test(source[i])) i++;
  if (source[i] !== ')') return [node.start!, node.end!];
  return [extra.parenStart, i + 1];
}
