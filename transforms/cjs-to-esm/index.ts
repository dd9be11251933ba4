import fs from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { Node } from 'ts-morph';
import { z } from 'zod';
import type { ProjectTransformContext } from '../../src/engine/project-engine.js';
import { toPosix } from '../../src/paths.js';
import { defineMeta } from '../../src/types.js';
import type { Info, Options, Target } from './types.js';
import { hasCjsSyntax, isEsm } from './syntax.js';
import { analyze } from './analyze.js';
import { cjsFilesNotSelected, formatOf, nearestPackageJson, packageEntries, packageRootOf, readJson, withTypeModule } from './package.js';
import { dynamicPrefixesOnDisk, importerFitsNames, localRequires, markCycles, objectWriteOf, esmImportsOf } from './importers.js';
import { lineOf, rewrite } from './rewrite.js';
import { exportsUsingThis } from './exports.js';

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
    'exports-object-written':
      'another module may change this module\'s exports object (assigns or deletes a property, calls a method that may assign to `this`, or hands the object to other code): converted, its importers would no longer share one object',
    'imported-by-esm': 'an ES module of the run imports this CommonJS file: renamed, the name it imports is gone; converted, a default or namespace import would get other values',
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
  options: z.object({
    rename: z
      .boolean()
      .default(false)
      .describe('write converted modules as .mjs files (renamed) instead of setting "type": "module" in package.json'),
  }),
  prefilter: (source) => /\brequire\b|\bexports\b|__dirname|__filename/.test(source),
});

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

  // An exports object that importers may change stays one object. Converted, `exports.k = v` / `module.exports =
  // { k }` become named exports, plus a copy of them as the default export once an importer needs the object: writes
  // to the copy would not reach the named importers (see objectWriteOf), so such a module stays CommonJS.
  for (const dep of infos.values()) {
    const shape = dep.shape;
    if (shape.kind !== 'object' && shape.kind !== 'props') continue;
    const importers = [...infos.values()].flatMap((info) => info.sites.filter((s) => s.target?.type === 'local' && s.target.file === dep.file).map((site) => ({ info, site })));
    const thisUsers = exportsUsingThis(dep);
    if (importers.every(({ info, site }) => importerFitsNames(info, site, shape.names, thisUsers))) continue;
    for (const { info, site } of importers) {
      const at = objectWriteOf(info, site, dep);
      if (!at) continue;
      const stmt = at.getFirstAncestor((a) => Node.isStatement(a)) ?? at;
      const snippet = stmt.getText().split('\n')[0].slice(0, 60);
      block(dep, 'exports-object-written', `the exports object may be changed by ${ctx.relative(info.file)}${lineOf(info.sf, at.getStart())} (\`${snippet}\`); converted to named exports plus a copied default object, importers of the names would not see the change`, 0);
      break;
    }
  }

  // ES modules of the run that import a candidate load it as CommonJS now. Renamed (--rename), the file they name is
  // gone; converted in place, a default import gets the default export instead of module.exports, a namespace or
  // dynamic import another object.
  for (const sf of ctx.files) {
    const file = sf.getFilePath();
    if (!/\.m?js$/.test(file) || infos.has(file) || file.includes('/node_modules/') || (!file.endsWith('.mjs') && !isEsm(sf))) continue;
    for (const imp of esmImportsOf(sf)) {
      if (!imp.spec.startsWith('.')) continue;
      const dep = infos.get(path.resolve(path.dirname(file), imp.spec));
      if (!dep || dep.blockers.some((b) => b.reason === 'imported-by-esm')) continue;
      const where = `${ctx.relative(file)}${lineOf(sf, imp.node.getStart())}`;
      if (rename) block(dep, 'imported-by-esm', `the ES module ${where} imports it by its file name, which --rename would change`, 0);
      else if (!imp.fits(dep)) block(dep, 'imported-by-esm', `the ES module ${where} imports it as CommonJS (\`${imp.node.getText().split('\n')[0].slice(0, 60)}\`); converted, that import would get other values`, 0);
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
    for (const [file, what] of notSelected) problems.push(`${ctx.relative(file)}: ${what} [not-selected]`);
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
