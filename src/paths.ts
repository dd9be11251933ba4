import path from 'node:path';

/** A path with forward slashes, as reports, patches and git use them on every platform. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** `to` relative to `from`, with forward slashes. */
export function relativePosix(from: string, to: string): string {
  return toPosix(path.relative(from, to));
}
