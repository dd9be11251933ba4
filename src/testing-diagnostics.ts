import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';

/**
 * A program's type errors as `tsc` lists them (`ts.getPreEmitDiagnostics`: config, options, syntax, global,
 * semantic and, when declarations are emitted, declaration diagnostics of every file), one line each.
 *
 * Most of that work is checking TypeScript's own lib files (lib.es2022.full.d.ts and the ~60 it references, DOM
 * included): seconds per program, against milliseconds for a fixture's few files. A lib file's diagnostics depend
 * only on the lib files and compiler options of the program, and on whatever else adds to the global scope its
 * declarations live in. So when no other file of the program can add to the global scope (every other file is a
 * module without `declare global` or `export as namespace`, or a TypeScript script holding only
 * `declare module "name"` blocks), the lib files' diagnostics are those of the last program checked with the same
 * libs and options, and are taken from it. Any other program has its lib files checked as usual.
 */
export function programErrors(program: ts.Program): string[] {
  const files = program.getSourceFiles();
  const libs = files.filter((sf) => program.isSourceFileDefaultLibrary(sf));
  const own = files.filter((sf) => !program.isSourceFileDefaultLibrary(sf));
  const options = program.getCompilerOptions();
  const perFile = (list: readonly ts.SourceFile[]) => {
    const out: ts.Diagnostic[] = [];
    for (const sf of list) out.push(...program.getSyntacticDiagnostics(sf));
    return out;
  };
  const diagnostics: ts.Diagnostic[] = [...program.getConfigFileParsingDiagnostics(), ...program.getOptionsDiagnostics(), ...perFile(own)];
  diagnostics.push(...program.getGlobalDiagnostics());
  for (const sf of own) {
    diagnostics.push(...program.getSemanticDiagnostics(sf));
    if (options.declaration || options.composite) diagnostics.push(...program.getDeclarationDiagnostics(sf));
  }
  const key = own.some(addsToGlobalScope) ? undefined : libKey(options, libs);
  let libErrors = key === undefined ? undefined : (libErrorsByKey.get(key) ?? sharedLibErrors(key));
  if (!libErrors) {
    const libDiagnostics: ts.Diagnostic[] = [];
    for (const sf of libs) libDiagnostics.push(...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf));
    libErrors = lines(libDiagnostics);
    if (key !== undefined) shareLibErrors(key, libErrors);
  }
  if (key !== undefined) libErrorsByKey.set(key, libErrors);
  return [...lines(diagnostics), ...libErrors];
}

const libErrorsByKey = new Map<string, string[]>();

/**
 * remodel's own test run sets `REMODEL_TEST_RUN_DIR` to its temporary folder (__tests__/support/temp-root.ts,
 * removed when the run ends), where the lib errors of each key are kept, so that a key is checked once per run
 * rather than once per test worker. Outside that run (this module is part of `remodel/testing`) nothing is shared.
 */
function sharedFile(key: string): string | undefined {
  const dir = process.env.REMODEL_TEST_RUN_DIR;
  return dir ? path.join(dir, 'lib-diagnostics', `${createHash('sha256').update(key).digest('hex')}.json`) : undefined;
}

function sharedLibErrors(key: string): string[] | undefined {
  const file = sharedFile(key);
  if (!file) return undefined;
  try {
    const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as { key: string; errors: string[] };
    return kept.key === key ? kept.errors : undefined;
  } catch {
    return undefined;
  }
}

function shareLibErrors(key: string, errors: string[]): void {
  const file = sharedFile(key);
  if (!file) return;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ key, errors }));
    fs.renameSync(tmp, file);
  } catch {
    // only costs another worker the check
  }
}

function lines(diagnostics: ts.Diagnostic[]): string[] {
  return ts
    .sortAndDeduplicateDiagnostics(diagnostics)
    .map((d) => `${d.file ? path.basename(d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n').slice(0, 200)}`);
}

/** The lib files (by name: their text is TypeScript's own) and every compiler option but the config file's path. */
function libKey(options: ts.CompilerOptions, libs: ts.SourceFile[]): string {
  const { configFilePath: _path, configFile: _file, ...rest } = options as ts.CompilerOptions & { configFile?: unknown };
  const sorted = Object.fromEntries(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify([ts.version, sorted, libs.map((sf) => sf.fileName)]);
}

/**
 * Whether a file may declare something in the global scope. Conservative: a reason to doubt is a yes. A module (ES
 * or, in JavaScript, CommonJS) adds globals only through `declare global` or `export as namespace`; a script adds
 * every top-level declaration, except an ambient module (`declare module "express" { ... }`), whose quoted name no
 * lib file can mention; JavaScript scripts also add JSDoc typedefs, so they always count. Asked after binding (the
 * binder marks CommonJS modules).
 */
function addsToGlobalScope(sf: ts.SourceFile): boolean {
  if (/\bdeclare\s+global\b|\bglobal\s*\{|\bas\s+namespace\b/.test(sf.text)) return true;
  if (isModule(sf)) return false;
  if (!/\.[cm]?tsx?$/.test(sf.fileName)) return true;
  return !sf.statements.every((s) => ts.isModuleDeclaration(s) && ts.isStringLiteral(s.name));
}

const internal = ts as unknown as { isExternalOrCommonJsModule?: (sf: ts.SourceFile) => boolean };
const isModule = (sf: ts.SourceFile) => (internal.isExternalOrCommonJsModule ?? ts.isExternalModule)(sf);
