/** Line helpers for transforms that edit source text: one home for the offset → line and indentation questions. */
import detectIndent from 'detect-indent';
import { detectNewlineGraceful } from 'detect-newline';

/** Offset of the first character of the line holding `pos`. */
export function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** The spaces and tabs between the start of `pos`'s line and `pos` (the indentation when `pos` is a line's first token). */
export function indentAt(text: string, pos: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, pos), pos))![0];
}

/** The file's line ending: the one most of its lines end with (detect-newline), `\n` when it has one line. */
export function eolOf(text: string): '\n' | '\r\n' {
  return detectNewlineGraceful(text) as '\n' | '\r\n';
}

/** The file's indentation step: the most used one (detect-indent), two spaces when nothing is indented. */
export function indentUnit(text: string): string {
  return detectIndent(text).indent || '  ';
}

/** How many spaces and tabs (at most `max`) stand at `pos`. */
export function blanksAt(text: string, pos: number, max: number): number {
  let n = 0;
  while (n < max && pos + n < text.length && (text[pos + n] === ' ' || text[pos + n] === '\t')) n++;
  return n;
}

/** `line` with up to `remove` leading spaces and tabs taken off and `add` put in front. */
export function reindentLine(line: string, remove: number, add: string): string {
  return add + line.slice(blanksAt(line, 0, remove));
}

/**
 * `text` with every line after the first re-indented (`reindentLine`), except lines for which `keep` (given the
 * offset in `text` where the line starts) says their bytes must stay, such as lines inside a multi-line literal.
 */
export function reindent(text: string, remove: number, add: string, keep?: (lineStart: number) => boolean): string {
  if (!remove && !add) return text;
  let offset = 0;
  return text
    .split('\n')
    .map((line, i) => {
      const start = offset;
      offset += line.length + 1;
      return i === 0 || keep?.(start) ? line : reindentLine(line, remove, add);
    })
    .join('\n');
}
