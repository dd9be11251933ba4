/**
 * The values of the static evaluator (evaluate.ts) and the pure helpers over them: truthiness, equality, `typeof`,
 * string conversion, key order, and the syntactic checks it uses to skip code without effects (`inert`) or to trust a
 * declaration's literal (`reassigned`).
 */
import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import { declarationsOf, type FnNode } from './resolve.js';
import type { ChainShape } from './types.js';

export type Scope = { vars: Map<string, V>; parent?: Scope; self?: V };

export type V =
  | { k: 'str'; v: string }
  | { k: 'num'; v: number }
  | { k: 'bool'; v: boolean }
  | { k: 'undef' }
  | { k: 'null' }
  | { k: 'obj'; props: Map<string, V>; open?: boolean; label?: string }
  | { k: 'arr'; items: V[] }
  | { k: 'fn'; node: FnNode; ref?: Node; closure?: Scope; label?: string; shape?: ChainShape }
  | { k: 'router'; info: unknown; expr: Node }
  | { k: 'builtin'; name: string }
  | { k: 'unknown'; why: string };

export class GiveUp extends Error {}
export class Signal {
  constructor(
    readonly kind: 'break' | 'continue' | 'return',
    readonly value?: V,
  ) {}
}

export const UNDEF: V = { k: 'undef' };
export const unknown = (why: string): V => ({ k: 'unknown', why });

export function truthy(v: V): boolean | undefined {
  switch (v.k) {
    case 'str':
      return v.v !== '';
    case 'num':
      return v.v !== 0 && !Number.isNaN(v.v);
    case 'bool':
      return v.v;
    case 'undef':
    case 'null':
      return false;
    case 'unknown':
    case 'builtin':
      return undefined;
    default:
      return true;
  }
}

export function same(a: V, b: V): boolean | undefined {
  if (a.k === 'unknown' || b.k === 'unknown' || a.k === 'builtin' || b.k === 'builtin') return undefined;
  if ((a.k === 'str' || a.k === 'num' || a.k === 'bool') && a.k === b.k) return a.v === (b as typeof a).v;
  if (a.k !== b.k) return (a.k === 'obj' || a.k === 'arr' || a.k === 'fn' || a.k === 'router') && (b.k === 'obj' || b.k === 'arr' || b.k === 'fn' || b.k === 'router') ? a === b : false;
  if (a.k === 'undef' || a.k === 'null') return true;
  return a === b;
}

export function typeOf(v: V): string | undefined {
  switch (v.k) {
    case 'str':
      return 'string';
    case 'num':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'undef':
      return 'undefined';
    case 'null':
    case 'obj':
    case 'arr':
      return 'object';
    case 'fn':
    case 'router':
      return 'function';
    default:
      return undefined;
  }
}

export function asString(v: V): string | undefined {
  if (v.k === 'str') return v.v;
  if (v.k === 'num' || v.k === 'bool') return String(v.v);
  if (v.k === 'undef') return 'undefined';
  if (v.k === 'null') return 'null';
  return undefined;
}

/** Own keys in JavaScript order: integer-like keys ascending first, then the rest in insertion order. */
export function keysOf(props: Map<string, V>): string[] {
  const keys = [...props.keys()];
  const ints = keys.filter((k) => /^(0|[1-9]\d*)$/.test(k)).sort((a, b) => Number(a) - Number(b));
  return [...ints, ...keys.filter((k) => !/^(0|[1-9]\d*)$/.test(k))];
}

export const PURE_METHODS = new Set(['toUpperCase', 'toLowerCase', 'trim', 'toString', 'slice', 'substring', 'join', 'indexOf', 'includes', 'startsWith', 'endsWith', 'padStart', 'padEnd', 'split', 'concat', 'toFixed']);

/** A call with no effect on anything: a string/array method that only reads, `JSON.stringify`, `String(x)`. */
export function pureCall(call: CallExpression): boolean {
  const c = call.getExpression();
  if (Node.isPropertyAccessExpression(c)) return PURE_METHODS.has(c.getName()) || /^(JSON\.stringify|util\.(format|inspect))$/.test(c.getText());
  return /^(String|Number|Boolean|encodeURIComponent|decodeURIComponent)$/.test(c.getText());
}

/** Code that has no effect the evaluator tracks: no assignments, declarations, jumps, or calls other than console.*. */
export function inert(node: Node): boolean {
  let ok = true;
  const check = (n: Node) => {
    if (!ok) return;
    if (Node.isBinaryExpression(n) && /=$/.test(n.getOperatorToken().getText()) && !/^[=!]==?$/.test(n.getOperatorToken().getText()) && !/^[<>]=$/.test(n.getOperatorToken().getText())) ok = false;
    else if (Node.isPrefixUnaryExpression(n) || Node.isPostfixUnaryExpression(n)) {
      const op = n.getOperatorToken();
      if (op === SyntaxKind.PlusPlusToken || op === SyntaxKind.MinusMinusToken) ok = false;
    } else if (Node.isVariableStatement(n) || Node.isReturnStatement(n) || Node.isBreakStatement(n) || Node.isContinueStatement(n) || Node.isThrowStatement(n) || Node.isDeleteExpression(n)) ok = false;
    else if (Node.isCallExpression(n) && !/^console\.\w+$/.test(n.getExpression().getText()) && !pureCall(n)) ok = false;
  };
  check(node);
  node.forEachDescendant((n) => check(n));
  return ok;
}

export function* scopeNames(scope: Scope): Iterable<string> {
  for (let s: Scope | undefined = scope; s; s = s.parent) yield* s.vars.keys();
}

/** Whether a `var`/`let` is written after its declaration (or its object/array changed) anywhere in its file. */
export function reassigned(decl: import('ts-morph').VariableDeclaration): boolean {
  const list = decl.getParent();
  const isConst = Node.isVariableDeclarationList(list) && list.getFlags() & 2; // NodeFlags.Const
  const name = decl.getName();
  const sf = decl.getSourceFile();
  for (const id of sf.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (id.getText() !== name || id === decl.getNameNode()) continue;
    if (declarationsOf(id)[0] !== decl) continue;
    let n: Node = id;
    // `x.a.b = ...`, `x[k] = ...`, `delete x.a`: the literal changes.
    while (n.getParent() && (Node.isPropertyAccessExpression(n.getParent()!) || Node.isElementAccessExpression(n.getParent()!)) && (n.getParent() as import('ts-morph').PropertyAccessExpression).getExpression() === n) n = n.getParent()!;
    const p = n.getParent();
    if (!p) continue;
    if (Node.isBinaryExpression(p) && p.getLeft() === n && /=$/.test(p.getOperatorToken().getText()) && !/^[=!<>]=/.test(p.getOperatorToken().getText())) {
      if (n === id && isConst) continue;
      return true;
    }
    if ((Node.isPrefixUnaryExpression(p) || Node.isPostfixUnaryExpression(p)) && [SyntaxKind.PlusPlusToken, SyntaxKind.MinusMinusToken].includes(p.getOperatorToken())) return true;
    if (Node.isDeleteExpression(p)) return true;
    // A method call on the literal that changes it (push, splice, Object.assign(x, ...)).
    if (n !== id && Node.isPropertyAccessExpression(n) && /^(push|pop|shift|unshift|splice|sort|reverse|fill|copyWithin)$/.test(n.getName()) && Node.isCallExpression(p)) return true;
    if (Node.isCallExpression(p) && /^Object\.(assign|defineProperty|defineProperties|setPrototypeOf)$/.test(p.getExpression().getText()) && p.getArguments()[0] === n) return true;
  }
  return false;
}