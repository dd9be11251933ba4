import type { Binding, NodePath } from '@babel/traverse';
import type * as t from '@babel/types';
import type { Traverse } from '../../src/ast.js';
import type { FileTransformContext } from '../../src/types.js';
import type { Options } from './meta.js';
import { type Candidate, type Member, Refuse } from './model.js';

/**
 * The first layer of the converter (the phases are layers of one class, each in its own module: source → collect →
 * checks → timing → emit → index): the file, what the first walk gathers, and the text helpers every phase uses.
 */
export class SourceText {
  protected readonly source: string;
  protected ast!: t.File;
  protected strictFile = false;
  protected moduleLike = false;
  protected readonly typescript: boolean;
  protected readonly candidates: Candidate[] = [];
  protected readonly byBinding = new Map<Binding, Candidate>();
  /** Function nodes that only run as a candidate's constructor or method. */
  protected readonly ownerOf = new Map<t.Node, Candidate>();
  protected readonly forInRights: NodePath<t.ForInStatement>[] = [];
  protected readonly memberReads: NodePath<t.MemberExpression>[] = [];
  /** Calls of a function named `inherits` (`util.inherits(…)`, `inherits(…)`), checked by isInheritsCall. */
  protected readonly inheritsCalls: NodePath<t.CallExpression>[] = [];
  protected readonly eol: string;

  constructor(
    protected readonly ctx: FileTransformContext<Options>,
    protected readonly traverse: Traverse,
  ) {
    this.source = ctx.source;
    this.typescript = /\.[cm]?tsx?$/.test(ctx.path);
    this.eol = this.source.includes('\r\n') ? '\r\n' : '\n';
  }

  protected guard(c: Candidate, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      if (!(err instanceof Refuse)) throw err;
      c.failure = { reason: err.reason, message: err.message, node: err.node ?? c.fn.node };
    }
  }

  protected commentsIn(start: number, end: number): t.Comment[] {
    return (this.ast.comments ?? []).filter((cm) => cm.start! >= start && cm.end! <= end);
  }

  /** Start of the comments on their own lines between `from` and `to` (a statement's leading comments), if any. */
  protected leadingCommentStart(from: number, to: number): number | undefined {
    const comments = this.commentsIn(from, to);
    const own = comments.filter((cm) => /^[ \t]*$/.test(this.source.slice(this.lineStart(cm.start!), cm.start!)) && this.source.slice(from, cm.start!).includes('\n'));
    return own.length ? own[0].start! : undefined;
  }

  protected lineStart(pos: number): number {
    return this.source.lastIndexOf('\n', pos - 1) + 1;
  }

  protected lineEnd(pos: number): number {
    const i = this.source.indexOf('\n', pos);
    return i === -1 ? this.source.length : i;
  }

  protected indentAt(pos: number): string {
    const start = this.lineStart(pos);
    return /^[ \t]*/.exec(this.source.slice(start, pos + 1))![0];
  }

  protected functionTextStart(m: Member): number {
    const fn = m.fn.node;
    if (m.verbatim || fn.type === 'ObjectMethod') return fn.start!;
    // After `function`, `*` and the name: the parameter list.
    return this.source.indexOf('(', fn.id ? fn.id.end! : fn.start! + 8);
  }
}
