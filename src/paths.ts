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
 * A file of the tests: under `__tests__` or `__mocks__`, or named `*.test.*` / `*.spec.*`; or under `test`, `tests`,
 * `spec`, `specs` or `e2e` unless `usedByApp` (a module that the app's own code imports, `app.use(require('./api/tests'))`,
 * is the app's, whatever its folder). Routes registered or written there belong to a test's own app, and a module
 * written beside them is taken for a test suite by jest's default pattern.
 */
export function isTestPath(relPath: string, usedByApp: (() => boolean) | boolean = false): boolean {
  const p = toPosix(relPath);
  if (/(^|\/)(__tests__|__mocks__)\//.test(p) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(p)) return true;
  return /(^|\/)(tests?|specs?|e2e)\//.test(p) && !(typeof usedByApp === 'function' ? usedByApp() : usedByApp);
}
