/** Escape questions about the raw text of string literals. */

/**
 * Whether the raw body of a string literal holds a legacy octal escape (`\1`–`\7`, `\0` followed by a digit) or
 * `\8`/`\9`: syntax errors in strict code (a class body, a module) and in template literals.
 */
export function hasLegacyOctalEscape(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '\\') continue;
    const next = raw[i + 1];
    if (next >= '1' && next <= '9') return true;
    if (next === '0' && raw[i + 2] >= '0' && raw[i + 2] <= '9') return true;
    i++; // skip the escaped character
  }
  return false;
}

/**
 * The raw body of a string or template literal rewritten character by character, escape sequences kept whole:
 * `escape` gets each backslash with the character after it (kept as is by default), `plain` every other character
 * with the one after it.
 */
export function mapRawChars(
  raw: string,
  plain: (ch: string, next: string | undefined) => string,
  escape: (pair: string) => string = (pair) => pair,
): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') {
      out += escape(raw.slice(i, i + 2));
      i++;
    } else {
      out += plain(raw[i], raw[i + 1]);
    }
  }
  return out;
}
