import fs from 'node:fs';

/**
 * Reads a source file as text, strictly. A file that is not valid UTF-8 (latin-1, Shift-JIS, a stray binary) is
 * never decoded lossily: replacement characters would change string values, and writing the text back would lose
 * the original bytes. Such files, and files with NUL bytes, come back as a skip with a reason key.
 */
export type SourceRead =
  | { ok: true; text: string; bytes: Buffer }
  | { ok: false; reason: 'not-utf8' | 'binary file'; message: string };

/** BOM kept in the text (callers strip and restore it); invalid byte sequences throw. */
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeSource(bytes: Buffer): SourceRead {
  if (bytes.includes(0)) return { ok: false, reason: 'binary file', message: 'binary file (contains NUL bytes)' };
  try {
    return { ok: true, text: strict.decode(bytes), bytes };
  } catch {
    return { ok: false, reason: 'not-utf8', message: 'not valid UTF-8; left as it is' };
  }
}

/** Reads and strictly decodes a file; I/O errors (ENOENT, EACCES, EISDIR) are thrown as they are. */
export function readSource(absPath: string): SourceRead {
  return decodeSource(fs.readFileSync(absPath));
}

/** The text of a file that must be valid UTF-8 (a change's `before`); throws a clear error otherwise. */
export function readSourceText(absPath: string): string {
  const read = readSource(absPath);
  if (!read.ok) throw new NotUtf8Error(absPath, read.message);
  return read.text;
}

export class NotUtf8Error extends Error {
  readonly reason = 'not-utf8';
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'NotUtf8Error';
  }
}

/** True for an existing file whose bytes are not valid UTF-8 (project engines use it before rewriting a file). */
export function isNotUtf8(absPath: string): boolean {
  try {
    const read = readSource(absPath);
    return !read.ok && read.reason === 'not-utf8';
  } catch {
    return false;
  }
}
