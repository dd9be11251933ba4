/** Line helpers for transforms that edit source text: one home for the offset → line questions. */

/** Offset of the first character of the line holding `pos`. */
export function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** The spaces and tabs between the start of `pos`'s line and `pos` (the indentation when `pos` is a line's first token). */
export function indentAt(text: string, pos: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, pos), pos))![0];
}
