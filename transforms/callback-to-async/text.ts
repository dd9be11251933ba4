import { indentAt, reindent } from '../../src/text/lines.js';

// ---------------------------------------------------------------------------------------------------------------
// Text helpers

export function firstToken(source: string, from: number): number {
  let i = from;
  while (i < source.length && /\s/.test(source[i])) i++;
  return i;
}

export function lastToken(source: string, before: number): number {
  let i = before;
  while (i > 0 && /\s/.test(source[i - 1])) i--;
  return i;
}

/** Source of [start, end) with up to `remove` whitespace characters taken off each following line and `add` put on. */
export function reindentRange(source: string, start: number, end: number, remove: number, inLiteral: (pos: number) => boolean, add = ''): string {
  return reindent(source.slice(start, end), remove, add, (ls) => inLiteral(start + ls));
}

/** The error branch's text [start, end), re-indented to `indent` (lines inside multi-line literals are kept). */
export function errorBranchText(source: string, start: number, end: number, indent: string, inLiteral: (pos: number) => boolean, eol: string): string {
  const base = indentAt(source, start);
  let out = '';
  let pos = start;
  for (let i = source.indexOf('\n', start); i !== -1 && i < end; i = source.indexOf('\n', i + 1)) {
    const ls = i + 1;
    if (inLiteral(ls)) continue;
    out += source.slice(pos, i).replace(/\r$/, '') + eol;
    const lineIndent = /^[ \t]*/.exec(source.slice(ls, end))![0];
    const nl = source.indexOf('\n', ls);
    const restOfLine = source.slice(ls + lineIndent.length, nl === -1 || nl > end ? end : nl);
    pos = ls + lineIndent.length;
    if (!restOfLine.trim()) continue;
    out += indent + (lineIndent.startsWith(base) ? lineIndent.slice(base.length) : '');
  }
  return out + source.slice(pos, end);
}
