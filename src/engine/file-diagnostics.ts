import path from 'node:path';
import { ts, type Project } from 'ts-morph';

export const stemOf = (f: string) => path.basename(f).replace(/\.[cm]?[jt]sx?$/, '');

/**
 * What a file imports (or re-exports, `require`s, `import()`s, references with `/// <reference path>`), each
 * specifier resolved the way the compiler resolves it (tsconfig paths and baseUrl, directory imports, `.js` for `.ts`
 * under node16): the files it lands on, and the specifiers it cannot resolve.
 */
export function importResolver(project: Project): (file: string, text: string) => { files: string[]; unresolved: string[] } {
  const options = project.getCompilerOptions();
  const host: ts.ModuleResolutionHost = {
    fileExists: (f) => !!project.getSourceFile(f) || ts.sys.fileExists(f),
    readFile: (f) => project.getSourceFile(f)?.getFullText() ?? ts.sys.readFile(f),
    directoryExists: (d) => ts.sys.directoryExists(d),
    realpath: ts.sys.realpath,
    getCurrentDirectory: () => ts.sys.getCurrentDirectory(),
  };
  const cache = ts.createModuleResolutionCache(ts.sys.getCurrentDirectory(), (f) => f, options);
  return (file, text) => {
    const { importedFiles, referencedFiles } = ts.preProcessFile(text, true, true);
    const files = referencedFiles.map((r) => path.resolve(path.dirname(file), r.fileName));
    const unresolved: string[] = [];
    for (const { fileName: spec } of importedFiles) {
      const resolved = ts.resolveModuleName(spec, file, options, host, cache).resolvedModule;
      if (resolved) files.push(path.resolve(resolved.resolvedFileName));
      else unresolved.push(spec);
    }
    return { files, unresolved };
  };
}

/**
 * The project files that import each file (imports, re-exports, `require`, `import()`, resolved as importResolver
 * does), built on the first question. Read from the files' text: ts-morph's getReferencingSourceFiles keeps listeners
 * on the project that fail once a transform has replaced nodes.
 */
export function importersIndex(project: Project): (file: string) => string[] {
  let index: Map<string, string[]> | undefined;
  return (file) => {
    if (!index) {
      index = new Map();
      const importsOf = importResolver(project);
      for (const sf of project.getSourceFiles()) {
        const from = sf.getFilePath();
        if (sf.isDeclarationFile() || from.includes('/node_modules/')) continue;
        for (const to of importsOf(from, sf.getFullText()).files) index.set(to, [...(index.get(to) ?? []), from]);
      }
    }
    return index.get(path.resolve(file)) ?? [];
  };
}

/** A file whose change can reach files that do not import it: a script (its declarations are global), a JS file, an augmentation. */
function reachesBeyondImports(sf: ts.SourceFile): boolean {
  return !/\.[cm]?tsx?$/.test(sf.fileName) || !ts.isExternalModule(sf) || /\bdeclare\s+(global|module)\b/.test(sf.text);
}

/** What the files of `program` import, resolved against that program's files (then the disk), as `importResolver` does. */
function programImports(program: ts.Program): (file: string, text: string) => string[] {
  const options = program.getCompilerOptions();
  const host: ts.ModuleResolutionHost = {
    fileExists: (f) => !!program.getSourceFile(f) || ts.sys.fileExists(f),
    readFile: (f) => program.getSourceFile(f)?.text ?? ts.sys.readFile(f),
    directoryExists: (d) => ts.sys.directoryExists(d),
    realpath: ts.sys.realpath,
    getCurrentDirectory: () => ts.sys.getCurrentDirectory(),
  };
  const cache = ts.createModuleResolutionCache(ts.sys.getCurrentDirectory(), (f) => f, options);
  return (file, text) => {
    const { importedFiles, referencedFiles } = ts.preProcessFile(text, true, true);
    const files = referencedFiles.map((r) => path.resolve(path.dirname(file), r.fileName));
    for (const { fileName: spec } of importedFiles) {
      const resolved = ts.resolveModuleName(spec, file, options, host, cache).resolvedModule;
      if (resolved) files.push(path.resolve(resolved.resolvedFileName));
    }
    return files;
  };
}

/** A compiler symbol with what TypeScript keeps on it about its uses (internal: `Symbol.isReferenced`). */
type Marked = ts.Symbol & { isReferenced?: number };

/** The compiler's symbols declared in a source file, bound: what its nodes declare and the locals of its scopes. */
const declaredIn = new WeakMap<ts.SourceFile, Marked[]>();

function symbolsOf(sf: ts.SourceFile): Marked[] {
  let list = declaredIn.get(sf);
  if (list) return list;
  const seen = new Set<Marked>();
  const add = (symbol: ts.Symbol) => {
    if (seen.has(symbol)) return;
    seen.add(symbol);
    symbol.members?.forEach(add);
    symbol.exports?.forEach(add);
  };
  const visit = (node: ts.Node): void => {
    const { symbol, locals, jsDoc } = node as ts.Node & { symbol?: ts.Symbol; locals?: ts.SymbolTable; jsDoc?: ts.Node[] };
    if (symbol) add(symbol);
    locals?.forEach(add);
    for (const doc of jsDoc ?? []) visit(doc);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  declaredIn.set(sf, (list = [...seen]));
  return list;
}

/**
 * Whether what the checker reports in the file depends on which of its declarations were marked as used: unused
 * declarations are errors (noUnusedLocals, noUnusedParameters), or a parameter of a signature without a body
 * renames a destructured property (`({ a: string }) => void`, TS2842 when the new name is not used).
 */
const renamesInSignatures = new WeakMap<ts.SourceFile, boolean>();
function readsUseMarks(program: ts.Program, sf: ts.SourceFile): boolean {
  if (sf.isDeclarationFile) return false;
  const options = program.getCompilerOptions();
  if (options.noUnusedLocals || options.noUnusedParameters) return true;
  let found = renamesInSignatures.get(sf);
  if (found === undefined) {
    const visit = (node: ts.Node): boolean => {
      if (ts.isBindingElement(node) && node.propertyName && ts.isIdentifier(node.name)) {
        let up: ts.Node = node;
        while (ts.isBindingElement(up) || ts.isObjectBindingPattern(up) || ts.isArrayBindingPattern(up)) up = up.parent;
        if (ts.isParameter(up) && !(up.parent as { body?: ts.Node }).body) return true;
      }
      return !!ts.forEachChild(node, visit);
    };
    renamesInSignatures.set(sf, (found = visit(sf)));
  }
  return found;
}

/**
 * The syntactic and semantic diagnostics of files of one program, each as tsc gives them for the program's files.
 *
 * Whether a declaration is used (an unused import is TS6133 under noUnusedLocals) is not the checker's own: TypeScript
 * keeps it on the symbols the binder made for the source file (`isReferenced`), which every program keeping that
 * file (unchanged) shares, and any checker adds to it, and not only for a use of the name: describing references
 * (`findReferences`) or printing a type where a file imports a name marks that import as used. So after a transform
 * looked up references in a program where a file it had edited was already as it stays, the checker saw an import
 * left unused as used (adversarial round 9, F7: extract-service on two routers, the router done first kept its now
 * unused `type Row` import, and the check said "no new type errors" only when another router came after it).
 *
 * Where the diagnostics depend on those marks (see readsUseMarks), they come from a checker of their own: a program
 * of the same source files (the compiler reuses the whole structure: no parsing, no module resolution), whose
 * checker starts, as tsc's does, with no declaration of the project's files marked; its marks are kept apart from
 * what the other checkers set (swapped in for its checks and out after them), so neither sees the other's. Else the
 * program's own checker, which the transforms' type queries may have warmed.
 */
interface OwnChecker {
  program: ts.Program;
  /** The symbols of the project's own files (not declaration files) and what its checker marked on each. */
  symbols: Marked[];
  marks: (number | undefined)[];
}

export class ProgramChecks {
  private own?: OwnChecker | null;

  /** `fresh`: always the checker of its own, as tsc's, which no type query of a transform has warmed. */
  constructor(
    private readonly program: ts.Program,
    private readonly fresh = false,
  ) {}

  of(sf: ts.SourceFile): ts.Diagnostic[] {
    const own = this.fresh || readsUseMarks(this.program, sf) ? this.ownChecker() : undefined;
    if (!own) return [...this.program.getSyntacticDiagnostics(sf), ...this.program.getSemanticDiagnostics(sf)];
    const { program, symbols, marks } = own;
    const shared = symbols.map((s) => s.isReferenced);
    symbols.forEach((s, i) => (s.isReferenced = marks[i]));
    try {
      return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    } finally {
      symbols.forEach((s, i) => {
        marks[i] = s.isReferenced;
        s.isReferenced = shared[i];
      });
    }
  }

  /** The program of the same source files with a checker of its own (null when the compiler would not reuse them all). */
  private ownChecker(): OwnChecker | undefined {
    if (this.own !== undefined) return this.own ?? undefined;
    const base = this.program;
    const options = base.getCompilerOptions();
    const host = ts.createCompilerHost(options, true);
    const missing = new Set<string>((base as { getMissingFilePaths?: () => Map<string, string> }).getMissingFilePaths?.().values() ?? []);
    // ts-morph serves TypeScript's lib files from memory, under a folder of its own.
    const lib = base.getSourceFiles().find((sf) => base.isSourceFileDefaultLibrary(sf));
    if (lib) {
      host.getDefaultLibLocation = () => path.dirname(lib.fileName);
      host.getDefaultLibFileName = (o) => path.join(path.dirname(lib.fileName), ts.getDefaultLibFileName(o));
    }
    // The same source file objects; for a package's duplicate (a redirect to the same package elsewhere) the file
    // it was parsed as, as the compiler asks of a host.
    type Redirect = ts.SourceFile & { redirectInfo?: { unredirected: ts.SourceFile } };
    const files = new Map<string, ts.SourceFile>();
    for (const sf of base.getSourceFiles() as Redirect[]) files.set(sf.fileName, sf.redirectInfo?.unredirected ?? sf);
    host.getSourceFile = (file) => files.get(file);
    host.getSourceFileByPath = (file) => files.get(file);
    host.fileExists = (file) => !!base.getSourceFile(file) || (!missing.has(file) && ts.sys.fileExists(file));
    host.readFile = (file) => base.getSourceFile(file)?.text ?? ts.sys.readFile(file);
    (host as { hasChangedAutomaticTypeDirectiveNames?: () => boolean }).hasChangedAutomaticTypeDirectiveNames = () => false;
    const program = ts.createProgram({
      rootNames: base.getRootFileNames(),
      options,
      host,
      oldProgram: base,
      projectReferences: base.getProjectReferences(),
      configFileParsingDiagnostics: base.getConfigFileParsingDiagnostics(),
    });
    // 2: StructureIsReused.Completely, the very same source files and resolutions (else it is not the same program).
    if ((program as { structureIsReused?: number }).structureIsReused !== 2) {
      this.own = null;
      return undefined;
    }
    program.getTypeChecker(); // binds every file: their symbols exist from here on
    const symbols: Marked[] = [];
    for (const sf of program.getSourceFiles()) {
      if (!sf.isDeclarationFile && !sf.fileName.includes('/node_modules/')) symbols.push(...symbolsOf(sf));
    }
    this.own = { program, symbols, marks: symbols.map(() => undefined) };
    return this.own;
  }
}

/** A checker that started cold on a program (ProgramChecks fresh), with the files it checked, in order, and their diagnostics. */
interface ColdLane {
  checks: ProgramChecks;
  files: ts.SourceFile[];
  results: ts.Diagnostic[][];
}

const coldLanes = new WeakMap<ts.Program, ColdLane[]>();

/**
 * The diagnostics of files of `program` as a checker that starts cold gives them (`new ProgramChecks(program, true)`),
 * for one request: the files are checked in the order they are asked for. What such a checker answers depends only on
 * the program and on the files it checked before, in that order. So the cold checkers of a program are kept (as long
 * as the program is) with what they checked, and a request that asks for what one of them already checked, in the
 * same order, takes its answers, and goes on with that checker after them, instead of a new checker checking the same
 * files again: introduce-dto asks about the program as loaded in every round that finds errors that look new (on
 * juice-shop, server.ts twice, ~1.5 s each), and the engine's check after the step may ask again.
 */
export class ColdChecks {
  private lane?: ColdLane;
  private readonly asked: ts.SourceFile[] = [];

  constructor(private readonly program: ts.Program) {}

  of(sf: ts.SourceFile): readonly ts.Diagnostic[] {
    const asked = this.asked;
    const at = asked.length;
    // (a lane's files are only ever appended to: the one this request used so far still checked what it asked)
    const next = (lane: ColdLane) => lane.files.length === at || lane.files[at] === sf;
    if (!this.lane || !next(this.lane)) {
      let lanes = coldLanes.get(this.program);
      if (!lanes) coldLanes.set(this.program, (lanes = []));
      this.lane = lanes.find((lane) => lane.files.length >= at && next(lane) && asked.every((f, i) => lane.files[i] === f));
      if (!this.lane) {
        // A new cold checker, which checks what this request asked before, as a new one would.
        const lane: ColdLane = { checks: new ProgramChecks(this.program, true), files: [], results: [] };
        for (const f of asked) {
          lane.results.push(lane.checks.of(f));
          lane.files.push(f);
        }
        lanes.push((this.lane = lane));
      }
    }
    asked.push(sf);
    const lane = this.lane;
    if (lane.files.length === at) {
      lane.results.push(lane.checks.of(sf));
      lane.files.push(sf);
    }
    return lane.results[at];
  }
}

/**
 * The syntactic and semantic diagnostics of files of a project's program, kept across the programs ts-morph builds
 * as the files are edited. A file keeps the diagnostics computed in an earlier program when its text is the same and
 * so is the text of every project file it imports, followed transitively: they depend on nothing else, as long as
 * every file that changed is a TypeScript module that augments nothing (else every file is checked again).
 *
 * One per project (`fileDiagnostics`), shared by a transform's own type checks (introduce-dto's rounds) and the
 * engine's check after the transform: what a transform already checked in the program the check runs on, or in an
 * earlier program where nothing it depends on has changed since, is not checked again by a new checker.
 */
export class FileDiagnostics {
  private program?: ts.Program;
  private checks?: ProgramChecks;
  private readonly byFile = new Map<string, readonly ts.Diagnostic[]>();

  constructor(private readonly project: Project) {}

  /** The diagnostics of `file` in `program`, which must be the project's program (`project.getProgram()`) as it is now. */
  of(program: ts.Program, file: string): readonly ts.Diagnostic[] {
    if (this.program !== program) {
      const stale = this.program ? this.staleFiles(this.program, program) : undefined;
      for (const known of [...this.byFile.keys()]) if (!stale || stale.has(known)) this.byFile.delete(known);
      this.program = program;
      this.checks = new ProgramChecks(program);
    }
    let list = this.byFile.get(file);
    if (!list) {
      const sf = program.getSourceFile(file);
      list = sf ? this.checks!.of(sf) : [];
      this.byFile.set(file, list);
    }
    return list;
  }

  /** Files changed since `before` and every project file that imports one of them, transitively; undefined: all. */
  private staleFiles(before: ts.Program, after: ts.Program): Set<string> | undefined {
    const projectFiles = (p: ts.Program) => p.getSourceFiles().filter((sf) => !sf.fileName.includes('/node_modules/'));
    const changed = new Set<string>();
    for (const sf of projectFiles(after)) if (before.getSourceFile(sf.fileName)?.text !== sf.text) changed.add(sf.fileName);
    const deleted = projectFiles(before).filter((sf) => !after.getSourceFile(sf.fileName));
    for (const sf of deleted) changed.add(sf.fileName);
    // A file in only one of the programs (created or deleted, or a declaration file of a package that came or went
    // with it) is judged by the version there is: a TypeScript module reaches only the files that import it.
    for (const [a, b] of [[after, before], [before, after]])
      for (const sf of a.getSourceFiles()) if (!b.getSourceFile(sf.fileName) && reachesBeyondImports(sf)) return undefined;
    for (const file of changed) {
      const was = before.getSourceFile(file);
      const is = after.getSourceFile(file);
      if ((was && reachesBeyondImports(was)) || (is && reachesBeyondImports(is))) return undefined;
    }
    if (!changed.size) return changed;
    // Who imports whom, in the program after (an import of a file that is gone does not resolve: its stem decides).
    const importsOf = importResolver(this.project);
    const importers = new Map<string, string[]>();
    const byStem = new Map<string, string[]>();
    for (const sf of projectFiles(after)) {
      const { files, unresolved } = importsOf(sf.fileName, sf.text);
      for (const f of files) importers.set(f, [...(importers.get(f) ?? []), sf.fileName]);
      for (const spec of unresolved) byStem.set(stemOf(spec), [...(byStem.get(stemOf(spec)) ?? []), sf.fileName]);
    }
    // A deleted file's importers, as the program before resolved them (after, their imports may land on another file).
    if (deleted.length) {
      const importsBefore = programImports(before);
      for (const sf of projectFiles(before)) for (const f of importsBefore(sf.fileName, sf.text)) importers.set(f, [...(importers.get(f) ?? []), sf.fileName]);
    }
    const stale = new Set<string>();
    const queue = [...changed];
    while (queue.length) {
      const file = queue.pop()!;
      if (stale.has(file)) continue;
      stale.add(file);
      queue.push(...(importers.get(file) ?? []), ...(byStem.get(stemOf(file)) ?? []));
    }
    return stale;
  }
}

const byProject = new WeakMap<Project, FileDiagnostics>();

/** The project's kept diagnostics (see FileDiagnostics). */
export function fileDiagnostics(project: Project): FileDiagnostics {
  let memo = byProject.get(project);
  if (!memo) byProject.set(project, (memo = new FileDiagnostics(project)));
  return memo;
}

/**
 * The diagnostics of `after` not among those of `before`, matched by `key` (file, code and message) and counted: an
 * error that was there twice and is there three times is one new error. The engine's check after a step and
 * introduce-dto's round checks both judge what a change introduced so.
 */
export function unmatchedDiagnostics<T>(before: Iterable<T>, after: Iterable<T>, key: (d: T) => string): T[] {
  const left = new Map<string, number>();
  for (const d of before) left.set(key(d), (left.get(key(d)) ?? 0) + 1);
  const out: T[] = [];
  for (const d of after) {
    const n = left.get(key(d)) ?? 0;
    if (n > 0) left.set(key(d), n - 1);
    else out.push(d);
  }
  return out;
}
