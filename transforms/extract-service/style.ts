/** Style of the module a generated file joins (quotes, semicolons, ESM/CJS, extensions) and paths between modules. */
import path from 'node:path';
import { ts, type SourceFile } from 'ts-morph';
import type { ProjectTransformContext } from '../../src/engine/project-engine.js';
import { type Options } from './meta.js';

export interface ModuleStyle {
  ts: boolean;
  esm: boolean;
  declKeyword: 'var' | 'const';
  unit: string;
  ext: string;
  /** Relative imports written with an extension (`./db.js`). */
  withExtension: boolean;
  /**
   * ...and that extension the TypeScript source's own (`./db.ts`, allowImportingTsExtensions, for Node's type
   * stripping): the generated imports keep it too (adversarial round 14, F7).
   */
  tsExtensions?: boolean;
  quote: string;
  semi: string;
  strict: boolean;
}

export function styleOf(file: SourceFile): ModuleStyle {
  const text = file.getFullText();
  const ext = path.extname(file.getFilePath());
  const ts = /\.[cm]?tsx?$/.test(ext);
  const esm = file.getImportDeclarations().length > 0 || file.getExportDeclarations().length > 0 || file.getExportAssignments().length > 0 || /^export\s/m.test(text);
  const varCount = (text.match(/^\s*var\s/gm) ?? []).length;
  const constCount = (text.match(/^\s*(const|let)\s/gm) ?? []).length;
  // leading whitespace of code lines (not the ` * ` of block comments, not continuation commas)
  const indents = [...text.matchAll(/\n([ \t]+)([^\s*,])/g)].map((m) => m[1]);
  const tab = indents.some((i) => i.startsWith('\t'));
  const spaces = indents.filter((i) => !i.startsWith('\t')).map((i) => i.length);
  const unit = tab ? '\t' : ' '.repeat(spaces.length ? Math.min(...spaces) : 2);
  const specs = ts_preProcess(text).filter((s) => s.startsWith('.'));
  const withExtension = specs.length > 0 && specs.every((s) => /\.[cm]?[jt]sx?$/.test(s));
  const tsExtensions = ts && specs.length > 0 && specs.every((s) => /\.[cm]?tsx?$/.test(s) && !/\.d\.[cm]?ts$/.test(s));
  // the quote of relative specifiers, else of any specifier (`from "express"`), else single
  const quote = (text.match(/(['"])\.{1,2}\//) ?? text.match(/\b(?:from|require\()\s*(['"])/) ?? [])[1] ?? "'";
  // semicolon-free files: no statement line ends with `;` (a `for (;;)` header does not count)
  const semi = /[\w$)\]'"`]\s*;[ \t]*(\/\/.*)?$/m.test(text) ? ';' : '';
  // (the directive may follow a header comment or a shebang)
  const strict = /^(#![^\n]*\n)?(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*['"]use strict['"]/.test(text);
  return { ts, esm: ts || esm, declKeyword: varCount > 0 && constCount === 0 ? 'var' : 'const', unit: unit || '  ', ext, withExtension, tsExtensions, quote, semi, strict };
}

export function ts_preProcess(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

export function serviceDirFor(ctx: ProjectTransformContext<Options>, file: SourceFile, options: Options): string {
  if (options.serviceDir) return path.resolve(ctx.cwd, options.serviceDir);
  const dir = path.dirname(file.getFilePath());
  return /^(routes?|routers?|controllers?|api|handlers?)$/i.test(path.basename(dir)) ? path.join(path.dirname(dir), 'services') : path.join(dir, 'services');
}

export function specifier(fromFile: string, toFile: string, style: ModuleStyle): string {
  let rel = path.relative(path.dirname(fromFile), toFile).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = './' + rel;
  const ext = path.extname(rel);
  const bare = rel.slice(0, -ext.length);
  if (!style.withExtension && !(style.esm && !style.ts)) return bare;
  if (style.tsExtensions) return bare + ext;
  return bare + (ext === '.ts' || ext === '.tsx' ? '.js' : ext === '.mts' ? '.mjs' : ext === '.cts' ? '.cjs' : ext);
}

/** Re-points a relative module specifier written in `fromFile` so it works from `toDir`. */
export function repoint(spec: string, fromFile: string, toDir: string): string {
  if (!spec.startsWith('.')) return spec;
  let rel = path.relative(toDir, path.resolve(path.dirname(fromFile), spec)).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = './' + rel;
  return rel;
}
