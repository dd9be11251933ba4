import fs from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { parse as babelParse } from '@babel/parser';
import { Node, SyntaxKind, type Expression, type Identifier, type SourceFile, type Statement } from 'ts-morph';
import { z } from 'zod';
import type { ProjectTransformContext } from '../src/engine/project-engine.js';
import { discoverFiles } from '../src/discover.js';
import { toPosix } from '../src/paths.js';
import { defineMeta } from '../src/types.js';

export const meta = defineMeta({
  name: 'cjs-to-esm',
  description: 'converts a CommonJS package to ES modules: require → import, module.exports/exports.x → export, "type": "module"',
  engine: 'project',
  reasons: {
    'circular-require': 'the module is part of a require cycle; ES modules would see different partially initialised exports',
    'conditional-exports': 'module.exports is assigned inside a function, condition or expression',
    'dual-package': 'the required package has an "import" export condition: as an ES module the file would load a different file',
    'dynamic-require': 'require() of a module chosen at run time',
    'entry-default-export': 'the package entry exports an expression: CommonJS users who require() it would get the module namespace',
    'evaluation-order': 'a require that follows side-effecting code stays a require (createRequire) so it runs in place',
    'export-name-taken': 'exports.x cannot become `export const x`: the name is used in the file',
    'exports-object': 'the exports object is reassigned or used as an object',
    'implicit-global': 'assigning an undeclared name creates a global in sloppy mode and throws in ESM',
    'lazy-require': 'a require inside a function, condition or expression stays a require (createRequire)',
    'lazy-require-local': 'a local module required lazily would become an ES module, which require() cannot load',
    'package-entry': 'package.json names this file (main, exports, bin); with --rename it stays CommonJS so the name keeps working',
    'mixed-exports': '`var X = module.exports = …` and other uses of the exports object',
    'module-object': 'the CommonJS module object is used',
    'module-syntax': 'the file does not parse as an ES module',
    'reassigned-exports': 'module.exports is assigned more than once',
    'reassigned-require': 'a required binding is reassigned; an import binding cannot be',
    redeclared: 'a required binding is declared more than once',
    'require-main': 'require.main has no ES module equivalent',
    'require-object': 'require is used as a value, or require.x has no ES module equivalent',
    'unresolved-require': 'a required module cannot be resolved (install dependencies first)',
    'required-by-commonjs': 'a file that stays CommonJS may require this module (by a computed name)',
    'sloppy-syntax': 'the sloppy-mode script does not parse in strict mode, which ES modules are',
    'sloppy-this': 'a function using `this` is called plainly: globalThis in sloppy mode, undefined in ESM',
    'top-level-arguments': '`arguments` at the top level is the CommonJS wrapper\'s',
    'top-level-return': 'a top-level return is allowed in CommonJS, not in an ES module',
    'top-level-this': 'top-level `this` is module.exports in CommonJS and undefined in ESM',
  },
  version: '1',
  docs: `
Converts the selected CommonJS \`.js\` files of a package to ES modules, deciding every module's export shape once and
making all its importers agree:

- \`module.exports = { a, b: c }\` whose values are top-level bindings never reassigned → \`export { a, c as b }\`;
  \`exports.a = …\` / \`module.exports.a = …\` at the top level → \`export const a = …\` (or \`export { a }\`). Importers get
  \`import { a } from './m.js'\` for \`const { a } = require('./m')\`, and \`import * as m\` when \`m\` is only read as
  \`m.a\`. When an importer calls, mutates or passes the object on, the module also gets \`export default { … }\` and that
  importer uses it.
- \`module.exports = X\` → \`export default X\` (\`module.exports.k = v\` after it → \`X.k = v\`); importers
  \`import x from './m.js'\`, destructuring from the default. A package entry (\`main\`) exporting a binding this way
  also gets \`export { X as 'module.exports' }\` so CommonJS users that \`require()\` it (Node 20.19+) still get X.
- CommonJS packages from node_modules: \`import pkg from 'pkg'\` (module.exports) and destructuring from it; named
  imports only for Node built-ins and ES-module packages. Dual packages (an \`import\` condition in \`exports\`) load a
  different file under ESM: the file is left alone (\`dual-package\`).
- Relative specifiers get the file Node ESM needs (\`./lib\` → \`./lib/index.js\`, \`./x\` → \`./x.js\`).
- \`__dirname\`/\`__filename\` → \`const __filename = fileURLToPath(import.meta.url)\` (+ \`dirname\`) at the top, which
  runs on every Node version that has ESM. JSON requires, \`require.resolve\`, and \`require\`s of packages inside
  functions, conditions or after other top-level code keep working unchanged through
  \`const require = createRequire(import.meta.url)\` (same cache, same order, same failure behaviour).
- \`"type": "module"\` is set in the nearest package.json; with \`--rename\` the converted files become \`.mjs\` instead
  and package.json is left alone.

Left alone, with the reason, and then nothing is changed (without \`--rename\` the package either converts entirely or
not at all, since files left CommonJS under \`"type": "module"\` would break; with \`--rename\` such files stay \`.js\`
CommonJS, and so does every module they require): \`require(variable)\` (\`dynamic-require\`), a converted module
required inside a function or condition (\`lazy-require-local\`) or after side-effecting top-level code
(\`evaluation-order\`: imports are hoisted), \`require.main\`/\`require.cache\`, \`module.*\` other than exports,
\`exports\`/\`module.exports\` used as an object or reassigned conditionally, top-level \`this\`/\`return\`/\`arguments\`,
sloppy-mode-only code in files without "use strict" (syntax invalid in strict mode, assignments to undeclared names,
\`this\` in plainly called functions), circular requires (\`circular-require\`), unresolvable packages, and CommonJS files
of the package that were not selected. "use strict" directives are kept (harmless in ESM).

Not side-effecting for \`evaluation-order\`: logger factories called with one non-empty string literal, either
\`require('debug')('ns')\` / \`require('depd')('ns')\` or \`f('ns')\` where \`f = require('debug' | 'depd')\` is never
reassigned (the Express-era \`var debug = require('debug')('app')\` before further requires). Once the later requires are
imports, these calls run after those modules load, and nothing either side sees changes: \`debug(ns)\` only builds a
logger (DEBUG is read when \`debug\` itself loads, and that import keeps its place; with debug 2.x a later module
calling \`debug.enable()\` or making loggers while it loads could change whether or in which colour this logger prints
diagnostics, nothing else); \`depd(ns)\` reads the call stack for the calling file (the same file at either moment) and
the process-wide deprecation switches (\`process.noDeprecation\`, NO_DEPRECATION, …), which libraries leave to the
application and do not set while they load. An empty namespace makes depd throw, hence the non-empty literal. Any
other call (another factory, a variable argument, \`require('debug').enable(…)\`) still makes later requires late.`,
  options: z.object({
    rename: z
      .boolean()
      .default(false)
      .describe('write converted modules as .mjs files (renamed) instead of setting "type": "module" in package.json'),
  }),
  prefilter: (source) => /\brequire\b|\bexports\b|__dirname|__filename/.test(source),
});

type Options = { rename: boolean };

const CJS_MARKERS = /(?<![.$\w])require\s*\(|\bmodule\.exports\b|\bexports\.[\w$]+\s*=|__dirname|__filename/;

interface Blocker {
  reason: string;
  message: string;
  at?: number;
}

type Target =
  | { type: 'builtin' }
  | { type: 'local'; file: string } // a candidate of this run (converted or left CommonJS)
  | { type: 'cjs'; file: string; spec: string } // CommonJS that stays CommonJS (package or local file)
  | { type: 'esm'; spec: string }
  | { type: 'json' }
  | { type: 'native' };

interface Site {
  stmt: Statement;
  /** `bare`: require('x');  `bind`: const x = require('x');  `destructure`: const { a } = require('x');
   *  `chain`: const x = require('x').a / require('x')(…) */
  kind: 'bare' | 'bind' | 'destructure' | 'chain';
  spec: string;
  quote: string;
  declKind: string;
  name?: Identifier;
  pattern?: Node;
  init?: Expression;
  call?: Node; // the require call inside init
  target?: Target;
  /** Set when the import would be hoisted over side-effecting code. */
  late: boolean;
}

interface Kept {
  call: Node;
  /** Already reported (or nothing to report: JSON and native addons). */
  quiet?: boolean;
  spec?: string;
  target?: Target;
}

type Shape =
  | { kind: 'none' }
  | { kind: 'default'; stmt: Statement; prefixEnd: number; expr: Expression; ident?: string; viaExports: boolean; declared?: { start: number; name: string } }
  | { kind: 'object'; stmt: Statement; prefixEnd: number; expr: Expression; names: Map<string, string> }
  | { kind: 'props'; assigns: Array<{ stmt: Statement; key: string; value: Expression; local?: string }>; names: Map<string, string> };

interface Info {
  sf: SourceFile;
  file: string;
  finalFile: string;
  strict: boolean;
  blockers: Blocker[];
  sites: Site[];
  kept: Kept[];
  needsRequire: boolean;
  dirnameUses: Node[];
  filenameUses: Node[];
  shape: Shape;
  /** Reads of `exports.k`/`module.exports.k` (props shape) or `module.exports` (default shape) to re-point. */
  exportReads: Array<{ node: Node; text: string }>;
  memberAssignPrefixes: Array<{ start: number; end: number }>;
  needsObject: boolean;
  needsInterop: boolean;
  /** Literal beginnings of `require(variable)` arguments ('' when there is none). */
  dynamicPrefixes: string[];
  convert: boolean;
  names: Set<string>;
}

export default async function cjsToEsm(ctx: ProjectTransformContext<Options>): Promise<void> {
  const rename = Boolean(ctx.options.rename);
  const infos = new Map<string, Info>();
  for (const sf of ctx.files) {
    const file = sf.getFilePath();
    if (!file.endsWith('.js') || file.includes('/node_modules/')) continue;
    if (isEsm(sf)) continue;
    infos.set(file, analyze(sf));
  }
  if (!infos.size) return;

  // Targets of every require.
  for (const info of infos.values()) {
    for (const site of info.sites) site.target = resolveTarget(info, site.spec, site.stmt);
    for (const k of info.kept) if (k.spec) k.target = resolveTarget(info, k.spec, k.call, true);
  }
  // Requires that stay requires must be able to: converted local modules are ES modules then.
  for (const info of infos.values()) {
    for (const site of info.sites) {
      const t = site.target;
      if (!t) continue; // unresolved: the file is blocked already
      if (site.late && t.type !== 'local' && t.type !== 'builtin') {
        ctx.report(info.sf, `require('${site.spec}') follows side-effecting code; kept as a require (createRequire) so it runs in place`, site.stmt, 'evaluation-order');
        info.kept.push({ call: site.call!, spec: site.spec, target: t, quiet: true });
        site.target = undefined;
      } else if (site.late && t.type !== 'builtin') {
        block(info, 'evaluation-order', `require('${site.spec}') follows side-effecting top-level code; an import would run before it`, site.stmt);
      } else if (t.type === 'json' || t.type === 'native') {
        info.kept.push({ call: site.call!, spec: site.spec, target: t, quiet: true });
        site.target = undefined;
      }
    }
    info.sites = info.sites.filter((s) => s.target);
    for (const k of info.kept) {
      if (!k.target) continue;
      info.needsRequire = true;
      if (!k.quiet && k.target.type !== 'json' && k.target.type !== 'native') {
        ctx.report(info.sf, `require('${k.spec}') inside a function, condition or expression stays a require (createRequire)`, k.call, 'lazy-require');
      }
    }
  }

  // Which files convert. Without --rename: all or nothing per run. With it: files left CommonJS keep what they require CommonJS.
  const entries = packageEntries(infos);
  const stays = new Set<string>();
  const notSelected = await cjsFilesNotSelected(ctx, infos);
  for (const info of infos.values()) if (info.blockers.length) stays.add(info.file);
  markCycles(infos, stays);
  if (rename) {
    for (const file of entries) {
      if (!infos.has(file)) continue;
      if (infos.get(file)!.shape.kind === 'none' && !hasCjsSyntax(infos.get(file)!)) continue;
      block(infos.get(file)!, 'package-entry', 'package.json names this file; with --rename it stays CommonJS', 0);
      stays.add(file);
    }
    // A file left CommonJS that requires by a computed name may reach any file under the name's literal beginning.
    for (const file of [...stays, ...notSelected.keys()]) {
      for (const prefix of infos.get(file)?.dynamicPrefixes ?? (notSelected.has(file) ? dynamicPrefixesOnDisk(file) : [])) {
        if (!prefix.startsWith('.')) {
          if (prefix === '') ctx.refuse(`${ctx.relative(file)} requires a module by a computed name and stays CommonJS; any file could be its target`);
          continue;
        }
        const dir = path.resolve(path.dirname(file), prefix);
        for (const other of infos.keys()) {
          if (other.startsWith(dir) && !stays.has(other)) {
            stays.add(other);
            block(infos.get(other)!, 'required-by-commonjs', `${ctx.relative(file)} stays CommonJS and may require it by a computed name`, 0);
          }
        }
      }
    }
    const queue = [...stays, ...notSelected.keys()];
    const seen = new Set<string>();
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const dep of localRequires(file, infos)) {
        if (!infos.has(dep) || stays.has(dep)) continue;
        stays.add(dep);
        block(infos.get(dep)!, 'required-by-commonjs', `${ctx.relative(file)} stays CommonJS and requires it`, 0);
        queue.push(dep);
      }
    }
  } else {
    const problems: string[] = [];
    for (const info of infos.values()) for (const b of info.blockers) problems.push(`${ctx.relative(info.file)}${lineOf(info.sf, b.at)}: ${b.message} [${b.reason}]`);
    for (const [file] of notSelected) problems.push(`${ctx.relative(file)}: CommonJS in the same package but not selected [not-selected]`);
    if (problems.length) {
      ctx.refuse(
        `cannot set "type": "module": ${problems.length} problem${problems.length === 1 ? '' : 's'} (use --rename to convert the rest to .mjs):\n  ${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? `\n  … ${problems.length - 20} more` : ''}`,
      );
    }
  }
  for (const info of infos.values()) {
    info.convert = !stays.has(info.file);
    if (!info.convert) {
      for (const b of info.blockers) ctx.report(info.sf, b.message, b.at, b.reason);
      continue;
    }
    if (rename && hasCjsSyntax(info)) info.finalFile = info.file.replace(/\.js$/, '.mjs');
  }
  // Targets that turned out to stay CommonJS are imported like packages.
  for (const info of infos.values()) {
    for (const site of info.sites) {
      const t = site.target!;
      if (t.type === 'local' && !infos.get(t.file)!.convert) site.target = { type: 'cjs', file: t.file, spec: site.spec };
    }
  }

  // Export shapes: which importers need the exports object, and which lazy requires need the interop export.
  for (const info of infos.values()) {
    if (!info.convert) continue;
    for (const site of info.sites) {
      const t = site.target!;
      if (t.type !== 'local') continue;
      const dep = infos.get(t.file)!;
      if (dep.shape.kind === 'object' || dep.shape.kind === 'props') {
        if (!importerFitsNames(info, site, dep.shape.names, exportsUsingThis(dep))) dep.needsObject = true;
      } else if (dep.shape.kind === 'none' && site.kind !== 'bare') {
        dep.needsObject = true;
      }
    }
    for (const k of info.kept) {
      if (k.target?.type !== 'local') continue;
      const dep = infos.get(k.target.file)!;
      if (!dep.convert) continue;
      if (dep.shape.kind === 'default' && dep.shape.ident) dep.needsInterop = true;
      else info.blockers.push({ reason: 'lazy-require-local', message: `require('${k.spec}') runs lazily and ${ctx.relative(dep.file)} becomes an ES module`, at: k.call.getStart() });
    }
  }
  for (const file of entries) {
    const info = infos.get(file);
    if (info?.convert && info.shape.kind === 'default') {
      if (info.shape.ident) info.needsInterop = true;
      else ctx.report(info.sf, 'package entry exports an expression: CommonJS users who require() it will get the module namespace', info.shape.stmt, 'entry-default-export');
    }
  }
  for (const info of infos.values()) {
    if (!info.convert || info.shape.kind !== 'props' || !info.needsObject || !info.exportReads.length) continue;
    info.blockers.push({ reason: 'exports-object', message: 'the exports object is used as an object by an importer and read inside the module', at: info.exportReads[0].node.getStart() });
  }
  const late = [...infos.values()].filter((i) => i.convert && i.blockers.length);
  if (late.length) {
    const problems = late.flatMap((i) => i.blockers.map((b) => `${ctx.relative(i.file)}${lineOf(i.sf, b.at)}: ${b.message} [${b.reason}]`));
    ctx.refuse(`cannot convert: ${problems.join('; ')}`);
  }

  // Edits.
  const texts = new Map<Info, string>();
  for (const info of infos.values()) {
    if (!info.convert) continue;
    const text = rewrite(info, infos);
    if (text !== info.sf.getFullText()) texts.set(info, text);
  }
  for (const [info, text] of texts) info.sf.replaceWithText(text);
  if (rename) {
    for (const info of infos.values()) if (info.convert && info.finalFile !== info.file) info.sf.move(info.finalFile);
  } else {
    const packages = new Set<string>();
    for (const info of infos.values()) if (info.convert) packages.add(nearestPackageJson(path.dirname(info.file)) ?? path.join(ctx.cwd, 'package.json'));
    for (const pkg of packages) {
      const before = fs.existsSync(pkg) ? fs.readFileSync(pkg, 'utf8') : undefined;
      const after = withTypeModule(before);
      if (after !== before) ctx.writeFile(pkg, after);
    }
  }

  function block(info: Info, reason: string, message: string, at?: number | Node): void {
    info.blockers.push({ reason, message, at: typeof at === 'number' ? at : at?.getStart() });
  }

  function resolveTarget(info: Info, spec: string, at: Node, lenient = false): Target | undefined {
    if (isBuiltin(spec)) return { type: 'builtin' };
    let resolved: string;
    try {
      resolved = createRequire(info.file).resolve(spec);
    } catch {
      // A require that stays a require may fail at run time exactly as before (optional dependencies).
      if (lenient) return { type: 'cjs', file: '', spec };
      block(info, 'unresolved-require', `cannot resolve '${spec}' (install dependencies first)`, at);
      return undefined;
    }
    if (resolved.endsWith('.json')) return { type: 'json' };
    if (resolved.endsWith('.node')) return { type: 'native' };
    if (infos.has(resolved)) return { type: 'local', file: resolved };
    const pkgRoot = packageRootOf(resolved);
    if (pkgRoot && !spec.startsWith('.') && !path.isAbsolute(spec)) {
      const pkg = readJson(path.join(pkgRoot, 'package.json'));
      const exportsField = JSON.stringify(pkg?.exports ?? null);
      if (!lenient && /"(import|module-sync)"/.test(exportsField)) {
        block(info, 'dual-package', `'${spec}' has an "import" export condition: ES modules load a different file`, at);
        return undefined;
      }
      if (pkg?.exports === undefined) {
        // Without an "exports" map ESM resolves subpaths exactly: name the file.
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (name !== spec) {
          const sub = toPosix(path.relative(pkgRoot, resolved));
          spec = `${name}/${sub}`;
        }
      }
    }
    if (formatOf(resolved) === 'esm') return { type: 'esm', spec };
    return { type: 'cjs', file: resolved, spec };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Analysis of one file

function analyze(sf: SourceFile): Info {
  const file = sf.getFilePath();
  const statements = sf.getStatements();
  const info: Info = {
    sf,
    file,
    finalFile: file,
    strict: hasUseStrict(sf),
    blockers: [],
    sites: [],
    kept: [],
    needsRequire: false,
    dirnameUses: [],
    filenameUses: [],
    shape: { kind: 'none' },
    exportReads: [],
    memberAssignPrefixes: [],
    needsObject: false,
    needsInterop: false,
    dynamicPrefixes: [],
    convert: false,
    names: new Set(sf.getDescendantsOfKind(SyntaxKind.Identifier).map((i) => i.getText())),
  };
  const block = (reason: string, message: string, at?: Node | number) =>
    info.blockers.push({ reason, message, at: typeof at === 'number' ? at : at?.getStart() });

  // Strict-mode and module-only syntax.
  try {
    babelParse(sf.getFullText(), { sourceType: 'module', plugins: ['jsx'], allowReturnOutsideFunction: false });
  } catch (err) {
    const e = err as { message: string; pos?: number; reasonCode?: string };
    const reason = /return/i.test(e.message) ? 'top-level-return' : info.strict ? 'module-syntax' : 'sloppy-syntax';
    block(reason, `not valid as an ES module: ${e.message}`, e.pos);
    return info;
  }

  // Top-level requires that can become imports, in order; side effects before a require make it late.
  // Calls of a few logging factories (`require('debug')('ns')`, `deprecate('ns')` with `deprecate = require('depd')`)
  // do not count: see HARMLESS_FACTORIES.
  let impure = false;
  const siteCalls = new Set<Node>();
  const factoryBindings: Identifier[] = [];
  for (const stmt of statements) {
    const sites = siteOf(stmt);
    if (sites) {
      for (const s of sites) {
        s.late = impure;
        info.sites.push(s);
        siteCalls.add(s.call!);
        if (s.kind === 'bind' && HARMLESS_FACTORIES.has(s.spec) && isConstantBinding(sf, s.name!)) factoryBindings.push(s.name!);
      }
      if (sites.some((s) => s.kind === 'chain' && s.init && !isPure(s.init, s.call) && !isHarmlessFactoryCall(s.init, s.spec, s.call))) impure = true;
      continue;
    }
    if (!isPureStatement(stmt) && !isFactoryDeclaration(stmt, factoryBindings)) impure = true;
  }

  // Every other use of the CommonJS globals.
  for (const id of sf.getDescendantsOfKind(SyntaxKind.Identifier)) {
    const name = id.getText();
    if (!['require', 'module', 'exports', '__dirname', '__filename', 'arguments'].includes(name)) continue;
    const parent = id.getParent();
    if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) continue;
    if ((Node.isPropertyAssignment(parent) || Node.isMethodDeclaration(parent) || Node.isPropertySignature(parent)) && parent.getNameNode() === id) continue;
    if (declaredInFile(id)) continue;
    if (name === 'arguments') {
      if (!enclosingFunction(id, false)) block('top-level-arguments', '`arguments` at the top level is the CommonJS wrapper\'s', id);
      continue;
    }
    if (name === '__dirname') {
      info.dirnameUses.push(id);
      continue;
    }
    if (name === '__filename') {
      info.filenameUses.push(id);
      continue;
    }
    if (name === 'require') {
      if (Node.isCallExpression(parent) && parent.getExpression() === id) {
        if (siteCalls.has(parent)) continue;
        const arg = parent.getArguments()[0];
        if (parent.getArguments().length !== 1 || !Node.isStringLiteral(arg) && !Node.isNoSubstitutionTemplateLiteral(arg)) {
          block('dynamic-require', `require(${arg?.getText() ?? ''}) loads a module chosen at run time`, parent);
          info.dynamicPrefixes.push(literalPrefix(arg));
          continue;
        }
        info.kept.push({ call: parent, spec: arg.getLiteralValue() });
        continue;
      }
      if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === id) {
        const prop = parent.getName();
        if (prop === 'resolve') {
          info.needsRequire = true;
          continue;
        }
        block(prop === 'main' ? 'require-main' : 'require-object', `require.${prop} has no ES module equivalent`, parent);
        continue;
      }
      block('require-object', '`require` is used as a value', id);
      continue;
    }
    // module / exports: handled by the export analysis below; anything else blocks.
  }

  analyzeExports(info, block);

  // `this` at the top level is module.exports in CommonJS, undefined in ESM.
  for (const t of sf.getDescendantsOfKind(SyntaxKind.ThisKeyword)) {
    if (!enclosingFunction(t, true)) block('top-level-this', 'top-level `this` is module.exports in CommonJS and undefined in ESM', t);
  }

  if (!info.strict) sloppyChecks(info, block);

  // Import bindings are constant and declared once.
  for (const s of info.sites) {
    const ids = s.kind === 'bind' || s.kind === 'chain' ? [s.name!] : s.kind === 'destructure' ? s.pattern!.getDescendantsOfKind(SyntaxKind.Identifier).filter((i) => isBindingName(i)) : [];
    for (const id of ids) {
      const sym = id.getSymbol();
      if (!sym) continue;
      if (sym.getDeclarations().length > 1) block('redeclared', `"${id.getText()}" is declared more than once`, id);
      else if (referencesOf(sf, id).some((r) => isWriteTarget(r))) {
        if (s.kind !== 'chain') block('reassigned-require', `"${id.getText()}" is reassigned; an import binding cannot be`, id);
      }
    }
  }
  return info;
}

function analyzeExports(info: Info, block: (reason: string, message: string, at?: Node | number) => void): void {
  const sf = info.sf;
  const statements = new Set(sf.getStatements());
  const moduleExports: Node[] = []; // `module.exports` expressions
  const exportsIds: Identifier[] = []; // bare `exports` identifiers
  for (const id of sf.getDescendantsOfKind(SyntaxKind.Identifier)) {
    const name = id.getText();
    if (name !== 'module' && name !== 'exports') continue;
    const parent = id.getParent();
    if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) {
      continue;
    }
    if ((Node.isPropertyAssignment(parent) || Node.isMethodDeclaration(parent)) && parent.getNameNode() === id) continue;
    if (Node.isShorthandPropertyAssignment(parent) && declaredInFile(id)) continue;
    if (declaredInFile(id)) continue;
    if (name === 'module') {
      if (Node.isPropertyAccessExpression(parent) && parent.getName() === 'exports') moduleExports.push(parent);
      else block('module-object', `\`${parent.getText().slice(0, 40)}\` uses the CommonJS module object`, id);
    } else {
      exportsIds.push(id);
    }
  }
  const isTopStatement = (n: Node) => {
    const p = n.getParent();
    return Node.isExpressionStatement(p) && statements.has(p as Statement);
  };
  // `module.exports = X`, `exports = module.exports = X`, `module.exports = exports = X`
  const reassigns = moduleExports.filter((m) => {
    const p = m.getParent();
    return Node.isBinaryExpression(p) && p.getLeft() === m && p.getOperatorToken().getKind() === SyntaxKind.EqualsToken;
  });
  const exportsAssigned = exportsIds.filter((e) => {
    const p = e.getParent();
    return Node.isBinaryExpression(p) && p.getLeft() === e && p.getOperatorToken().getKind() === SyntaxKind.EqualsToken;
  });
  // `var X = module.exports = …` as a top-level statement of its own runs unconditionally too.
  const isTopDeclaration = (n: Node) => {
    const decl = n.getParent();
    const st = decl?.getParent()?.getParent();
    return Node.isVariableDeclaration(decl) && decl.getInitializer() === n && Node.isVariableStatement(st) && statements.has(st as Statement);
  };
  const nested = reassigns.find((m) => !isTopStatement(m.getParent()!) && !isTopStatement(m.getParent()!.getParent()!) && !isTopDeclaration(m.getParent()!));
  if (nested) {
    block('conditional-exports', 'module.exports is assigned inside a function, condition or expression', nested);
    return;
  }
  if (reassigns.length > 1) {
    block('reassigned-exports', 'module.exports is assigned more than once', reassigns[1]);
    return;
  }
  if (reassigns.length === 1) {
    const assign = reassigns[0].getParent() as import('ts-morph').BinaryExpression;
    // the statement, possibly through `exports = module.exports = X`
    let outer: Node = assign;
    let viaExports = false;
    const up = assign.getParent();
    if (Node.isBinaryExpression(up) && up.getRight() === assign && exportsAssigned.includes(up.getLeft() as Identifier)) {
      outer = up;
      viaExports = true;
    }
    let expr = assign.getRight();
    if (Node.isBinaryExpression(expr) && exportsAssigned.includes(expr.getLeft() as Identifier) && expr.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
      viaExports = true;
      expr = expr.getRight();
    }
    // `var Cookie = module.exports = function Cookie () {}` at the top level runs unconditionally, once:
    // `var Cookie = function Cookie () {}` then `export default Cookie` right after it.
    const decl = outer.getParent();
    const varStmt = decl?.getParent()?.getParent();
    if (
      Node.isVariableDeclaration(decl) && decl.getInitializer() === outer && Node.isIdentifier(decl.getNameNode()) &&
      Node.isVariableStatement(varStmt) && statements.has(varStmt) && varStmt.getDeclarations().length === 1 && !viaExports
    ) {
      const others = moduleExports.filter((m) => m !== reassigns[0]);
      if (others.length || exportsIds.length) {
        block('mixed-exports', '`var X = module.exports = …` and other uses of the exports object', (others[0] ?? exportsIds[0])!);
        return;
      }
      const name = decl.getName();
      const nameNode = decl.getNameNode() as Identifier;
      const stable = !referencesOf(info.sf, nameNode).some((r) => isWriteTarget(r) && r !== nameNode);
      if (!stable) {
        block('conditional-exports', `\`${name}\` is reassigned later, while module.exports kept its first value`, decl);
        return;
      }
      info.shape = { kind: 'default', stmt: varStmt, prefixEnd: expr.getStart(), expr, ident: name, viaExports: false, declared: { start: assign.getStart(), name } };
      return;
    }
    if (!isTopStatement(outer)) {
      block('conditional-exports', 'module.exports is assigned inside a function, condition or expression', assign);
      return;
    }
    if (exportsAssigned.length > (viaExports ? 1 : 0)) {
      block('exports-object', '`exports` is reassigned', exportsAssigned[0]);
      return;
    }
    const stmt = outer.getParent() as Statement;
    const prefixEnd = expr.getStart();
    // Object literal of stable top-level bindings → named exports.
    const names = Node.isObjectLiteralExpression(expr) ? objectNames(info, expr, stmt) : undefined;
    const others = moduleExports.filter((m) => m !== reassigns[0]);
    const otherExports = exportsIds.filter((e) => !exportsAssigned.includes(e));
    if (names && !viaExports) {
      if (others.length || otherExports.length) {
        block('mixed-exports', 'module.exports is an object literal and also used elsewhere', (others[0] ?? otherExports[0])!);
        return;
      }
      info.shape = { kind: 'object', stmt, prefixEnd, expr, names };
      return;
    }
    const ident = Node.isIdentifier(expr) && stableBinding(info, expr, stmt) ? expr.getText() : undefined;
    info.shape = { kind: 'default', stmt, prefixEnd, expr, ident, viaExports };
    // Later `module.exports.k` (and `exports.k` when exports was re-pointed) → X.k
    const uses = [...others.map((m) => ({ node: m, len: m.getText() })), ...(viaExports ? otherExports : []).map((e) => ({ node: e as Node, len: 'exports' }))];
    for (const use of uses) {
      const n = use.node;
      const p = n.getParent();
      const isMember = Node.isPropertyAccessExpression(p) && p.getExpression() === n;
      if (!ident || !isMember || (n.getStart() < stmt.getEnd() && !enclosingFunction(n, false))) {
        block('exports-object', `\`${(isMember ? p : n).getText().slice(0, 40)}\` uses the exports object${ident ? '' : ' of an expression default export'}`, n);
        return;
      }
      info.exportReads.push({ node: n, text: ident });
    }
    if (!viaExports && otherExports.length) {
      block('mixed-exports', '`exports.x` after `module.exports =` writes to the old exports object', otherExports[0]);
    }
    return;
  }
  if (exportsAssigned.length) {
    block('exports-object', '`exports` is reassigned without module.exports', exportsAssigned[0]);
    return;
  }
  // exports.k = v / module.exports.k = v
  const members = [...moduleExports, ...exportsIds];
  if (!members.length) return;
  const assigns: Array<{ stmt: Statement; key: string; value: Expression; local?: string }> = [];
  const reads: Array<{ node: Node; key: string }> = [];
  for (const m of members) {
    const p = m.getParent();
    if (!Node.isPropertyAccessExpression(p) || p.getExpression() !== m) {
      block('exports-object', `\`${p?.getText().slice(0, 40)}\` uses the exports object as a value`, m);
      return;
    }
    const key = p.getName();
    const assign = p.getParent();
    if (Node.isBinaryExpression(assign) && assign.getLeft() === p && assign.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
      if (!isTopStatement(assign)) {
        block('conditional-exports', `exports.${key} is assigned inside a function, condition or expression`, p);
        return;
      }
      if (key === 'default' || key === '__esModule' || assigns.some((a) => a.key === key)) {
        block('exports-object', `exports.${key} is assigned twice or has a special name`, p);
        return;
      }
      assigns.push({ stmt: assign.getParent() as Statement, key, value: assign.getRight() });
      continue;
    }
    if (isWriteTarget(p)) {
      block('exports-object', `exports.${key} is modified in place`, p);
      return;
    }
    reads.push({ node: p, key });
  }
  const names = new Map<string, string>();
  for (const a of assigns) {
    const v = a.value;
    if (Node.isIdentifier(v) && stableBinding(info, v, a.stmt)) {
      a.local = v.getText();
    } else if (!nameIsFree(info.sf, a.key)) {
      block('export-name-taken', `exports.${a.key} cannot become \`export const ${a.key}\`: the name is used in the file`, a.stmt);
      return;
    }
    names.set(a.key, a.local ?? a.key);
  }
  for (const r of reads) {
    const a = assigns.find((x) => x.key === r.key);
    if (!a || (r.node.getStart() < a.stmt.getEnd() && !enclosingFunction(r.node, false))) {
      block('exports-object', `exports.${r.key} is read before it is assigned`, r.node);
      return;
    }
    info.exportReads.push({ node: r.node, text: names.get(r.key)! });
  }
  info.shape = { kind: 'props', assigns, names };
}

/** `{ a, b: c }` whose values are top-level bindings that never change → export name → local name. */
function objectNames(info: Info, obj: import('ts-morph').ObjectLiteralExpression, stmt: Statement): Map<string, string> | undefined {
  const names = new Map<string, string>();
  for (const prop of obj.getProperties()) {
    let key: string;
    let value: Node;
    if (Node.isShorthandPropertyAssignment(prop)) {
      key = prop.getName();
      value = prop.getNameNode();
    } else if (Node.isPropertyAssignment(prop)) {
      const nameNode = prop.getNameNode();
      if (Node.isIdentifier(nameNode)) key = nameNode.getText();
      else if (Node.isStringLiteral(nameNode) && /^[A-Za-z_$][\w$]*$/.test(nameNode.getLiteralValue())) key = nameNode.getLiteralValue();
      else return undefined;
      value = prop.getInitializerOrThrow();
    } else {
      return undefined;
    }
    if (key === 'default' || names.has(key) || !Node.isIdentifier(value)) return undefined;
    if (!stableBinding(info, value as Identifier, stmt)) return undefined;
    names.set(key, value.getText());
  }
  return names;
}

/** A top-level binding declared before `stmt` (or a hoisted function) and never assigned again. `id` is read in module scope. */
function stableBinding(info: Info, id: Identifier, stmt: Statement): boolean {
  const name = id.getText();
  const found: Node[] = [];
  for (const s of info.sf.getStatements()) {
    if ((Node.isFunctionDeclaration(s) || Node.isClassDeclaration(s)) && s.getName() === name) found.push(s);
    if (Node.isVariableStatement(s)) for (const d of s.getDeclarations()) if (d.getName() === name) found.push(d);
  }
  if (found.length !== 1) return false;
  const decl = found[0];
  if (Node.isClassDeclaration(decl) && decl.getStart() > stmt.getStart()) return false;
  if (Node.isVariableDeclaration(decl)) {
    if (!Node.isIdentifier(decl.getNameNode()) || decl.getStart() > stmt.getStart()) return false;
  }
  const nameNode = (decl as import('ts-morph').FunctionDeclaration | import('ts-morph').VariableDeclaration).getNameNode();
  if (!nameNode || !Node.isIdentifier(nameNode)) return false;
  return !referencesOf(info.sf, nameNode).some((r) => isWriteTarget(r) && r !== nameNode);
}

function sloppyChecks(info: Info, block: (reason: string, message: string, at?: Node | number) => void): void {
  const sf = info.sf;
  for (const id of sf.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (!isWriteTarget(id) || isBindingName(id)) continue;
    const parent = id.getParent();
    if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) continue;
    const decls = id.getSymbol()?.getDeclarations() ?? [];
    if (!decls.some((d) => d.getSourceFile() === sf)) {
      block('implicit-global', `assigning the undeclared "${id.getText()}" creates a global in sloppy mode and throws in ESM`, id);
    }
  }
  for (const fn of sf.getDescendantsOfKind(SyntaxKind.FunctionDeclaration)) {
    const name = fn.getNameNode();
    if (!name) continue;
    const usesThis = fn.getDescendantsOfKind(SyntaxKind.ThisKeyword).some((t) => enclosingFunction(t, true) === fn);
    if (!usesThis) continue;
    const called = referencesOf(sf, name).some((r) => {
      const p = r.getParent();
      return Node.isCallExpression(p) && p.getExpression() === r;
    });
    if (called) block('sloppy-this', `${name.getText()}() uses \`this\` and is called plainly: globalThis in sloppy mode, undefined in ESM`, fn);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Requires

function siteOf(stmt: Statement): Site[] | undefined {
  if (Node.isExpressionStatement(stmt)) {
    const e = stmt.getExpression();
    const spec = requireSpec(e);
    if (spec === undefined) return undefined;
    return [{ stmt, kind: 'bare', spec, quote: quoteOf(e), declKind: '', call: e, late: false }];
  }
  if (!Node.isVariableStatement(stmt)) return undefined;
  const out: Site[] = [];
  const declKind = stmt.getDeclarationKind();
  for (const d of stmt.getDeclarations()) {
    const init = d.getInitializer();
    if (!init) return undefined;
    const call = innermostRequire(init);
    if (!call) return undefined;
    const spec = requireSpec(call)!;
    const nameNode = d.getNameNode();
    const base = { stmt, spec, quote: quoteOf(call), declKind, call, late: false };
    if (call === init) {
      if (Node.isIdentifier(nameNode)) out.push({ ...base, kind: 'bind', name: nameNode });
      else if (Node.isObjectBindingPattern(nameNode)) out.push({ ...base, kind: 'destructure', pattern: nameNode });
      else return undefined;
    } else {
      if (!Node.isIdentifier(nameNode)) return undefined;
      out.push({ ...base, kind: 'chain', name: nameNode, init });
    }
  }
  return out;
}

/** `require('x')`, or the require at the head of `require('x').a.b` / `require('x')(…)`. */
function innermostRequire(e: Node): Node | undefined {
  let cur: Node = e;
  for (;;) {
    if (requireSpec(cur) !== undefined) return cur;
    if (Node.isPropertyAccessExpression(cur)) cur = cur.getExpression();
    else if (Node.isCallExpression(cur)) cur = cur.getExpression();
    else return undefined;
  }
}

function requireSpec(e: Node): string | undefined {
  if (!Node.isCallExpression(e)) return undefined;
  const callee = e.getExpression();
  if (!Node.isIdentifier(callee) || callee.getText() !== 'require' || declaredInFile(callee)) return undefined;
  const args = e.getArguments();
  if (args.length !== 1) return undefined;
  const a = args[0];
  if (Node.isStringLiteral(a) || Node.isNoSubstitutionTemplateLiteral(a)) return a.getLiteralValue();
  return undefined;
}

function quoteOf(call: Node): string {
  const arg = (call as import('ts-morph').CallExpression).getArguments()[0];
  const q = arg.getText()[0];
  return q === '"' ? '"' : "'";
}

function localRequires(file: string, infos: Map<string, Info>): string[] {
  const info = infos.get(file);
  if (!info) return requiresOnDisk(file, infos);
  const out: string[] = [];
  for (const s of info.sites) if (s.target?.type === 'local') out.push(s.target.file);
  for (const k of info.kept) if (k.target?.type === 'local') out.push(k.target.file);
  return out;
}

/** Local candidates a file outside the run requires (by a textual scan; such files are CommonJS). */
function requiresOnDisk(file: string, infos: Map<string, Info>): string[] {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![.$\w])require\s*\(\s*(['"])(\.[^'"]*)\1\s*\)/g)) {
    try {
      const resolved = createRequire(file).resolve(m[2]);
      if (infos.has(resolved)) out.push(resolved);
    } catch {
      // unresolvable: not ours
    }
  }
  return out;
}

/**
 * `;` when most of the file's top-level statements that can end in one do, else '' (semicolon-free style such as
 * standard: new imports and exports follow the file).
 */
function semicolonStyle(sf: SourceFile, text: string): string {
  let withSemi = 0;
  let without = 0;
  for (const st of sf.getStatements()) {
    if (!Node.isExpressionStatement(st) && !Node.isVariableStatement(st) && !Node.isImportDeclaration(st) && !Node.isExportAssignment(st)) continue;
    if (st.getText().endsWith(';')) withSemi++;
    else without++;
  }
  if (!withSemi && !without) return /;[ \t]*\r?$/m.test(text) || !/\S/.test(text) ? ';' : '';
  return withSemi >= without ? ';' : '';
}

function literalPrefix(arg: Node | undefined): string {
  let cur = arg;
  while (cur && Node.isBinaryExpression(cur)) cur = cur.getLeft();
  if (cur && (Node.isStringLiteral(cur) || Node.isNoSubstitutionTemplateLiteral(cur))) return cur.getLiteralValue();
  if (cur && Node.isTemplateExpression(cur)) return cur.getHead().getLiteralText();
  return '';
}

function dynamicPrefixesOnDisk(file: string): string[] {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![.$\w])require\s*\(\s*(?!(['"`])[^'"`]*\1\s*\))(?:(['"`])([^'"`$]*))?/g)) out.push(m[3] ?? '');
  return out;
}

function markCycles(infos: Map<string, Info>, stays: Set<string>): void {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of localRequires(v, infos)) {
      if (!infos.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      for (let w = stack.pop()!; ; w = stack.pop()!) {
        onStack.delete(w);
        scc.push(w);
        if (w === v) break;
      }
      const selfLoop = localRequires(v, infos).includes(v);
      if (scc.length > 1 || selfLoop) {
        for (const f of scc) {
          const info = infos.get(f)!;
          info.blockers.push({ reason: 'circular-require', message: `part of a require cycle (${scc.map((s) => path.basename(s)).join(' → ')}); ES modules would see different partial exports`, at: 0 });
          stays.add(f);
        }
      }
    }
  };
  for (const v of infos.keys()) if (!index.has(v)) visit(v);
}

// ---------------------------------------------------------------------------------------------------------------
// Importers and export shapes

/** Whether an importer can use named or namespace imports of a module exporting `names`. */
function importerFitsNames(info: Info, site: Site, names: Map<string, string>, thisUsers: Set<string>): boolean {
  if (site.kind === 'bare') return true;
  if (site.kind === 'destructure') return simpleDestructure(site.pattern!, names) !== undefined;
  if (site.kind === 'chain') {
    const init = site.init!;
    return Node.isPropertyAccessExpression(init) && init.getExpression() === site.call && names.has(init.getName());
  }
  // bind: only `x.name` reads of exported names
  const refs = referencesOf(info.sf, site.name!).filter((r) => r !== site.name);
  return refs.every((r) => {
    const p = r.getParent();
    if (!Node.isPropertyAccessExpression(p) || p.getExpression() !== r || !names.has(p.getName())) return false;
    if (isWriteTarget(p)) return false;
    const pp = p.getParent();
    if (Node.isDeleteExpression(pp)) return false;
    if (Node.isCallExpression(pp) && pp.getExpression() === p && thisUsers.has(p.getName())) return false;
    return true;
  });
}

/** `{ a, b: c }` → import specifiers, or undefined when the pattern needs the object (defaults, nesting, rest). */
function simpleDestructure(pattern: Node, names?: Map<string, string>): string[] | undefined {
  const out: string[] = [];
  for (const el of (pattern as import('ts-morph').ObjectBindingPattern).getElements()) {
    if (el.getDotDotDotToken() || el.getInitializer()) return undefined;
    const nameNode = el.getNameNode();
    if (!Node.isIdentifier(nameNode)) return undefined;
    const prop = el.getPropertyNameNode();
    let key = nameNode.getText();
    if (prop) {
      if (!Node.isIdentifier(prop)) return undefined;
      key = prop.getText();
    }
    if (names && !names.has(key)) return undefined;
    out.push(key === nameNode.getText() ? key : `${key} as ${nameNode.getText()}`);
  }
  return out;
}

/** Exported names whose function uses `this`: called as `ns.name()`, `this` would be the namespace, not the exports object. */
function exportsUsingThis(info: Info): Set<string> {
  const out = new Set<string>();
  const shape = info.shape;
  if (shape.kind !== 'object' && shape.kind !== 'props') return out;
  const usesThis = (fn: Node) => fn.getDescendantsOfKind(SyntaxKind.ThisKeyword).some((t) => enclosingFunction(t, true) === fn);
  for (const [key, local] of shape.names) {
    const fn = info.sf.getStatements().find((s) => Node.isFunctionDeclaration(s) && s.getName() === local);
    if (fn && usesThis(fn)) out.add(key);
  }
  if (shape.kind === 'props') for (const a of shape.assigns) if (!a.local && Node.isFunctionExpression(a.value) && usesThis(a.value)) out.add(a.key);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Rewriting

interface Edit {
  start: number;
  end: number;
  text: string;
}

function rewrite(info: Info, infos: Map<string, Info>): string {
  const sf = info.sf;
  const text = sf.getFullText();
  const edits: Edit[] = [];
  const taken = new Set(info.names);
  const fresh = (base: string, factory = false) => {
    let name = base.replace(/[^\w$]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')).replace(/^[^A-Za-z_$]+/, '') || 'module';
    if (RESERVED.has(name)) name = `${name}Module`;
    // `var debug = require('debug')('app')` → `import createDebug from 'debug'`, not `debug2`.
    if (taken.has(name)) {
      const alt = factory ? `create${name[0].toUpperCase()}${name.slice(1)}` : `${name}Module`;
      if (!taken.has(alt)) name = alt;
    }
    let candidate = name;
    for (let i = 2; taken.has(candidate); i++) candidate = `${name}${i}`;
    taken.add(candidate);
    return candidate;
  };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const semi = semicolonStyle(sf, text);

  // Imports in place of the requires.
  const objectImports = new Map<string, string>();
  for (const site of info.sites) {
    // Bindings of the whole module are reused by destructuring requires of the same module.
    if (site.kind !== 'bind') continue;
    const t = site.target!;
    const dep = t.type === 'local' ? infos.get(t.file)! : undefined;
    const named = dep && (dep.shape.kind === 'object' || dep.shape.kind === 'props');
    const nsLike = t.type === 'esm' || (named && !dep!.needsObject);
    const key = `${nsLike ? '*' : 'default'}\0${specifierFor(info, site, infos)}`;
    if (!objectImports.has(key)) objectImports.set(key, site.name!.getText());
  }
  const requireStatements: Array<{ stmt: Statement; indent: string; lines: string[]; rest: string[] }> = [];
  for (const stmtSites of groupByStatement(info.sites)) {
    const stmt = stmtSites[0].stmt;
    const indent = indentOf(text, stmt.getStart());
    const lines: string[] = [];
    const rest: string[] = [];
    for (const site of stmtSites) {
      const t = site.target!;
      const spec = specifierFor(info, site, infos);
      const from = `${site.quote}${spec}${site.quote}`;
      const dep = t.type === 'local' ? infos.get(t.file)! : undefined;
      const named = dep && (dep.shape.kind === 'object' || dep.shape.kind === 'props') ? dep.shape.names : undefined;
      const nsLike = t.type === 'esm' || (named && !dep!.needsObject); // import * gives what require gave
      // One default (or namespace) import per module and file, reused by every require of it.
      const defaultName = (base: string, factory = false) => {
        const key = `${nsLike ? '*' : 'default'}\0${spec}`;
        const known = objectImports.get(key);
        if (known) return { name: known, line: false };
        const name = fresh(base, factory);
        objectImports.set(key, name);
        return { name, line: true };
      };
      if (site.kind === 'bare') {
        lines.push(`import ${from}${semi}`);
      } else if (site.kind === 'bind') {
        const name = site.name!.getText();
        if (nsLike) lines.push(`import * as ${name} from ${from}${semi}`);
        else lines.push(`import ${name} from ${from}${semi}`);
        if (!objectImports.has(`${nsLike ? '*' : 'default'}\0${spec}`)) objectImports.set(`${nsLike ? '*' : 'default'}\0${spec}`, name);
      } else if (site.kind === 'destructure') {
        const specifiers =
          t.type === 'builtin' || t.type === 'esm' ? simpleDestructure(site.pattern!) : named ? simpleDestructure(site.pattern!, named) : undefined;
        if (specifiers) {
          lines.push(`import { ${specifiers.join(', ')} } from ${from}${semi}`);
        } else {
          const { name: obj, line } = defaultName(baseName(site.spec));
          if (line) lines.push(nsLike ? `import * as ${obj} from ${from}${semi}` : `import ${obj} from ${from}${semi}`);
          rest.push(`${site.declKind} ${site.pattern!.getText()} = ${obj}${semi}`);
        }
      } else {
        const init = site.init!;
        const name = site.name!.getText();
        const member = Node.isPropertyAccessExpression(init) && init.getExpression() === site.call ? init.getName() : undefined;
        const namedOk = member !== undefined && (t.type === 'builtin' || t.type === 'esm' || (named?.has(member) && !dep!.needsObject));
        if (namedOk && member !== 'default') {
          lines.push(`import { ${member === name ? name : `${member} as ${name}`} } from ${from}${semi}`);
        } else if (namedOk && t.type === 'esm') {
          lines.push(`import ${name} from ${from}${semi}`);
        } else {
          const { name: obj, line } = defaultName(baseName(site.spec), Node.isCallExpression(init) && init.getExpression() === site.call);
          if (line) lines.push(nsLike ? `import * as ${obj} from ${from}${semi}` : `import ${obj} from ${from}${semi}`);
          const initText = text.slice(init.getStart(), site.call!.getStart()) + obj + text.slice(site.call!.getEnd(), init.getEnd());
          rest.push(`${site.declKind} ${name} = ${initText}${semi}`);
        }
      }
    }
    requireStatements.push({ stmt, indent, lines, rest });
  }
  // Within a run of consecutive require statements (only whitespace between them), every import comes first and the
  // statements left over (`var debug = createDebug('app')`) follow the last import, in their order: imports are
  // hoisted anyway, and no other statement sits between, so nothing runs in a different order.
  const topIndex = new Map(info.sf.getStatements().map((st, i) => [st as Node, i]));
  for (let i = 0; i < requireStatements.length; ) {
    let j = i;
    const next = (k: number) => requireStatements[k + 1];
    while (
      next(j) &&
      topIndex.has(requireStatements[j].stmt) &&
      topIndex.get(next(j).stmt) === topIndex.get(requireStatements[j].stmt)! + 1 &&
      !/\S/.test(text.slice(requireStatements[j].stmt.getEnd(), next(j).stmt.getStart())) &&
      next(j).indent === requireStatements[i].indent
    ) j++;
    const run = requireStatements.slice(i, j + 1);
    const moved = run.slice(0, -1).flatMap((g) => g.rest);
    run.forEach((g, k) => {
      const last = k === run.length - 1;
      const parts = last ? [...g.lines, ...moved, ...g.rest] : g.lines;
      if (!parts.length) {
        // Nothing left of this statement: remove it with the line break before it.
        edits.push({ start: run[k - 1]?.stmt.getEnd() ?? g.stmt.getStart(), end: g.stmt.getEnd(), text: '' });
      } else {
        edits.push({ start: g.stmt.getStart(), end: g.stmt.getEnd(), text: parts.join(eol + g.indent) });
      }
    });
    i = j + 1;
  }

  // Exports.
  const shape = info.shape;
  if (shape.kind === 'default' && shape.declared) {
    edits.push({ start: shape.declared.start, end: shape.prefixEnd, text: '' });
    let out = `${eol}export default ${shape.declared.name}${semi}`;
    if (info.needsInterop) out += `${eol}export { ${shape.declared.name} as 'module.exports' }${semi}`;
    edits.push({ start: shape.stmt.getEnd(), end: shape.stmt.getEnd(), text: out });
  } else if (shape.kind === 'default') {
    let expr = text.slice(shape.expr.getStart(), shape.stmt.getEnd());
    if ((Node.isFunctionExpression(shape.expr) || Node.isClassExpression(shape.expr)) && shape.expr.getName()) {
      const exprText = shape.expr.getText();
      expr = `(${exprText})${text.slice(shape.expr.getEnd(), shape.stmt.getEnd())}`;
    }
    let out = `export default ${expr}`;
    if (info.needsInterop && shape.ident) out += `${eol}export { ${shape.ident} as 'module.exports' }${semi}`;
    edits.push({ start: shape.stmt.getStart(), end: shape.stmt.getEnd(), text: out });
  } else if (shape.kind === 'object') {
    const list = [...shape.names].map(([k, v]) => (k === v ? k : `${v} as ${k}`)).join(', ');
    if (info.needsObject) {
      edits.push({ start: shape.stmt.getStart(), end: shape.prefixEnd, text: 'export default ' });
      edits.push({ start: shape.stmt.getEnd(), end: shape.stmt.getEnd(), text: `${eol}export { ${list} }${semi}` });
    } else {
      edits.push({ start: shape.stmt.getStart(), end: shape.stmt.getEnd(), text: `export { ${list} }${semi}` });
    }
  } else if (shape.kind === 'props') {
    for (const a of shape.assigns) {
      const end = a.stmt.getEnd();
      const hasSemi = a.stmt.getText().endsWith(';');
      if (a.local) {
        edits.push({ start: a.stmt.getStart(), end, text: `export { ${a.local === a.key ? a.key : `${a.local} as ${a.key}`} }${hasSemi ? ';' : semi}` });
      } else {
        edits.push({ start: a.stmt.getStart(), end: a.value.getStart(), text: `export const ${a.key} = ` });
      }
    }
    if (info.needsObject) {
      const list = [...shape.names].map(([k, v]) => (k === v ? k : `${k}: ${v}`)).join(', ');
      edits.push({ start: text.length, end: text.length, text: `${text.endsWith('\n') ? '' : eol}${eol}export default { ${list} }${semi}${eol}` });
    }
  }
  for (const r of info.exportReads) {
    const n = r.node;
    edits.push({ start: n.getStart(), end: n.getEnd(), text: r.text });
  }

  // The CommonJS globals that stay: one block after the leading imports.
  const imports: string[] = [];
  const consts: string[] = [];
  const importName = (name: string) => (taken.has(name) ? fresh(name) : (taken.add(name), name));
  const spec = (name: string, local: string) => (name === local ? name : `${name} as ${local}`);
  if (info.dirnameUses.length || info.filenameUses.length) {
    const fu = importName('fileURLToPath');
    imports.push(`import { ${spec('fileURLToPath', fu)} } from 'node:url'${semi}`);
    if (info.dirnameUses.length) {
      const dn = importName('dirname');
      imports.push(`import { ${spec('dirname', dn)} } from 'node:path'${semi}`);
      if (info.filenameUses.length) consts.push(`const __filename = ${fu}(import.meta.url)${semi}`, `const __dirname = ${dn}(__filename)${semi}`);
      else consts.push(`const __dirname = ${dn}(${fu}(import.meta.url))${semi}`);
    } else {
      consts.push(`const __filename = ${fu}(import.meta.url)${semi}`);
    }
  }
  if (info.needsRequire) {
    const cr = importName('createRequire');
    imports.push(`import { ${spec('createRequire', cr)} } from 'node:module'${semi}`);
    consts.push(`const require = ${cr}(import.meta.url)${semi}`);
  }
  const header = [...imports, ...consts];
  if (header.length) {
    const statements = sf.getStatements();
    const siteStmts = new Set(info.sites.map((s) => s.stmt));
    let i = 0;
    while (i < statements.length && (isDirective(statements[i]) || siteStmts.has(statements[i]))) i++;
    const lastLeading = i > 0 && siteStmts.has(statements[i - 1]) ? statements[i - 1] : undefined;
    if (lastLeading) {
      edits.push({ start: lastLeading.getEnd(), end: lastLeading.getEnd(), text: eol + header.join(eol) });
    } else if (i < statements.length) {
      const at = statements[i].getStart();
      edits.push({ start: at, end: at, text: header.join(eol) + eol + eol });
    } else {
      edits.push({ start: text.length, end: text.length, text: (text.endsWith('\n') || !text ? '' : eol) + header.join(eol) + eol });
    }
  }

  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function groupByStatement(sites: Site[]): Site[][] {
  const groups = new Map<Statement, Site[]>();
  for (const s of sites) groups.set(s.stmt, [...(groups.get(s.stmt) ?? []), s]);
  return [...groups.values()];
}

function specifierFor(info: Info, site: Site, infos: Map<string, Info>): string {
  const t = site.target!;
  if (t.type === 'builtin') return site.spec;
  if (t.type === 'esm') return t.spec;
  let file: string | undefined;
  if (t.type === 'local') file = infos.get(t.file)!.finalFile;
  else if (t.type === 'cjs') {
    if (!site.spec.startsWith('.') && !path.isAbsolute(site.spec)) return t.spec;
    file = infos.get(t.file)?.finalFile ?? t.file;
  }
  if (!file) return site.spec;
  let rel = toPosix(path.relative(path.dirname(info.finalFile), file));
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

function baseName(spec: string): string {
  const parts = spec.replace(/^node:/, '').split('/').filter((p) => p && p !== '.' && p !== '..');
  let last = parts.at(-1) ?? 'module';
  if (last === 'index' && parts.length > 1) last = parts.at(-2)!;
  return last.replace(/\.[cm]?js$/, '');
}

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval'.split(
    ' ',
  ),
);

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function isEsm(sf: SourceFile): boolean {
  // Syntax only: the compiler also calls declarations named in `module.exports = { … }` exported.
  return sf.getStatements().some(
    (s) => Node.isImportDeclaration(s) || Node.isExportDeclaration(s) || Node.isExportAssignment(s) || (Node.isModifierable(s) && s.hasModifier(SyntaxKind.ExportKeyword)),
  );
}

function hasCjsSyntax(info: Info): boolean {
  return CJS_MARKERS.test(info.sf.getFullText());
}

function hasUseStrict(sf: SourceFile): boolean {
  for (const s of sf.getStatements()) {
    if (!isDirective(s)) return false;
    if (/^['"]use strict['"]/.test(s.getText())) return true;
  }
  return false;
}

function isDirective(s: Statement): boolean {
  return Node.isExpressionStatement(s) && Node.isStringLiteral(s.getExpression());
}

function declaredInFile(id: Node): boolean {
  const decls = id.getSymbol()?.getDeclarations() ?? [];
  return decls.some(
    (d) =>
      d.getSourceFile() === id.getSourceFile() &&
      (Node.isVariableDeclaration(d) || Node.isParameterDeclaration(d) || Node.isFunctionDeclaration(d) || Node.isClassDeclaration(d) || Node.isBindingElement(d) || Node.isImportSpecifier(d) || Node.isImportClause(d) || Node.isNamespaceImport(d)),
  );
}

/** The function `this`/`arguments` belong to (arrows are transparent for both), or undefined at the top level. */
function enclosingFunction(n: Node, forThis: boolean): Node | undefined {
  for (let p = n.getParent(); p; p = p.getParent()) {
    if (Node.isArrowFunction(p)) continue;
    if (Node.isFunctionDeclaration(p) || Node.isFunctionExpression(p) || Node.isMethodDeclaration(p) || Node.isConstructorDeclaration(p) || Node.isGetAccessorDeclaration(p) || Node.isSetAccessorDeclaration(p)) return p;
    if (forThis && (Node.isPropertyDeclaration(p) || Node.isClassStaticBlockDeclaration(p))) return p;
    if (!forThis && Node.isClassStaticBlockDeclaration(p)) return p;
    if (Node.isSourceFile(p)) return undefined;
  }
  return undefined;
}


/**
 * Every identifier spelled like `id` that may refer to it: by name, ignoring shadowing (over-approximates, which is
 * the safe side for every check that uses it). The compiler's symbols are unreliable for CommonJS aliases in JS.
 */
function referencesOf(sf: SourceFile, id: Node): Node[] {
  const name = id.getText();
  return sf.getDescendantsOfKind(SyntaxKind.Identifier).filter((i) => {
    if (i.getText() !== name) return false;
    const p = i.getParent();
    if (Node.isPropertyAccessExpression(p) && p.getNameNode() === i) return false;
    if ((Node.isPropertyAssignment(p) || Node.isMethodDeclaration(p) || Node.isPropertyDeclaration(p) || Node.isGetAccessorDeclaration(p) || Node.isSetAccessorDeclaration(p)) && p.getNameNode() === i) return false;
    if (Node.isBindingElement(p) && p.getPropertyNameNode() === i) return false;
    return true;
  });
}

function isBindingName(id: Node): boolean {
  const p = id.getParent();
  return (
    ((Node.isVariableDeclaration(p) || Node.isParameterDeclaration(p) || Node.isFunctionDeclaration(p) || Node.isClassDeclaration(p) || Node.isFunctionExpression(p) || Node.isClassExpression(p)) && p.getNameNode() === id) ||
    (Node.isBindingElement(p) && p.getNameNode() === id)
  );
}

function isWriteTarget(n: Node): boolean {
  let cur = n;
  let p = cur.getParent();
  while (p && (Node.isParenthesizedExpression(p) || Node.isShorthandPropertyAssignment(p) || Node.isPropertyAssignment(p) || Node.isObjectLiteralExpression(p) || Node.isArrayLiteralExpression(p) || Node.isSpreadElement(p) || Node.isSpreadAssignment(p))) {
    if (Node.isPropertyAssignment(p) && p.getInitializer() !== cur) return false;
    cur = p;
    p = p.getParent();
  }
  if (!p) return false;
  if (Node.isBinaryExpression(p)) {
    const op = p.getOperatorToken().getKind();
    return p.getLeft() === cur && op >= SyntaxKind.FirstAssignment && op <= SyntaxKind.LastAssignment;
  }
  if (Node.isPrefixUnaryExpression(p) || Node.isPostfixUnaryExpression(p)) {
    const op = p.getOperatorToken();
    return cur === n && (op === SyntaxKind.PlusPlusToken || op === SyntaxKind.MinusMinusToken);
  }
  if (Node.isForInStatement(p) || Node.isForOfStatement(p)) return p.getInitializer() === cur;
  return false;
}

function nameIsFree(sf: SourceFile, name: string): boolean {
  return !sf.getDescendantsOfKind(SyntaxKind.Identifier).some((i) => {
    if (i.getText() !== name) return false;
    const p = i.getParent();
    if (Node.isPropertyAccessExpression(p) && p.getNameNode() === i) return false;
    if ((Node.isPropertyAssignment(p) || Node.isMethodDeclaration(p)) && p.getNameNode() === i) return false;
    return true;
  });
}

function isPureStatement(s: Statement): boolean {
  if (isDirective(s) || Node.isEmptyStatement(s) || Node.isFunctionDeclaration(s)) return true;
  if (Node.isClassDeclaration(s)) {
    const heritage = s.getExtends()?.getExpression();
    if (heritage && !isPure(heritage)) return false;
    return !s.getMembers().some((m) => Node.isClassStaticBlockDeclaration(m) || (Node.isPropertyDeclaration(m) && m.isStatic() && m.getInitializer()));
  }
  if (Node.isVariableStatement(s)) return s.getDeclarations().every((d) => !d.getInitializer() || isPure(d.getInitializer()!));
  // `module.exports = x`, `exports.k = function () {}`: they become exports; nothing runs.
  if (Node.isExpressionStatement(s)) {
    let e: Node = s.getExpression();
    let assigned = false;
    while (Node.isBinaryExpression(e) && e.getOperatorToken().getKind() === SyntaxKind.EqualsToken && /^(module\.exports|exports)(\.[\w$]+)?$/.test(e.getLeft().getText())) {
      e = e.getRight();
      assigned = true;
    }
    return assigned && isPure(e);
  }
  return false;
}

/**
 * Packages whose factory, called with one non-empty string literal, has no effect that the evaluation of modules
 * imported after it could observe, and reads nothing those modules could plausibly change at load time; so the call
 * may run after them (imports are hoisted) without a difference:
 * - `debug(ns)` builds a logger function and returns it. The DEBUG environment variable is read when `debug` itself is
 *   loaded (that import keeps its place, before the later ones), not by the call. debug 2.x also computes
 *   `enabled` at the call from the namespaces set by `debug.enable()` and picks the next colour from a counter shared
 *   by all loggers; a later module calling `debug.enable()` while it loads, or creating loggers of its own, changes
 *   only whether / in which colour this logger prints its diagnostic lines. debug 3+ checks lazily and hashes the
 *   namespace: no difference at all.
 * - `depd(ns)` returns a `deprecate` function. It reads the call stack to learn the calling file (the same file at
 *   either moment) and `process.noDeprecation`/`process.traceDeprecation`/NO_DEPRECATION/TRACE_DEPRECATION: a
 *   module imported later that sets these switches while it loads would change whether this namespace's deprecation
 *   warnings print. Libraries leave those to the application (command-line flags or the environment before start).
 *   An empty namespace throws, hence the non-empty literal.
 * Anything else (other factories, non-literal arguments, `require('debug').x(…)`) still counts as side-effecting.
 */
const HARMLESS_FACTORIES = new Set(['debug', 'depd']);

function isHarmlessFactoryCall(init: Node, spec: string, requireCall: Node | undefined): boolean {
  if (!HARMLESS_FACTORIES.has(spec) || !Node.isCallExpression(init) || init.getExpression() !== requireCall) return false;
  return hasOneNamespaceArg(init);
}

function hasOneNamespaceArg(call: import('ts-morph').CallExpression): boolean {
  const args = call.getArguments();
  if (args.length !== 1) return false;
  const a = args[0];
  return (Node.isStringLiteral(a) || Node.isNoSubstitutionTemplateLiteral(a)) && a.getLiteralValue() !== '';
}

/** A top-level binding declared once and never assigned to. */
function isConstantBinding(sf: SourceFile, name: Identifier): boolean {
  const sym = name.getSymbol();
  if (!sym || sym.getDeclarations().length !== 1) return false;
  return !referencesOf(sf, name).some((r) => isWriteTarget(r));
}

/** `const log = debug('ns')` where `debug` is one of `factories` (bindings of `require('debug')` / `require('depd')`). */
function isFactoryDeclaration(stmt: Statement, factories: Identifier[]): boolean {
  if (!factories.length || !Node.isVariableStatement(stmt)) return false;
  return stmt.getDeclarations().every((d) => {
    const init = d.getInitializer();
    if (!init || isPure(init)) return true;
    if (!Node.isCallExpression(init) || !hasOneNamespaceArg(init)) return false;
    const callee = init.getExpression();
    if (!Node.isIdentifier(callee)) return false;
    const sym = callee.getSymbol();
    return sym !== undefined && factories.some((f) => f.getSymbol() === sym);
  });
}

/** Expressions that run no user code when evaluated (getters aside). */
function isPure(e: Node, allow?: Node): boolean {
  if (e === allow) return true;
  switch (e.getKind()) {
    case SyntaxKind.StringLiteral:
    case SyntaxKind.NumericLiteral:
    case SyntaxKind.BigIntLiteral:
    case SyntaxKind.NoSubstitutionTemplateLiteral:
    case SyntaxKind.RegularExpressionLiteral:
    case SyntaxKind.TrueKeyword:
    case SyntaxKind.FalseKeyword:
    case SyntaxKind.NullKeyword:
    case SyntaxKind.Identifier:
    case SyntaxKind.FunctionExpression:
    case SyntaxKind.ArrowFunction:
      return true;
    case SyntaxKind.ParenthesizedExpression:
    case SyntaxKind.PropertyAccessExpression:
    case SyntaxKind.TypeOfExpression:
    case SyntaxKind.VoidExpression:
      return (e as import('ts-morph').ParenthesizedExpression).getExpression ? isPure((e as import('ts-morph').ParenthesizedExpression).getExpression(), allow) : false;
    case SyntaxKind.PrefixUnaryExpression:
      return isPure((e as import('ts-morph').PrefixUnaryExpression).getOperand(), allow) && ![SyntaxKind.PlusPlusToken, SyntaxKind.MinusMinusToken].includes((e as import('ts-morph').PrefixUnaryExpression).getOperatorToken());
    case SyntaxKind.BinaryExpression: {
      const b = e as import('ts-morph').BinaryExpression;
      const op = b.getOperatorToken().getKind();
      if (op >= SyntaxKind.FirstAssignment && op <= SyntaxKind.LastAssignment) return false;
      return isPure(b.getLeft(), allow) && isPure(b.getRight(), allow);
    }
    case SyntaxKind.ConditionalExpression: {
      const c = e as import('ts-morph').ConditionalExpression;
      return isPure(c.getCondition(), allow) && isPure(c.getWhenTrue(), allow) && isPure(c.getWhenFalse(), allow);
    }
    case SyntaxKind.ArrayLiteralExpression:
      return (e as import('ts-morph').ArrayLiteralExpression).getElements().every((x) => !Node.isSpreadElement(x) && isPure(x, allow));
    case SyntaxKind.ObjectLiteralExpression:
      return (e as import('ts-morph').ObjectLiteralExpression).getProperties().every((p) => {
        if (Node.isShorthandPropertyAssignment(p) || Node.isMethodDeclaration(p) || Node.isGetAccessorDeclaration(p) || Node.isSetAccessorDeclaration(p)) return true;
        if (Node.isPropertyAssignment(p)) {
          const name = p.getNameNode();
          return (!Node.isComputedPropertyName(name) || isPure(name.getExpression(), allow)) && isPure(p.getInitializerOrThrow(), allow);
        }
        return false;
      });
    case SyntaxKind.TemplateExpression:
      return (e as import('ts-morph').TemplateExpression).getTemplateSpans().every((s) => isPure(s.getExpression(), allow));
    case SyntaxKind.ClassExpression:
      return !(e as import('ts-morph').ClassExpression).getMembers().some((m) => Node.isClassStaticBlockDeclaration(m) || (Node.isPropertyDeclaration(m) && m.isStatic()));
    default:
      return false;
  }
}

function indentOf(text: string, at: number): string {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, at))![0];
}

function lineOf(sf: SourceFile, at: number | undefined): string {
  if (at === undefined || at <= 0) return '';
  return `:${sf.getLineAndColumnAtPos(at).line}`;
}

function readJson(file: string): Record<string, any> | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function nearestPackageJson(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, 'package.json');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(d) === d) return undefined;
  }
}

function packageRootOf(file: string): string | undefined {
  const m = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(toPosix(file));
  return m ? m[1] : undefined;
}

function formatOf(file: string): 'esm' | 'cjs' {
  if (file.endsWith('.mjs')) return 'esm';
  if (file.endsWith('.cjs')) return 'cjs';
  const pkg = nearestPackageJson(path.dirname(file));
  return pkg && readJson(pkg)?.type === 'module' ? 'esm' : 'cjs';
}

/** Files package.json names (main, bin, exports): what outside users load. */
function packageEntries(infos: Map<string, Info>): Set<string> {
  const out = new Set<string>();
  const pkgs = new Set<string>();
  for (const info of infos.values()) {
    const pkg = nearestPackageJson(path.dirname(info.file));
    if (pkg) pkgs.add(pkg);
  }
  for (const pkg of pkgs) {
    const json = readJson(pkg);
    if (!json) continue;
    const dir = path.dirname(pkg);
    const refs: string[] = [];
    const collect = (v: unknown) => {
      if (typeof v === 'string') refs.push(v);
      else if (v && typeof v === 'object') for (const x of Object.values(v)) collect(x);
    };
    collect(json.main ?? 'index.js');
    collect(json.bin);
    collect(json.exports);
    for (const ref of refs) {
      try {
        out.add(createRequire(path.join(dir, 'package.json')).resolve(ref.startsWith('.') ? ref : `./${ref}`));
      } catch {
        // not a file
      }
    }
  }
  return out;
}

/** CommonJS `.js` files under the same package.json as the run's files that the run did not select. */
async function cjsFilesNotSelected(ctx: ProjectTransformContext<Options>, infos: Map<string, Info>): Promise<Map<string, true>> {
  const out = new Map<string, true>();
  const selected = new Set(ctx.files.map((f) => f.getFilePath() as string));
  const roots = new Set<string>();
  for (const info of infos.values()) {
    const pkg = nearestPackageJson(path.dirname(info.file));
    if (pkg) roots.add(path.dirname(pkg));
  }
  for (const root of roots) {
    const files = await discoverFiles({ cwd: root, paths: ['.'], extensions: ['js'] });
    for (const file of files) {
      if (selected.has(file) || file.includes('/node_modules/')) continue;
      const pkg = nearestPackageJson(path.dirname(file));
      if (pkg && path.dirname(pkg) !== root) continue; // a nested package
      let text = '';
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      if (CJS_MARKERS.test(text) && !/^\s*(import|export)\s/m.test(text)) out.set(file, true);
    }
  }
  return out;
}

/** Offsets of the string value of `key` in the outermost object of a JSON text (undefined unless a string). */
function topLevelStringValue(text: string, key: string): { start: number; end: number } | undefined {
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      const isKey = depth === 1 && expectKey;
      expectKey = false;
      if (!isKey || JSON.parse(text.slice(start, i + 1)) !== key) continue;
      const m = /^\s*:\s*("(?:[^"\\]|\\.)*")/.exec(text.slice(i + 1));
      if (!m) return undefined;
      const valueStart = i + 1 + m[0].length - m[1].length;
      return { start: valueStart, end: valueStart + m[1].length };
    }
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
    if (ch === '{' || ch === ',') expectKey = depth === 1;
  }
  return undefined;
}

/** package.json text with "type": "module" (created when missing), keeping its layout. */
function withTypeModule(before: string | undefined): string {
  if (before === undefined) return '{\n  "type": "module"\n}\n';
  const json = JSON.parse(before);
  if (json.type === 'module') return before;
  if (json.type !== undefined) {
    // The top-level key only: nested objects have "type" keys too (`"funding": { "type": "opencollective" }`).
    const value = topLevelStringValue(before, 'type');
    return value ? `${before.slice(0, value.start)}"module"${before.slice(value.end)}` : before;
  }
  const eol = before.includes('\r\n') ? '\r\n' : '\n';
  const first = /\{(\s*?)(\r?\n)?([ \t]*)"/.exec(before);
  if (!first) return before;
  const indent = first[3] || '  ';
  // After "version" (or "name") when that line ends with a comma, else as the first property.
  for (const key of ['version', 'name']) {
    const m = new RegExp(`^([ \\t]*)"${key}"\\s*:\\s*"[^"]*",[ \\t]*$`, 'm').exec(before);
    if (m && m[1] === indent) {
      const at = m.index + m[0].length;
      return `${before.slice(0, at)}${eol}${indent}"type": "module",${before.slice(at)}`;
    }
  }
  if (!first[2]) return before.replace(/\{/, '{ "type": "module",');
  const at = first.index + 1;
  return `${before.slice(0, at)}${eol}${indent}"type": "module",${before.slice(at)}`;
}
