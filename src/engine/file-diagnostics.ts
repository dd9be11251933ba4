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
  private readonly byFile = new Map<string, readonly ts.Diagnostic[]>();

  constructor(private readonly project: Project) {}

  /** The diagnostics of `file` in `program`, which must be the project's program (`project.getProgram()`) as it is now. */
  of(program: ts.Program, file: string): readonly ts.Diagnostic[] {
    if (this.program !== program) {
      const stale = this.program ? this.staleFiles(this.program, program) : undefined;
      for (const known of [...this.byFile.keys()]) if (!stale || stale.has(known)) this.byFile.delete(known);
      this.program = program;
    }
    let list = this.byFile.get(file);
    if (!list) {
      const sf = program.getSourceFile(file);
      list = sf ? [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)] : [];
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
