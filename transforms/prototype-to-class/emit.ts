import type { NodePath } from '@babel/traverse';
import type * as t from '@babel/types';
import { TextEdits } from '../../src/text-edits.js';
import type { Candidate, Member } from './model.js';
import { TRAILING_COMMENT } from './syntax.js';
import { Timing } from './timing.js';

/** Writing the class: its text, built from moved source text, and the removal of the statements it replaces. */
export class Emitter extends Timing {
  protected indentUnit(c: Candidate, base: string): string {
    const first = c.fn.node.body.body[0];
    if (first) {
      const ind = this.indentAt(first.start!);
      if (ind.startsWith(base) && ind.length > base.length && this.lineStart(first.start!) + ind.length === first.start) return ind.slice(base.length);
    }
    const m = /\n([ \t]+)\S/.exec(this.source);
    if (m) return m[1].startsWith('\t') ? '\t' : m[1].length >= 4 && m[1].length % 4 === 0 ? '    ' : '  ';
    return '  ';
  }

  /** Offsets inside template literals or strings that span lines: no indentation may be added or removed there. */
  protected protectedRanges(): Array<[number, number]> {
    if (this.protectedCache) return this.protectedCache;
    const out: Array<[number, number]> = [];
    this.traverse(this.ast, {
      TemplateLiteral(p: NodePath<t.TemplateLiteral>) {
        out.push([p.node.start!, p.node.end!]);
      },
      StringLiteral(p: NodePath<t.StringLiteral>) {
        out.push([p.node.start!, p.node.end!]);
      },
      JSXText(p: NodePath<t.JSXText>) {
        out.push([p.node.start!, p.node.end!]);
      },
    });
    return (this.protectedCache = out);
  }
  private protectedCache?: Array<[number, number]>;

  /** Text of [start, end) (with `inner` edits applied) with every line after the first moved from `from` to `to`. */
  protected reindent(start: number, end: number, from: string, to: string, inner?: TextEdits): string {
    const ranges = this.protectedRanges();
    let out = '';
    let pos = start;
    const text = (a: number, b: number) => (inner ? inner.slice(a, b) : this.source.slice(a, b));
    while (pos < end) {
      const nl = this.source.indexOf('\n', pos);
      if (nl === -1 || nl >= end) {
        out += text(pos, end);
        break;
      }
      out += text(pos, nl + 1);
      let next = nl + 1;
      if (next >= end) break;
      const inString = ranges.some(([a, b]) => next > a && next < b);
      if (!inString) {
        const lineEndPos = Math.min(this.lineEnd(next), end);
        const line = this.source.slice(next, lineEndPos).replace(/\r$/, '');
        if (line.trim() === '') {
          // blank line: keep it empty
          next = next + /^[ \t]*/.exec(line)![0].length;
        } else if (line.startsWith(from)) {
          out += to;
          next += from.length;
        } else if (to.startsWith(from) || from === '') {
          out += to.slice(from.length);
        }
      }
      pos = next;
    }
    return out;
  }

  protected emit(c: Candidate, edits: TextEdits): void {
    const eol = this.eol;
    const fn = c.fn.node;
    const base = this.indentAt(c.stmt.node.start!);
    const unit = this.indentUnit(c, base);
    const inner = new TextEdits(this.source);
    if (c.superCall) inner.replace(c.superCall.path.node.start!, c.superCall.path.node.end!, c.superCall.text);

    const parts: string[] = [];
    const head = `class ${c.name}${c.parent ? ` extends ${c.parent.text}` : ''} {`;
    const paramsStart = this.source.indexOf('(', fn.id!.end!);
    const params = this.source.slice(paramsStart, fn.body.start!).trimEnd();
    const noComments = !this.commentsIn(fn.body.start!, fn.body.end!).length;
    const emptyBase = !c.parent && fn.params.length === 0 && fn.body.body.length === 0 && noComments;
    // `function S() { P.apply(this, arguments) }` is exactly a derived class's default constructor: leave it out.
    // (`constructor() { super() }` stays: without it the caller's arguments would reach the parent.)
    const forwardingOnly =
      Boolean(c.parent) && fn.params.length === 0 && fn.body.body.length === 1 && noComments &&
      c.superCall?.path.node === (fn.body.body[0] as t.ExpressionStatement).expression && /^super\(\.\.\.arguments\)$/.test(c.superCall.text.trim());
    if (!emptyBase && !forwardingOnly) {
      const body = this.reindent(fn.body.start!, fn.body.end!, base, base + unit, inner);
      parts.push(`${base}${unit}constructor${params} ${body}`);
    }
    // Members in source order, each with the blank-line spacing it had.
    const members = [...c.members].sort((a, b) => a.fn.node.start! - b.fn.node.start!);
    members.forEach((m, i) => {
      const prev = members[i - 1];
      const sameStmt = prev?.stmt === m.stmt;
      if (!sameStmt) m.stmtComment = this.leadingCommentStart(this.previousEnd(m.stmt), m.stmt.start!);
      const from = sameStmt ? prev.fn.node.end! : prev ? prev.stmt.end! : fn.end!;
      const to = sameStmt ? (m.propComment ?? m.propStart ?? m.fn.node.start!) : (m.stmtComment ?? m.stmt.start!);
      const blank = /\n[ \t]*\r?\n/.test(this.source.slice(from, to));
      const last = members[i + 1]?.stmt !== m.stmt;
      parts.push((parts.length && blank ? eol : '') + this.memberText(m, base + unit, last));
    });
    const classText = parts.length ? `${head}${eol}${parts.join(eol)}${eol}${base}}` : `${head}}`;
    edits.replace(fn.start!, fn.end!, classText);

    for (const stmt of [...c.moved, ...c.removed]) this.removeStatement(stmt, edits, c.moved.has(stmt));
  }

  protected memberText(m: Member, indent: string, lastOfStatement: boolean): string {
    const fn = m.fn.node;
    const comment = (start: number | undefined, end: number | undefined) =>
      start === undefined || end === undefined ? '' : indent + this.reindent(start, end, this.indentAt(start), indent).trimEnd() + this.eol;
    const lead = comment(m.stmtComment, m.stmt.start!) + comment(m.propComment, m.propStart);
    const from = this.indentAt(fn.start!);
    let text: string;
    if (m.verbatim) {
      text = this.reindent(fn.start!, fn.end!, from, indent);
    } else {
      const prefix = `${m.isStatic ? 'static ' : ''}${m.kind === 'get' ? 'get ' : m.kind === 'set' ? 'set ' : ''}${fn.async ? 'async ' : ''}${fn.generator ? '*' : ''}`;
      const paramsStart = this.functionTextStart(m);
      const params = this.source.slice(paramsStart, fn.body.start!).trimEnd();
      text = `${prefix}${m.keyText}${params} ${this.reindent(fn.body.start!, fn.body.end!, from, indent)}`;
    }
    return `${lead}${indent}${text}${lastOfStatement ? this.trailingComment(m.stmt) : ''}`;
  }

  /** A comment after a moved statement on the same line travels with the statement's last member. */
  protected trailingComment(stmt: t.Statement): string {
    const rest = this.source.slice(stmt.end!, this.lineEnd(stmt.end!)).replace(/\r$/, '');
    return TRAILING_COMMENT.test(rest) ? rest.trimEnd() : '';
  }

  /** Removes a statement with its lines (and the blank lines before it); carried comments go along. */
  protected removeStatement(stmt: t.Statement, edits: TextEdits, carried: boolean): void {
    const src = this.source;
    const lead = carried ? this.leadingCommentStart(this.previousEnd(stmt), stmt.start!) : undefined;
    let start = lead ?? stmt.start!;
    const endLine = this.lineEnd(stmt.end!);
    const rest = src.slice(stmt.end!, endLine).replace(/\r$/, '');
    const ownLineStart = /^[ \t]*$/.test(src.slice(this.lineStart(start), start));
    const restIsComment = rest.trim() === '' || (carried && TRAILING_COMMENT.test(rest));
    if (!ownLineStart || !restIsComment) {
      edits.remove(stmt.start!, stmt.end!);
      return;
    }
    start = this.lineStart(start);
    // Take the blank lines before it too (up to the previous non-blank line).
    while (start > 0) {
      const prevLineStart = this.lineStart(start - 1);
      if (src.slice(prevLineStart, start).trim() !== '') break;
      start = prevLineStart;
    }
    if (!carried && lead === undefined && this.leadingCommentStart(this.previousEnd(stmt), stmt.start!) !== undefined) {
      start = this.lineStart(stmt.start!);
    }
    let end = endLine < src.length ? endLine + 1 : endLine;
    if (start === 0 && end < src.length) {
      // at the top of the file: drop the following blank lines instead
      while (end < src.length && src.slice(end, this.lineEnd(end) + 1).trim() === '' && this.lineEnd(end) < src.length) end = this.lineEnd(end) + 1;
    }
    edits.remove(start, end);
  }

  protected previousEnd(stmt: t.Statement): number {
    const parent = this.findContainer(stmt);
    const body = parent.body as t.Statement[];
    const i = body.indexOf(stmt);
    if (i > 0) return body[i - 1].end!;
    return parent.type === 'Program' ? 0 : parent.start! + 1;
  }

  protected findContainer(stmt: t.Statement): t.Program | t.BlockStatement {
    for (const c of this.candidates) if ((c.container.node.body as t.Statement[]).includes(stmt)) return c.container.node;
    return this.ast.program;
  }
}
