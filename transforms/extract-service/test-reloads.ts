/**
 * extract-service, issue 14: tests that load a router module afresh with its imports replaced.
 *
 * hackathon-starter's controller tests replace `require` while they load `controllers/user.js` again
 * (`Module.prototype.require` patched for `'../models/User'`, the module deleted from `require.cache` after each
 * test); proxyquire, rewire and mock-require do the same for one module. Such a replacement reaches the router module
 * only: a service module it requires is loaded once, with the real imports (or the first test's stubs), and stays in
 * the cache. Moving logic that uses an import of the router module into a service would make those tests exercise the
 * real model, or a stale stub, and fail, although the app behaves the same. So those handlers are left alone
 * (`reloaded-by-tests`), naming the test file; logic that uses none of the module's imports still moves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { Node, SyntaxKind, ts, type SourceFile, type Statement } from 'ts-morph';
import { nearestPackage } from '../../src/target.js';

/** What replaces a module's imports for one load of it (or loads one afresh). */
const RELOADERS = /require\.cache|\.cache\s*\[|Module\._cache|createRequire|proxyquire|\brewire\b|mock-require|Module\.prototype\.require|Module\._load|\besmock\b|import-fresh|importFresh|decache|clear-module|clearModule|resetModules|isolateModules/;

const TEST_FILES = ['**/*.{test,spec}.{js,cjs,mjs,ts,cts,mts,jsx,tsx}', '{test,tests,__tests__,spec}/**/*.{js,cjs,mjs,ts,cts,mts,jsx,tsx}', '{test,tests,spec}.{js,cjs,mjs,ts,cts,mts}'];

const byRouter = new Map<string, string | undefined>();
const testsByRoot = new Map<string, { file: string; text: string }[]>();

/** The app's test files that replace imports of a module they load (read once per package root). */
function reloadingTests(root: string): { file: string; text: string }[] {
  let tests = testsByRoot.get(root);
  if (!tests) testsByRoot.set(root, (tests = allTests(root).filter((t) => RELOADERS.test(t.text))));
  return tests;
}

/** Where the app's tests are looked for: its package, else its repository (an app without a package.json; round 19, F6). */
function appRoot(file: string): string | undefined {
  const pkg = nearestPackage(file)?.dir;
  if (pkg) return pkg;
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

const filesByRoot = new Map<string, { file: string; text: string }[]>();

/** The app's test files, any of them (read once per package root). */
function allTests(root: string): { file: string; text: string }[] {
  let tests = filesByRoot.get(root);
  if (tests) return tests;
  tests = [];
  let files: string[] = [];
  try {
    files = globSync(TEST_FILES, { cwd: root, ignore: ['**/node_modules/**', '**/.git/**'], absolute: true }).slice(0, 2000);
  } catch {
    files = [];
  }
  for (const file of files) {
    try {
      if (fs.statSync(file).size <= 1_000_000) tests.push({ file, text: fs.readFileSync(file, 'utf8') });
    } catch {
      // (an unreadable file tells nothing)
    }
  }
  filesByRoot.set(root, tests);
  return tests;
}

/** Loads that get a module's exports object as a whole, by a literal naming it: `require('…')`, `import('…')`, `import x = require('…')`, a mocking library's `mock('…')`. */
const WHOLE_LOADS = /\b(?:require|import|mock|doMock|unmock|requireActual|requireMock|proxyquire|rewire|importFresh)\s*\(\s*(['"`])([^'"`\n]+)\1/g;

/**
 * A module of the project or a test of the app that gets `router`'s exports object as a whole other than through an
 * ES import (`require('../routes/fixes')`, `import fixes = require(…)`, `await import(…)`, `jest.mock(…)`), which
 * may replace an export or enumerate them: the file (relative to the package), or undefined. Named imports and
 * `import * as` are the caller's to judge.
 */
export function loadedWhole(router: SourceFile): string | undefined {
  // (asked for each exported helper of each handler: the project's files are read once per router and run; the
  // transform's own edits, router modules and new services, add no load of a router)
  const known = wholeLoads.get(router.getProject())?.get(router.getFilePath());
  if (known !== undefined) return known ?? undefined;
  const found = findWholeLoad(router);
  let perRouter = wholeLoads.get(router.getProject());
  if (!perRouter) wholeLoads.set(router.getProject(), (perRouter = new Map()));
  perRouter.set(router.getFilePath(), found ?? null);
  return found;
}

const wholeLoads = new WeakMap<object, Map<string, string | null>>();

function findWholeLoad(router: SourceFile): string | undefined {
  const abs = router.getFilePath();
  const root = appRoot(abs) ?? path.dirname(abs);
  const stem = abs.replace(/\.[cm]?[jt]sx?$/, '');
  const names = (file: string, literal: string) => {
    if (!/^\.{1,2}\//.test(literal) && !path.isAbsolute(literal)) return path.basename(literal).replace(/\.[cm]?[jt]sx?$/, '') === path.basename(stem) && path.basename(stem) !== 'index';
    const target = path.resolve(path.dirname(file), literal).replace(/\.[cm]?[jt]sx?$/, '');
    return target === stem || `${target}/index` === stem;
  };
  const sources = [
    ...router.getProject().getSourceFiles().filter((sf) => sf !== router && !sf.isInNodeModules() && !sf.isDeclarationFile()).map((sf) => ({ file: sf.getFilePath() as string, text: sf.getFullText() })),
    ...allTests(root),
  ];
  for (const { file, text } of sources) {
    if (file === abs) continue;
    for (const m of text.matchAll(WHOLE_LOADS)) if (names(file, m[2])) return path.relative(root, file);
  }
  return undefined;
}

/** The test file (relative to the package) that loads `router` afresh with replaced imports, if any. */
export function reloadingTest(router: SourceFile): string | undefined {
  const abs = router.getFilePath();
  if (byRouter.has(abs)) return byRouter.get(abs);
  const root = appRoot(abs);
  let found: string | undefined;
  if (root) {
    const stem = abs.replace(/\.[cm]?[jt]sx?$/, '');
    // (also a path built from parts, `path.join(__dirname, '..', 'controllers', 'users.js')`: the file's name quoted
    // anywhere in a reloading test counts; round 16, F5)
    const base = path.basename(stem);
    const named = new RegExp(`(['"\`/])${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\.[cm]?[jt]sx?)?['"\`]`);
    // (a literal names the router module by its file name, or as a specifier relative to the test)
    const namesRouter = (file: string, literal: string) => {
      if (base !== 'index' && path.basename(literal).replace(/\.[cm]?[jt]sx?$/, '') === base) return true;
      if (!/^\.{1,2}\//.test(literal)) return false;
      const target = path.resolve(path.dirname(file), literal).replace(/\.[cm]?[jt]sx?$/, '');
      return target === stem || `${target}/index` === stem;
    };
    for (const t of reloadingTests(root)) {
      // the router module named by its file name, or by a module specifier of the test (with or without its
      // extension, or its folder's index)
      const namesIt = (base !== 'index' && named.test(t.text)) || [...t.text.matchAll(/(['"`])(\.{1,2}\/[^'"`\n]+)\1/g)].some((m) => namesRouter(t.file, m[2]));
      // (a test that reloads only other modules, `delete require.cache[require.resolve('../config')]`, and loads the
      // router module once as it is, does not count: round 16, F8; asked only of a test that names the router, as it
      // parses the test)
      if (namesIt && reloadsNamed(t, (literal) => namesRouter(t.file, literal))) {
        found = path.relative(root, t.file);
        break;
      }
    }
  }
  byRouter.set(abs, found);
  return found;
}

/**
 * Whether the test's reloading may reach the module that `names` recognises. Only one form is known not to: the test
 * reloads nothing but `delete require.cache[require.resolve('<literal>')]` (or the literal itself as the key) of other
 * modules, and loads the router module once as it is (adversarial round 16, F8). Anything else counts, the safe side:
 * a stub put into the cache (`require.cache[model] = { exports: stub }`, which any fresh load then gets), a computed
 * key, proxyquire/rewire/import-fresh under any name, hooks on every load (round 17, F1, F2).
 */
function reloadsNamed(test: { file: string; text: string }, names: (literal: string) => boolean): boolean {
  if (RELOADERS.test(test.text.replace(/\brequire\.cache\b/g, ''))) return true;
  let source: ts.SourceFile;
  try {
    source = ts.createSourceFile(test.file, test.text, ts.ScriptTarget.Latest, true);
  } catch {
    return true;
  }
  const literalKey = (key: ts.Expression): string | undefined => {
    if (ts.isStringLiteralLike(key)) return key.text;
    if (ts.isCallExpression(key) && key.arguments.length === 1 && ts.isStringLiteralLike(key.arguments[0]) && ts.isPropertyAccessExpression(key.expression) && key.expression.getText(source) === 'require.resolve') return key.arguments[0].text;
    return undefined;
  };
  let reaches = false;
  const visit = (n: ts.Node): void => {
    if (reaches) return;
    if (ts.isPropertyAccessExpression(n) && n.name.text === 'cache' && ts.isIdentifier(n.expression) && n.expression.text === 'require') {
      const access = n.parent;
      const key = ts.isElementAccessExpression(access) && access.expression === n ? literalKey(access.argumentExpression) : undefined;
      // (only a delete of another module's entry, named by a literal, is known to leave the router module as it is)
      if (key === undefined || !ts.isDeleteExpression(access.parent) || names(key)) reaches = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return reaches;
}

/** A module-level import of the router module: what a test may replace. */
function isModuleImport(s: Statement): boolean {
  return Node.isImportDeclaration(s) || Node.isImportEqualsDeclaration(s) || (Node.isVariableStatement(s) && /\brequire\s*\(/.test(s.getText()));
}

/**
 * An import of the router module that the moved code uses, directly or through the module's own declarations it
 * moves along (`function load(id) { return User.find(id) }`; round 16, F4).
 */
export function movedImport(region: Statement[], deps: Set<Statement>, file: SourceFile): Statement | undefined {
  const top = file.getStatements();
  const byName = new Map<string, Statement>();
  for (const s of top) {
    const names = Node.isVariableStatement(s)
      ? s.getDeclarations().flatMap((d) => [d.getNameNode(), ...d.getNameNode().getDescendantsOfKind(SyntaxKind.Identifier)])
      : Node.isImportDeclaration(s)
        ? [s.getDefaultImport(), s.getNamespaceImport(), ...s.getNamedImports().map((n) => n.getAliasNode() ?? n.getNameNode())]
        : Node.isFunctionDeclaration(s) || Node.isClassDeclaration(s) || Node.isImportEqualsDeclaration(s)
          ? [s.getNameNode()]
          : [];
    for (const n of names) if (n && Node.isIdentifier(n)) byName.set(n.getText(), s);
  }
  const seen = new Set<Statement>();
  const queue: Node[] = [...region, ...deps];
  while (queue.length) {
    const n = queue.pop()!;
    for (const id of n.getDescendantsOfKind(SyntaxKind.Identifier)) {
      const s = byName.get(id.getText());
      if (!s || seen.has(s) || region.includes(s)) continue;
      seen.add(s);
      if (isModuleImport(s)) return s;
      queue.push(s);
    }
  }
  return undefined;
}
