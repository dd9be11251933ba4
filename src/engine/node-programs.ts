import path from 'node:path';
import { ts, type Project } from 'ts-morph';
import type { FileChange } from '../changeset.js';
import { PackageResolutions } from './package-resolutions.js';

const BOM = '\uFEFF';

const parentDirs = (files: Iterable<string>) => {
  const dirs = new Set<string>();
  for (const f of files) for (let d = path.dirname(f); d !== path.dirname(d) && !dirs.has(d); d = path.dirname(d)) dirs.add(d);
  return dirs;
};

/**
 * ts-morph creates source files without the module format Node gives them (ESM under "type": "module", else
 * CommonJS), so in a node16/nodenext project its programs miss errors that depend on it (top-level await in a
 * CommonJS file, an extensionless relative import in an ES module). For such projects the check runs on programs
 * built by the compiler's own host: before, the disk with a recipe's earlier texts laid over it; after, that with
 * the transform's texts over it.
 *
 * One instance serves every project step of a run. Each file is parsed once per distinct text and module format
 * (the programs before and after, and the next step's, share the parsed files of everything unchanged), each
 * program is built from the previous one, and when a step starts from exactly the texts the previous step's
 * check ended with, that program (with the diagnostics it already computed) is the next step's program before.
 */
export class NodePrograms {
  private readonly parsed = new Map<string, ts.SourceFile>();
  private readonly disk = new Map<string, string | undefined>();
  private readonly diskHost: ts.CompilerHost;
  private readonly libDir: string;
  /** The program after the last step's change. */
  private last?: ts.Program;
  /** Declaration files of node_modules come from ts-morph's program (see `build`). */
  private shareDeclarations = true;
  /** What files under node_modules import, resolved once for all the programs (see PackageResolutions). */
  private readonly resolutions = new PackageResolutions();

  private constructor(
    private readonly options: ts.CompilerOptions,
    /** ts-morph keeps TypeScript's lib files in memory, not on disk: they are served from its program. */
    private readonly libs: ts.Program,
  ) {
    this.diskHost = ts.createCompilerHost(options, true);
    const libFile = libs.getSourceFiles().find((sf) => libs.isSourceFileDefaultLibrary(sf));
    this.libDir = libFile ? path.dirname(libFile.fileName) : this.diskHost.getDefaultLibLocation!();
  }

  /** A verifier for node16/nodenext projects; none for others (ts-morph's own programs are right there). */
  static for(loaded: ts.Program): NodePrograms | undefined {
    const options = loaded.getCompilerOptions();
    const resolution = options.moduleResolution;
    if (resolution !== ts.ModuleResolutionKind.Node16 && resolution !== ts.ModuleResolutionKind.NodeNext) return undefined;
    return new NodePrograms(options, loaded);
  }

  beforeAndAfter(
    loaded: ts.Program,
    project: Project,
    changes: FileChange[],
    earlier?: Map<string, string | null>,
  ): { before: () => ts.Program; after: ts.Program } {
    const earlierTexts = new Map<string, string | null>();
    for (const [f, t] of earlier ?? []) earlierTexts.set(f, typeof t === 'string' ? (t.startsWith(BOM) ? t.slice(1) : t) : null);
    const last = this.last;
    // Built only when asked for (the check needs it only when the program after has errors).
    let before: ts.Program | undefined;
    const beforeOf = () => {
      if (!before) {
        before = this.build(loaded.getRootFileNames(), earlierTexts, last);
        if (last && sameFiles(before, last)) before = last;
      }
      return before;
    };
    const texts = new Map(earlierTexts);
    for (const c of changes) {
      if (c.status !== 'changed') continue;
      if (c.deleted) texts.set(c.absPath, null);
      if (c.renamedFrom) texts.set(c.renamedFrom, null);
      const sf = project.getSourceFile(c.absPath);
      if (sf && !c.deleted) texts.set(c.absPath, sf.getFullText());
      else if (!sf && typeof c.after === 'string') texts.set(c.absPath, c.after); // a non-source file such as package.json
    }
    // The roots ts-morph's program now has: exactly those the next step's program before starts from.
    const after = this.build(project.getProgram().compilerObject.getRootFileNames(), texts, last);
    this.last = after;
    return { before: beforeOf, after };
  }

  private isLib(f: string) {
    return f.startsWith(this.libDir + '/');
  }

  private diskText(f: string): string | undefined {
    if (!this.disk.has(f))
      this.disk.set(f, this.isLib(f) ? (this.libs.getSourceFile(f)?.text ?? this.diskHost.readFile(f)) : this.diskHost.readFile(f));
    return this.disk.get(f);
  }

  /**
   * A program of the disk with `texts` laid over it (null: the file is gone).
   *
   * Declaration files under node_modules that Node reads as CommonJS (most of @types) are taken from ts-morph's
   * program instead of being parsed again: its copy differs only in carrying no module format, and for a
   * declaration file that the compiler would treat as CommonJS, no format means the same thing (CommonJS
   * resolution of its own imports, not a module forced by format, no ES-module checks) as long as no file of the
   * program imports it in ES-module mode (an ES module or an `import()`): there, a CommonJS target gets a synthetic
   * default import that an unknown one does not. A program where that turns out not to hold is built again
   * without sharing, and so is every later one.
   */
  private build(rootNames: readonly string[], texts: Map<string, string | null>, oldProgram?: ts.Program): ts.Program {
    if (this.shareDeclarations) {
      const shared = new Set<ts.SourceFile>();
      const program = this.buildWith(rootNames, texts, oldProgram, shared);
      if (!shared.size || program.getSourceFiles().every((sf) => shared.has(sf) || this.isLib(sf.fileName) || !importsInEsmMode(sf)))
        return program;
      this.shareDeclarations = false;
    }
    return this.buildWith(rootNames, texts, oldProgram);
  }

  private buildWith(
    rootNames: readonly string[],
    texts: Map<string, string | null>,
    oldProgram: ts.Program | undefined,
    shared?: Set<ts.SourceFile>,
  ): ts.Program {
    const { diskHost } = this;
    const overlaid = parentDirs([...texts].filter(([, t]) => t !== null).map(([f]) => f));
    const textOf = (f: string) => {
      const t = texts.get(f);
      return t === null ? undefined : (t ?? this.diskText(f));
    };
    const host: ts.CompilerHost = {
      ...diskHost,
      directoryExists: (d) => overlaid.has(d) || (diskHost.directoryExists ? diskHost.directoryExists(d) : true),
      getDefaultLibLocation: () => this.libDir,
      getDefaultLibFileName: (o) => path.join(this.libDir, ts.getDefaultLibFileName(o)),
      fileExists: (f) => (texts.has(f) ? texts.get(f) !== null : this.isLib(f) ? this.diskText(f) !== undefined : diskHost.fileExists(f)),
      readFile: textOf,
      getSourceFile: (f, languageVersionOrOptions) => {
        if (!texts.has(f) && this.isLib(f)) {
          const lib = this.libs.getSourceFile(f);
          if (lib) return lib;
        }
        const text = textOf(f);
        if (text === undefined) return undefined;
        const format = typeof languageVersionOrOptions === 'object' ? languageVersionOrOptions.impliedNodeFormat : undefined;
        if (shared && format === ts.ModuleKind.CommonJS && !texts.has(f) && f.includes('/node_modules/') && /\.d\.ts$/.test(f)) {
          const own = this.libs.getSourceFile(f);
          const version =
            typeof languageVersionOrOptions === 'object' ? languageVersionOrOptions.languageVersion : languageVersionOrOptions;
          if (own && own.impliedNodeFormat === undefined && own.languageVersion === version && own.text === text) {
            shared.add(own);
            return own;
          }
        }
        const key = `${format ?? ''}\0${f}`;
        const known = this.parsed.get(key);
        if (known && known.text === text) return known;
        const sf = ts.createSourceFile(f, text, languageVersionOrOptions, true);
        this.parsed.set(key, sf);
        return sf;
      },
    };
    const hooks = this.resolutions.hooks(() => this.options, host, host.getCurrentDirectory(), () => rootNames);
    if (hooks) Object.assign(host, hooks);
    return ts.createProgram({ rootNames, options: this.options, host, ...(oldProgram ? { oldProgram } : {}) });
  }
}

/** The same source file objects in the same order: the same program, for checking. */
function sameFiles(a: ts.Program, b: ts.Program): boolean {
  const fa = a.getSourceFiles();
  const fb = b.getSourceFiles();
  return fa.length === fb.length && fa.every((sf, i) => sf === fb[i]);
}

/**
 * Whether a file imports anything in ES-module mode: it is an ES module, or it has an `import()` (kept as a real
 * import in a CommonJS file under node16/nodenext). Read from the text, so any doubt counts as yes.
 */
function importsInEsmMode(sf: ts.SourceFile): boolean {
  return sf.impliedNodeFormat === ts.ModuleKind.ESNext || /\bimport\s*\(/.test(sf.text);
}
