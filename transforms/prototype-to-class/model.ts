import type { Binding, NodePath } from '@babel/traverse';
import type * as t from '@babel/types';

/** The shapes the phases share: a candidate constructor, its members, and the refusal that leaves it alone. */

export type Container = NodePath<t.Program | t.BlockStatement>;
export type Fn = t.FunctionExpression | t.ObjectMethod;

export interface Member {
  kind: 'method' | 'get' | 'set';
  isStatic: boolean;
  name: string;
  keyText: string;
  fn: NodePath<Fn>;
  stmt: t.Statement;
  /** Start of the comments above the member's statement (first member of a statement only). */
  stmtComment?: number;
  /** Start of the comments above the member's property in an object literal or descriptor, and that property. */
  propComment?: number;
  propStart?: number;
  /** ObjectMethod in a prototype literal: copied as written. */
  verbatim?: boolean;
}

export interface SuperCall {
  path: NodePath<t.CallExpression>;
  text: string;
}

export interface Candidate {
  name: string;
  /** Published by module.exports / exports.x / export: callers may be in other files and packages. */
  exported?: boolean;
  fn: NodePath<t.FunctionDeclaration>;
  stmt: NodePath<t.Statement>;
  container: Container;
  index: number;
  binding: Binding;
  members: Member[];
  moved: Set<t.Statement>;
  removed: Set<t.Statement>;
  kept: Set<t.Statement>;
  /** References of the name that define the class (member targets, inheritance arguments). */
  definitionRefs: Set<t.Node>;
  /** `X.call(this, …)` / `X.apply(this, …)` calls found in the file. */
  callRefs: NodePath<t.CallExpression>[];
  superCall?: SuperCall;
  parent?: { text: string; root?: string; stmt: t.Statement; via: 'inherits' | 'create'; createHasDescriptor?: boolean };
  ctorFix?: t.Statement;
  literal?: t.Statement;
  failure?: { reason: string; message: string; node: { start?: number | null } };
}

export class Refuse extends Error {
  constructor(
    readonly reason: string,
    message: string,
    readonly node?: { start?: number | null } | null,
  ) {
    super(message);
  }
}

export const RESERVED_STATIC = new Set(['name', 'length', 'prototype', 'caller', 'arguments']);
