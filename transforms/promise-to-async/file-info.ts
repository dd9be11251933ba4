import type * as t from '@babel/types';
import type { FileTransformContext } from '../../src/types.js';
import type { Options } from './index.js';
import { eolOf, indentAt, indentUnit } from '../../src/text/lines.js';

/** File-wide facts shared by every conversion. */
export class FileInfo {
  readonly source: string;
  readonly comments: Array<{ start: number; end: number }>;
  readonly eol: string;
  readonly unit: string;
  /** ';' when the file ends its statements with semicolons, else ''. */
  readonly semi: string;
  /** Ranges of template literals and strings that span lines (their text must not be re-indented). */
  readonly multiline: Array<[number, number]> = [];

  constructor(ctx: FileTransformContext<Options>, ast: t.File) {
    this.source = ctx.source;
    this.comments = (ast.comments ?? []).map((c) => ({ start: c.start!, end: c.end! }));
    this.eol = eolOf(this.source);
    this.unit = indentUnit(this.source);
    let withSemi = 0;
    let without = 0;
    const visit = (n: any) => {
      if (!n || typeof n.type !== 'string') return;
      if ((n.type === 'TemplateLiteral' || n.type === 'StringLiteral') && /\n/.test(this.source.slice(n.start, n.end))) {
        this.multiline.push([n.start, n.end]);
      }
      if (n.type === 'ExpressionStatement' || n.type === 'ReturnStatement' || n.type === 'ThrowStatement' || n.type === 'VariableDeclaration') {
        if (this.source[n.end - 1] === ';') withSemi++;
        else if (n.type !== 'VariableDeclaration' || this.source[n.end] !== ';') without++;
      }
      for (const k in n) {
        if (k === 'loc' || k === 'extra' || k.endsWith('Comments')) continue;
        const v = n[k];
        if (Array.isArray(v)) v.forEach(visit);
        else if (v && typeof v === 'object' && typeof v.type === 'string') visit(v);
      }
    };
    visit(ast.program);
    this.semi = withSemi >= without ? ';' : '';
  }

  lineIndent(offset: number): string {
    return indentAt(this.source, offset);
  }

  hasMultiline(start: number, end: number): boolean {
    return this.multiline.some(([a, b]) => a < end && start < b);
  }
}
