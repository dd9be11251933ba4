import path from 'node:path';
import {
  Node,
  SyntaxKind,
  type ExportDeclaration,
  type ImportDeclaration,
  type Project,
  type SourceFile,
  type Statement,
} from 'ts-morph';
import { z } from 'zod';
import type { ProjectTransformContext } from '../../src/engine/project-engine.js';
import { defineMeta } from '../../src/types.js';

export const meta = defineMeta({
  name: 'move-symbol',
  description: 'moves an exported declaration (and the private helpers only it uses) to another module and fixes every import',
  engine: 'project',
  reasons: {
    'already-moved': 'the symbol is already in the target module',
  },
  version: '1',
  options: z.object({
    symbol: z.string().describe('name of the exported declaration to move ("default" for the default export)'),
    from: z.string().describe('module that declares it, relative to the working directory'),
    to: z.string().describe('destination module (created when missing)'),
    keepReexport: z.boolean().default(false).describe('keep `export { symbol } from "<to>"` in the old module'),
    allowCycles: z.boolean().default(false).describe('allow the move even if it creates an import cycle'),
    exportShared: z
      .boolean()
      .default(false)
      .describe('export private helpers that staying code also uses from the old module and import them, instead of refusing'),
  }),
});

type Options = z.infer<NonNullable<typeof meta.options>>;

const TS_EXT = /\.(d\.)?[cm]?[jt]sx?$/;

export default function moveSymbol(ctx: ProjectTransformContext<Options>): void {
  const { project, options } = ctx;
  const fromPath = path.resolve(ctx.cwd, options.from);
  const toPath = path.resolve(ctx.cwd, options.to);
  const fromFile = project.getSourceFile(fromPath);
  if (!fromFile) {
    const there = project.getSourceFile(toPath)?.getExportedDeclarations().get(options.symbol) ?? [];
    if (there.length) {
      ctx.report(there[0].getSourceFile(), `"${options.symbol}" is already in ${options.to}`, undefined, 'already-moved');
      return;
    }
    ctx.refuse(`${options.from} is not part of the project`);
  }
  if (fromPath === toPath) ctx.refuse('--from and --to are the same file');
  if (isCommonJs(fromFile)) ctx.refuse(`${options.from} is a CommonJS module; move-symbol moves ES module exports`);
  const symbol = options.symbol;
  const isDefault = symbol === 'default' || fromFile.getDefaultExportSymbol()?.getDeclarations().some((d) => nameOf(d) === symbol) === true;
  const exportName = isDefault ? 'default' : symbol;

  // 1. The statements that declare the symbol, in this file.
  const declarations = fromFile.getExportedDeclarations().get(exportName) ?? [];
  if (!declarations.length) {
    // Already done (a second run): the destination declares it and the origin no longer does.
    const there = project.getSourceFile(toPath)?.getExportedDeclarations().get(exportName) ?? [];
    if (there.some((d) => d.getSourceFile().getFilePath() === toPath)) {
      ctx.report(there[0].getSourceFile(), `"${symbol}" is already in ${options.to}`, undefined, 'already-moved');
      return;
    }
    ctx.refuse(`${options.from} exports no "${symbol}"`);
  }
  if (declarations.some((d) => d.getSourceFile() !== fromFile)) {
    ctx.refuse(`"${symbol}" is re-exported by ${options.from} from another module; move it where it is declared`);
  }
  const moved = new Set<Statement>();
  for (const d of declarations) {
    const stmt = topLevelStatement(d);
    if (!stmt) ctx.refuse(`"${symbol}" is not a top-level declaration`);
    if (Node.isVariableStatement(stmt) && stmt.getDeclarations().length > 1) {
      ctx.refuse(`"${symbol}" is declared together with other variables in one statement`);
    }
    if (Node.isExportAssignment(stmt)) ctx.refuse(`"${symbol}" is exported by an \`export default\` expression; move a named declaration`);
    moved.add(stmt);
    // (a function's overload signatures are statements of their own: they go with it)
    if (Node.isFunctionDeclaration(stmt)) for (const o of stmt.getOverloads()) moved.add(o);
  }
  const localName = [...moved].map((s) => nameOf(s)).find(Boolean) ?? symbol;
  const exportedInline = [...moved].every((s) => Node.isExportable(s) && s.isExported() && !hasSeparateExport(fromFile, localName));
  if (!exportedInline && isDefault) ctx.refuse(`"${symbol}" is the default export through a separate statement; make it \`export default\` inline first`);
  // One declaration exported under several names (`export function f`, `export { f as g }`) would leave the other
  // names behind, exporting nothing.
  const otherNames = [...exportNamesOf(fromFile, localName, moved)].filter((n) => n !== exportName);
  if (otherNames.length) {
    ctx.refuse(`"${symbol}" is also exported as ${otherNames.map((n) => `"${n}"`).join(', ')}; move-symbol moves a declaration exported under one name`);
  }
  // `export { formatName as fullName }`: the destination exports it under the same public name.
  const aliased = !isDefault && localName !== exportName;

  // 2. Private helpers used only by moved code come along; imports it needs are carried over.
  const graphBefore = importGraph(project);
  const carriedImports = new Map<string, { decl: ImportDeclaration; names: Set<string> }>();
  const exportedDeps = new Set<string>();
  const helpersToExport = new Set<Statement>();
  let changedSet = true;
  while (changedSet) {
    changedSet = false;
    for (const stmt of [...moved]) {
      for (const id of stmt.getDescendantsOfKind(SyntaxKind.Identifier)) {
        // `{ routes }` names a property; the value it reads is a separate symbol.
        const parent = id.getParent();
        const sym = Node.isShorthandPropertyAssignment(parent) && parent.getNameNode() === id ? parent.getValueSymbol() : id.getSymbol();
        const decl = sym?.getDeclarations()[0];
        if (!decl || decl.getSourceFile() !== fromFile) continue;
        const importDecl = decl.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
        if (importDecl) {
          const entry = carriedImports.get(importDecl.getModuleSpecifierValue()) ?? { decl: importDecl, names: new Set<string>() };
          entry.names.add(id.getText());
          carriedImports.set(importDecl.getModuleSpecifierValue(), entry);
          continue;
        }
        const owner = topLevelStatement(decl);
        if (!owner || moved.has(owner)) continue;
        // Only names of top-level declarations matter; members (`token.type`) travel with their type.
        const declaresOwner = owner === decl || (Node.isVariableStatement(owner) && Node.isVariableDeclaration(decl) && decl.getVariableStatement() === owner);
        if (!declaresOwner) continue;
        if (Node.isExportable(owner) && owner.isExported()) {
          exportedDeps.add(id.getText());
          continue;
        }
        const usedElsewhere = fromFile
          .getStatements()
          .filter((s) => !moved.has(s) && s !== owner)
          .some((s) => mentions(s, id.getText()));
        if (usedElsewhere) {
          if (!options.exportShared) {
            ctx.refuse(
              `"${symbol}" uses the private helper "${id.getText()}", which code staying in ${options.from} also uses (--export-shared exports it from there)`,
            );
          }
          if (!Node.isExportable(owner) || (Node.isVariableStatement(owner) && owner.getDeclarations().length > 1)) {
            ctx.refuse(`the shared helper "${id.getText()}" cannot be exported on its own`);
          }
          helpersToExport.add(owner);
          exportedDeps.add(id.getText());
          continue;
        }
        moved.add(owner);
        changedSet = true;
      }
    }
  }

  // 3. The destination: names must not clash.
  const existingTo = project.getSourceFile(toPath);
  const movedNames = [...new Set([...moved].map(nameOf).filter((n): n is string => Boolean(n)))];
  if (existingTo) {
    const taken = topLevelNames(existingTo);
    const clash = movedNames.find((n) => taken.has(n)) ?? (aliased && (taken.has(exportName) || existingTo.getExportedDeclarations().has(exportName)) ? exportName : undefined);
    if (clash) ctx.refuse(`${options.to} already declares or imports "${clash}"`);
    if (isDefault && existingTo.getDefaultExportSymbol()) ctx.refuse(`${options.to} already has a default export`);
    for (const { decl, names } of carriedImports.values()) {
      for (const n of names) {
        if (taken.has(n) && !importsNameFrom(existingTo, n, decl.getModuleSpecifierSourceFile(), decl.getModuleSpecifierValue())) {
          ctx.refuse(`${options.to} already has a different "${n}"`);
        }
      }
    }
  }

  // Who reaches the old module in ways we cannot re-point.
  const fromImporters = project.getSourceFiles().filter((sf) => sf !== fromFile && referencesModule(sf, fromFile));
  if (!options.keepReexport) {
    for (const sf of fromImporters) {
      for (const decl of sf.getImportDeclarations()) {
        if (decl.getModuleSpecifierSourceFile() === fromFile && decl.getNamespaceImport()) {
          if (mentions(sf, `${decl.getNamespaceImport()!.getText()}.${symbol}`) || isDefault) {
            ctx.refuse(`${ctx.relative(sf.getFilePath())} uses ${options.from} through a namespace import; use --keep-reexport`);
          }
        }
      }
      const dynamic = sf
        .getDescendantsOfKind(SyntaxKind.CallExpression)
        .some((call) => {
          const callee = call.getExpression().getText();
          const arg = call.getArguments()[0];
          return (callee === 'import' || callee === 'require') && Node.isStringLiteral(arg) && resolvesTo(sf, arg.getLiteralValue(), fromFile);
        });
      if (dynamic) ctx.refuse(`${ctx.relative(sf.getFilePath())} loads ${options.from} with a dynamic import() or require; use --keep-reexport`);
    }
  }

  // 4. Write the destination: carried imports, an import of exported siblings, then the moved statements.
  const fromText = fromFile.getFullText();
  const ordered = [...moved].sort((a, b) => a.getPos() - b.getPos());
  let movedText = ordered
    .map((s, i) => {
      // (after its JSDoc, which stays the declaration's)
      const exportHere = !exportedInline && !aliased && movedNames[0] === nameOf(s);
      // (statements next to each other keep what was between them: overload signatures stay together)
      const before = i === 0 ? '' : s.getPreviousSibling() === ordered[i - 1] ? fromText.slice(ordered[i - 1].getEnd(), s.getStart(true)) : '\n\n';
      return `${before}${fromText.slice(s.getStart(true), s.getStart())}${exportHere ? 'export ' : ''}${fromText.slice(s.getStart(), s.getEnd())}`;
    })
    .join('');
  const toFile = existingTo ?? project.createSourceFile(toPath, '');
  const { quote, semi } = importStyle(project, fromFile);
  if (aliased) movedText += `\n\nexport { ${localName} as ${exportName} }${semi}`;

  // Every other importer and re-exporter now points at the destination. Done before the old module is edited:
  // once it exports nothing, the compiler no longer resolves imports of it to a module.
  for (const sf of project.getSourceFiles()) {
    if (sf === fromFile || sf === toFile) continue;
    repointImporter(project, sf, fromFile, toFile, exportName, options.keepReexport);
  }
  const newImports: string[] = [];
  for (const [, { decl, names }] of carriedImports) {
    const target = decl.getModuleSpecifierSourceFile();
    const spec = target ? specifierFor(project, toFile, target, decl.getModuleSpecifierValue()) : decl.getModuleSpecifierValue();
    if (target === toFile) continue; // the moved code imported from its new home: those names are local now
    const missing = [...names].filter((n) => !importsNameFrom(toFile, n, target, spec));
    if (!missing.length) continue;
    newImports.push(renderImport(decl, missing, spec, quote, semi));
  }
  if (exportedDeps.size) {
    newImports.push(`import { ${[...exportedDeps].join(', ')} } from ${quote}${specifierFor(project, toFile, fromFile, undefined, fromFile)}${quote}${semi}`);
  }
  const toText = toFile.getFullText();
  const lastImport = toFile.getImportDeclarations().at(-1);
  let newToText: string;
  if (lastImport) {
    const at = lastImport.getEnd();
    newToText = `${toText.slice(0, at)}${newImports.map((i) => `\n${i}`).join('')}${toText.slice(at).replace(/\s*$/, '')}\n\n${movedText}\n`;
  } else {
    const head = newImports.length ? `${newImports.join('\n')}\n\n` : '';
    const body = toText.trim() ? `${toText.replace(/\s*$/, '')}\n\n` : '';
    newToText = `${head}${body}${movedText}\n`;
  }
  toFile.replaceWithText(newToText);

  // 5. The old module: drop the moved code and the imports only it used; re-import or re-export what is needed.
  const carriedNames = new Set([...carriedImports.values()].flatMap((c) => [...c.names]));
  if (!exportedInline) removeSeparateExport(fromFile, localName);
  for (const helper of helpersToExport) if (Node.isExportable(helper)) helper.setIsExported(true);
  // (removing a function removes its overloads with it)
  for (const stmt of [...moved].sort((a, b) => b.getPos() - a.getPos())) if (!stmt.wasForgotten()) stmt.remove();
  for (const decl of fromFile.getImportDeclarations()) {
    if (!decl.getImportClause()) continue; // side-effect imports stay
    const unused = (name: string) => carriedNames.has(name) && !mentionsOutsideImports(fromFile, name);
    const keepNamed = decl.getNamedImports().filter((n) => !unused(n.getAliasNode()?.getText() ?? n.getName()));
    const def = decl.getDefaultImport();
    const keepDefault = def && !unused(def.getText()) ? def.getText() : undefined;
    const ns = decl.getNamespaceImport();
    const keepNs = ns && !unused(ns.getText()) ? ns.getText() : undefined;
    if (keepNamed.length === decl.getNamedImports().length && keepDefault === def?.getText() && keepNs === ns?.getText()) continue;
    if (!keepNamed.length && !keepDefault && !keepNs) {
      decl.remove();
      continue;
    }
    for (const n of decl.getNamedImports()) if (!keepNamed.includes(n)) n.remove();
    if (def && !keepDefault) decl.removeDefaultImport();
  }
  const fromSpecForTo = specifierFor(project, fromFile, toFile, undefined, fromFile);
  const stillUsed = movedNames.filter((n) => mentionsOutsideImports(fromFile, n));
  const fromAdditions: string[] = [];
  if (stillUsed.length) {
    fromAdditions.push(
      isDefault && stillUsed.includes(localName)
        ? `import ${localName} from ${quote}${fromSpecForTo}${quote}${semi}`
        : `import { ${stillUsed.map((n) => (aliased && n === localName ? `${exportName} as ${localName}` : n)).join(', ')} } from ${quote}${fromSpecForTo}${quote}${semi}`,
    );
  }
  if (options.keepReexport) {
    fromAdditions.push(`export { ${isDefault ? 'default' : symbol} } from ${quote}${fromSpecForTo}${quote}${semi}`);
  }
  if (fromAdditions.length) {
    const last = fromFile.getImportDeclarations().at(-1);
    const text = fromFile.getFullText();
    const at = last ? last.getEnd() : 0;
    const insert = last ? fromAdditions.map((a) => `\n${a}`).join('') : `${fromAdditions.join('\n')}\n${text.trim() ? '\n' : ''}`;
    fromFile.replaceWithText(text.slice(0, at) + insert + text.slice(at));
  }

  // 6. A module left with nothing in it, and that nothing imports any more, is deleted.
  if (!fromFile.getFullText().trim() && !options.keepReexport) {
    const stillImported = project
      .getSourceFiles()
      .some((sf) => sf !== fromFile && [...sf.getImportDeclarations(), ...sf.getExportDeclarations()].some((d) => {
        const spec = d.getModuleSpecifierValue();
        return spec !== undefined && resolvesTo(sf, spec, fromFile);
      }));
    if (!stillImported) fromFile.delete();
  }

  // 7. No new import cycle through either module.
  if (!options.allowCycles) {
    const graphAfter = importGraph(project);
    for (const key of [fromPath, toPath]) {
      if (!reaches(graphBefore, key, key) && reaches(graphAfter, key, key)) {
        ctx.refuse(`the move would create an import cycle through ${ctx.relative(key)} (use --allow-cycles to accept it)`);
      }
    }
  }
}

function nameOf(node: Node): string | undefined {
  if (Node.isVariableStatement(node)) return node.getDeclarations()[0]?.getName();
  if (Node.isVariableDeclaration(node)) return node.getName();
  const named = node as unknown as { getName?: () => string | undefined };
  return typeof named.getName === 'function' ? named.getName() : undefined;
}

function topLevelStatement(node: Node): Statement | undefined {
  let cur: Node | undefined = node;
  while (cur && !Node.isSourceFile(cur.getParent())) cur = cur.getParent();
  return cur as Statement | undefined;
}

function isCommonJs(sf: SourceFile): boolean {
  const text = sf.getFullText();
  return sf.getImportDeclarations().length === 0 && sf.getExportedDeclarations().size === 0 && /\b(module\.exports|exports\.\w+)\s*=/.test(text);
}

function identifierPattern(name: string): RegExp {
  return new RegExp(`(^|[^\\w$.])${name.replace(/[$]/g, '\\$')}(?![\\w$])`);
}

function mentions(node: Node, text: string): boolean {
  if (text.includes('.')) return node.getText().includes(text);
  return identifierPattern(text).test(node.getText());
}

function mentionsOutsideImports(sf: SourceFile, name: string): boolean {
  return sf.getStatements().some((s) => !Node.isImportDeclaration(s) && mentions(s, name));
}

/** The names a declaration of `local` is exported under: inline, in local export lists, by `export default local`. */
function exportNamesOf(sf: SourceFile, local: string, declared: Set<Statement>): Set<string> {
  const names = new Set<string>();
  for (const stmt of declared) {
    if (Node.isExportable(stmt) && stmt.hasExportKeyword()) names.add(stmt.hasDefaultKeyword() ? 'default' : local);
  }
  for (const d of sf.getExportDeclarations()) {
    if (d.getModuleSpecifier()) continue;
    for (const e of d.getNamedExports()) if (e.getName() === local) names.add(e.getAliasNode()?.getText() ?? local);
  }
  for (const a of sf.getExportAssignments()) {
    if (!a.isExportEquals() && a.getExpression().getText() === local) names.add('default');
  }
  return names;
}

function hasSeparateExport(sf: SourceFile, name: string): boolean {
  return sf.getExportDeclarations().some((d) => !d.getModuleSpecifier() && d.getNamedExports().some((e) => e.getName() === name));
}

function removeSeparateExport(sf: SourceFile, name: string): void {
  for (const d of sf.getExportDeclarations()) {
    if (d.getModuleSpecifier()) continue;
    for (const e of d.getNamedExports()) if (e.getName() === name) e.remove();
    if (!d.wasForgotten() && d.getNamedExports().length === 0) d.remove();
  }
}

function topLevelNames(sf: SourceFile): Set<string> {
  const names = new Set<string>();
  for (const stmt of sf.getStatements()) {
    if (Node.isImportDeclaration(stmt)) {
      const def = stmt.getDefaultImport();
      if (def) names.add(def.getText());
      const ns = stmt.getNamespaceImport();
      if (ns) names.add(ns.getText());
      for (const n of stmt.getNamedImports()) names.add(n.getAliasNode()?.getText() ?? n.getName());
    } else if (Node.isVariableStatement(stmt)) {
      for (const d of stmt.getDeclarations()) names.add(d.getName());
    } else {
      const n = nameOf(stmt);
      if (n) names.add(n);
    }
  }
  return names;
}

function importsNameFrom(sf: SourceFile, name: string, target: SourceFile | undefined, spec: string): boolean {
  return sf.getImportDeclarations().some(
    (d) =>
      (target ? d.getModuleSpecifierSourceFile() === target : d.getModuleSpecifierValue() === spec) &&
      (d.getDefaultImport()?.getText() === name ||
        d.getNamespaceImport()?.getText() === name ||
        d.getNamedImports().some((n) => (n.getAliasNode()?.getText() ?? n.getName()) === name)),
  );
}

/** The same kind of import (default, namespace, named with aliases, type-only) for a subset of its names. */
function renderImport(decl: ImportDeclaration, names: string[], spec: string, quote: string, semi: string): string {
  const typeOnly = decl.isTypeOnly() ? 'type ' : '';
  const parts: string[] = [];
  const def = decl.getDefaultImport()?.getText();
  if (def && names.includes(def)) parts.push(def);
  const ns = decl.getNamespaceImport()?.getText();
  if (ns && names.includes(ns)) parts.push(`* as ${ns}`);
  const named = decl
    .getNamedImports()
    .filter((n) => names.includes(n.getAliasNode()?.getText() ?? n.getName()))
    .map((n) => n.getText());
  if (named.length) parts.push(`{ ${named.join(', ')} }`);
  return `import ${typeOnly}${parts.join(', ')} from ${quote}${spec}${quote}${semi}`;
}

function resolvesTo(sf: SourceFile, specifier: string, target: SourceFile): boolean {
  if (!specifier.startsWith('.')) return false;
  const base = path.resolve(path.dirname(sf.getFilePath()), specifier).replace(TS_EXT, '');
  const t = target.getFilePath().replace(TS_EXT, '');
  return base === t || `${base}/index` === t;
}

function referencesModule(sf: SourceFile, target: SourceFile): boolean {
  return (
    sf.getImportDeclarations().some((d) => d.getModuleSpecifierSourceFile() === target) ||
    sf.getExportDeclarations().some((d) => d.getModuleSpecifierSourceFile() === target) ||
    sf.getFullText().includes(path.basename(target.getFilePath()).replace(TS_EXT, ''))
  );
}

/** Quote and semicolon style of a file's imports, else of the first file in the project that has imports. */
function importStyle(project: Project, sf: SourceFile): { quote: string; semi: string } {
  const sample = sf.getImportDeclarations()[0] ?? project.getSourceFiles().flatMap((f) => f.getImportDeclarations())[0];
  if (!sample) return { quote: "'", semi: ';' };
  return { quote: quoteOf(sample.getModuleSpecifier()), semi: sample.getText().trimEnd().endsWith(';') ? ';' : '' };
}

/** A relative specifier of `sf` (or, failing that, of any project file) to copy the extension style from. */
function relativeSample(project: Project, sf: SourceFile): string | undefined {
  const own = (f: SourceFile) => f.getImportDeclarations().map((d) => d.getModuleSpecifierValue()).find((v) => v.startsWith('.'));
  return own(sf) ?? project.getSourceFiles().map(own).find(Boolean);
}

/**
 * A module specifier from `importer` to `target` in the style of `example` (the specifier it replaces, if any):
 * a tsconfig path alias when the example used one and one fits, else relative; with the extension style the
 * example (or the file, or the project) uses: `.js` for NodeNext-style imports of .ts files, or none.
 */
function specifierFor(project: Project, importer: SourceFile, target: SourceFile, example?: string, styleFrom?: SourceFile): string {
  const targetPath = target.getFilePath();
  if (example && !example.startsWith('.')) {
    const alias = aliasFor(project, targetPath);
    if (alias) return alias;
  }
  const sample = example?.startsWith('.') ? example : relativeSample(project, styleFrom ?? importer);
  const m = sample ? /\.(mjs|cjs|js|jsx|tsx|ts|mts|cts)$/.exec(sample) : null;
  const targetExt = path.extname(targetPath);
  let ext = '';
  if (m && ['mjs', 'cjs', 'js', 'jsx'].includes(m[1])) {
    ext = targetExt === '.mts' ? '.mjs' : targetExt === '.cts' ? '.cjs' : targetExt === '.jsx' ? '.jsx' : '.js';
  } else if (m) ext = targetExt;
  let rel = path.relative(path.dirname(importer.getFilePath()), targetPath.replace(TS_EXT, '')).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel + ext;
}

function aliasFor(project: Project, targetPath: string): string | undefined {
  const opts = project.getCompilerOptions();
  const paths = opts.paths;
  if (!paths) return undefined;
  const configDir = typeof opts.configFilePath === 'string' ? path.dirname(opts.configFilePath) : process.cwd();
  const baseUrl = opts.baseUrl ?? configDir;
  const noExt = targetPath.replace(TS_EXT, '');
  for (const [pattern, targets] of Object.entries(paths)) {
    const star = pattern.indexOf('*');
    for (const t of targets) {
      const abs = path.resolve(baseUrl, t);
      const tStar = abs.indexOf('*');
      if (star === -1 || tStar === -1) continue;
      const prefix = abs.slice(0, tStar);
      const suffix = abs.slice(tStar + 1).replace(TS_EXT, '');
      if (noExt.startsWith(prefix) && noExt.endsWith(suffix)) {
        const middle = noExt.slice(prefix.length, noExt.length - suffix.length);
        return pattern.slice(0, star) + middle + pattern.slice(star + 1);
      }
    }
  }
  return undefined;
}

function quoteOf(node: Node): string {
  return node.getText().startsWith("'") ? "'" : '"';
}

/** Moves `name` out of each import/re-export of `fromFile` in `sf` into one aimed at `toFile`. */
function repointImporter(project: Project, sf: SourceFile, fromFile: SourceFile, toFile: SourceFile, exportName: string, keepReexport: boolean): void {
  for (const decl of sf.getImportDeclarations()) {
    if (decl.getModuleSpecifierSourceFile() !== fromFile) continue;
    const spec = specifierFor(project, sf, toFile, decl.getModuleSpecifierValue());
    const q = quoteOf(decl.getModuleSpecifier());
    const semi = decl.getText().trimEnd().endsWith(';') ? ';' : '';
    const typeOnly = decl.isTypeOnly() ? 'type ' : '';
    const matching =
      exportName === 'default'
        ? decl.getDefaultImport()
          ? [decl.getDefaultImport()!.getText()]
          : []
        : decl.getNamedImports().filter((n) => n.getName() === exportName).map((n) => n.getText());
    if (!matching.length) continue;
    const onlyThis =
      (exportName === 'default' ? decl.getNamedImports().length === 0 : !decl.getDefaultImport() && decl.getNamedImports().length === 1) &&
      !decl.getNamespaceImport();
    if (onlyThis) {
      decl.getModuleSpecifier().replaceWithText(`${q}${spec}${q}`);
      continue;
    }
    const text = exportName === 'default' ? `import ${typeOnly}${matching[0]} from ${q}${spec}${q}${semi}` : `import ${typeOnly}{ ${matching.join(', ')} } from ${q}${spec}${q}${semi}`;
    if (exportName === 'default') decl.removeDefaultImport();
    else for (const n of decl.getNamedImports()) if (n.getName() === exportName) n.remove();
    // Join an import of the destination the file already has, if it is of the same kind.
    const existing =
      exportName === 'default'
        ? undefined
        : sf.getImportDeclarations().find((d) => d !== decl && resolvesTo(sf, d.getModuleSpecifierValue(), toFile) && d.isTypeOnly() === decl.isTypeOnly() && !d.getNamespaceImport() && d.getNamedImports().length > 0);
    if (existing) existing.addNamedImports(matching);
    else sf.insertStatements(decl.getChildIndex() + 1, text);
  }
  for (const decl of sf.getExportDeclarations()) {
    if (decl.getModuleSpecifierSourceFile() !== fromFile) continue;
    repointReexport(project, sf, decl, toFile, exportName, keepReexport);
  }
  // JSDoc `import('./from').Name` types in JavaScript files.
  if (/\.[cm]?jsx?$/.test(sf.getFilePath()) && exportName !== 'default') {
    const text = sf.getFullText();
    const re = /import\((['"])([^'"]+)\1\)\.([A-Za-z_$][\w$]*)/g;
    let changed = false;
    const next = text.replace(re, (all, q: string, spec: string, name: string) => {
      if (name !== exportName || !resolvesTo(sf, spec, fromFile)) return all;
      changed = true;
      return `import(${q}${specifierFor(project, sf, toFile, spec)}${q}).${name}`;
    });
    if (changed) sf.replaceWithText(next);
  }
}

function repointReexport(project: Project, sf: SourceFile, decl: ExportDeclaration, toFile: SourceFile, exportName: string, keepReexport: boolean): void {
  const spec = specifierFor(project, sf, toFile, decl.getModuleSpecifierValue()!);
  const q = quoteOf(decl.getModuleSpecifier()!);
  const semi = decl.getText().trimEnd().endsWith(';') ? ';' : '';
  if (decl.isNamespaceExport() || !decl.hasNamedExports()) {
    // `export * from './from'`: the symbol no longer comes through it, so name it explicitly (unless kept there).
    if (keepReexport || exportName === 'default') return;
    const already = sf.getExportDeclarations().some((d) => d.getModuleSpecifierSourceFile() === toFile && (!d.hasNamedExports() || d.getNamedExports().some((e) => e.getName() === exportName)));
    if (!already) sf.insertStatements(decl.getChildIndex() + 1, `export ${decl.isTypeOnly() ? 'type ' : ''}{ ${exportName} } from ${q}${spec}${q}${semi}`);
    return;
  }
  const matching = decl.getNamedExports().filter((e) => e.getName() === exportName);
  if (!matching.length) return;
  if (decl.getNamedExports().length === matching.length) {
    decl.getModuleSpecifier()!.replaceWithText(`${q}${spec}${q}`);
    return;
  }
  const text = `export ${decl.isTypeOnly() ? 'type ' : ''}{ ${matching.map((e) => e.getText()).join(', ')} } from ${q}${spec}${q}${semi}`;
  for (const e of matching) e.remove();
  sf.insertStatements(decl.getChildIndex() + 1, text);
}

/** Module dependency edges (imports and re-exports) between project files. */
function importGraph(project: Project): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const sf of project.getSourceFiles()) {
    const edges = new Set<string>();
    for (const d of sf.getImportDeclarations()) {
      if (d.isTypeOnly()) continue; // type-only imports vanish at runtime and cannot form a cycle there
      const t = d.getModuleSpecifierSourceFile();
      if (t) edges.add(t.getFilePath());
    }
    for (const d of sf.getExportDeclarations()) {
      const t = d.getModuleSpecifierSourceFile();
      if (t && !d.isTypeOnly()) edges.add(t.getFilePath());
    }
    graph.set(sf.getFilePath(), edges);
  }
  return graph;
}

function reaches(graph: Map<string, Set<string>>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [...(graph.get(from) ?? [])];
  while (stack.length) {
    const cur = stack.pop()!;
    if (cur === to) return true;
    if (seen.has(cur)) continue;
    seen.add(cur);
    stack.push(...(graph.get(cur) ?? []));
  }
  return false;
}
