import path from 'node:path';

/** A path with forward slashes, as reports, patches and git use them on every platform. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** `to` relative to `from`, with forward slashes. */
export function relativePosix(from: string, to: string): string {
  return toPosix(path.relative(from, to));
}

/**
 * A file of the tests (under `__tests__`, `__mocks__`, `test` or `tests`, or named `*.test.*` / `*.spec.*`): routes
 * registered or written there belong to a test's own app, not to the app, and a module written beside them is taken
 * for a test suite by jest's default pattern.
 */
export function isTestPath(relPath: string): boolean {
  const p = toPosix(relPath);
  return /(^|\/)(__tests__|__mocks__|tests?)\//.test(p) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(p);
}
