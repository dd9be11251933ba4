import type { NodePath } from '@babel/traverse';
import type * as t from '@babel/types';

export class Bail {
  constructor(
    readonly reason: string,
    readonly message: string,
    readonly at: t.Node,
  ) {}
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export type Sink =
  | { kind: 'return'; await: boolean }
  | { kind: 'declare'; text: string; name?: string; mutable: boolean }
  | { kind: 'assign'; name: string }
  | { kind: 'discard' };

export interface Line {
  level: number;
  text: string;
  /** Printed exactly as is (lines inside a multi-line template literal). */
  raw?: boolean;
}

export interface Chain {
  head: t.Expression;
  steps: t.CallExpression[];
}

export type FnPath = NodePath<t.Function>;

export interface Candidate {
  fn: FnPath;
  /** The replaced range: the return statement, or an arrow's expression body (with its parentheses). */
  start: number;
  end: number;
  chain: t.CallExpression;
  ret?: t.ReturnStatement;
}

export interface Outcome {
  edits: Edit[];
  inlined: Set<t.Node>;
  notes: Bail[];
}
