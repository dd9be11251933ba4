import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Project, ts, type SourceFile } from 'ts-morph';
import type { ChangeSet, FileChange } from '../changeset.js';
import { lineIndex } from '../parse.js';
import type { LoadedTransform, ParserChoice, Report } from '../types.js';
import { keepLineEndings } from './file-engine.js';
import { formatWithPrettier, type FormatMode } from './format.js';
import { toPosix } from '../paths.js';
import { buildAppModel, type AppModel } from '../app-model/index.js';

/** Thrown by a project transform that will not make its change; nothing is changed and the reason is shown. */
export class TransformRefusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'TransformRefusal';
  }
}

export interface ProjectTransformContext<Options = Record<string, unknown>> {
  /** The whole program, loaded from the target's tsconfig.json (or the walked files with allowJs). In memory only. */
  project: Project;
  /** The files selected by the run's paths, ignores and extensions. */
  files: SourceFile[];
  cwd: string;
  options: Options;
  /** Records a finding on a file (at a position or node), grouped by `reason` in summaries. */
  report(file: SourceFile | string, message: string, at?: number | { getStart(): number }, reason?: string): void;
  /** Stops the transform: nothing is changed and the reason is reported. */
  refuse(reason: string): never;
  /** Turns an absolute path into the run's relative display path. */
  relative(absPath: string): string;
  /**
   * Writes (or creates) a file that is not a source file of the program, such as a package.json; the text
   * joins the change set (and the verification's view of the disk) like any edited file.
   */
  writeFile(file: string, text: string): void;
  /**
   * The app model (routes and data flow, src/app-model) of the selected files, built on first use from the project
   * as it is then and memoized for the run.
   */
  appModel(): AppModel;
}

export type ProjectTransformFn<Options = any> = (ctx: ProjectTransformContext<Options>) => void | Promise<void>;

export interface ProjectRunOptions {
  cwd: string;
  files: string[];
  transformOptions: Record<string, unknown>;
  parser: ParserChoice;
  format: FormatMode;
  /** Type-check the affected files before and after, in memory; new diagnostics block the change. */
  verify: boolean;
  /**
   * Texts from earlier steps of a recipe, by absolute path (null: deleted), laid over the files on disk before the
   * transform runs. The change set still compares with the disk: `before` is always what is on disk.
   */
  overlay?: Map<string, string | null>;
}

export interface Diagnostic {
  path: string;
  line?: number;
  column?: number;
  code: number;
  message: string;
}

export type ProjectChangeSet = ChangeSet;

const BOM = '\uFEFF';

/** The tsconfig.json governing `cwd`: in it or the nearest folder above. */
export function findTsconfig(cwd: string): string | undefined {
  // A project in the system temp folder never belongs to a stray tsconfig.json lying in the temp folder itself.
  const tmp = path.resolve(os.tmpdir());
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (dir === tmp && path.resolve(cwd) !== tmp) return undefined;
    const candidate = path.join(dir, 'tsconfig.json');
    if (fs.existsSync(candidate)) return candidate;
    if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return undefined;
  }
}

function commonDir(files: string[]): string | undefined {
  if (!files.length) return undefined;
  let dir = path.dirname(path.resolve(files[0]));
  for (const file of files) {
    const abs = path.resolve(file);
    while (abs !== dir && !abs.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep)) dir = path.dirname(dir);
  }
  return dir;
}

function configIncludesAny(tsconfig: string, files: string[]): boolean {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: () => {},
  });
  if (!parsed) return true; // unreadable config: let ts-morph report it as before
  const included = new Set(parsed.fileNames.map((f) => path.resolve(f)));
  return files.some((f) => included.has(path.resolve(f)));
}

/** Loads the program: tsconfig.json when there is one (plus selected files it leaves out), else the files with allowJs. */
export function loadProject(cwd: string, files: string[]): Project {
  // The project of the files the run selected (`remodel run x examples/app` from a repository root means the
  // app's tsconfig), and only a tsconfig that actually includes some of them.
  let tsconfig = findTsconfig(commonDir(files) ?? cwd);
  if (tsconfig && files.length && !configIncludesAny(tsconfig, files)) tsconfig = undefined;
  const project = tsconfig
    ? new Project({ tsConfigFilePath: tsconfig })
    : new Project({
        compilerOptions: {
          allowJs: true,
          checkJs: true,
          noEmit: true,
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.NodeNext,
          moduleResolution: ts.ModuleResolutionKind.NodeNext,
          jsx: ts.JsxEmit.Preserve,
          esModuleInterop: true,
          skipLibCheck: true,
          strict: false,
        },
      });
  for (const file of files) if (!project.getSourceFile(file)) project.addSourceFileAtPathIfExists(file);
  return project;
}

interface Original {
  path: string;
  raw: string;
  text: string;
  mode: number;
}

/** Runs a project transform and turns the in-memory result into a change set; nothing touches disk. */
export async function runProjectTransform(transform: LoadedTransform, transformName: string, opts: ProjectRunOptions): Promise<ProjectChangeSet> {
  const started = performance.now();
  const cwd = path.resolve(opts.cwd);
  const relative = (abs: string) => toPosix(path.relative(cwd, abs));
  const project = loadProject(cwd, opts.files);
  for (const [file, text] of opts.overlay ?? []) {
    const sf = project.getSourceFile(file);
    if (text === null) {
      if (sf) project.removeSourceFile(sf); // from the in-memory project only; nothing on disk is touched
    }
    else if (sf) sf.replaceWithText(text.startsWith(BOM) ? text.slice(1) : text);
    else if (/\.[cm]?[jt]sx?$/.test(file)) project.createSourceFile(file, text.startsWith(BOM) ? text.slice(1) : text, { overwrite: true });
  }
  const originals = new Map<SourceFile, Original>();
  for (const sf of project.getSourceFiles()) {
    const file = sf.getFilePath();
    if (file.includes('/node_modules/')) continue;
    let raw = sf.getFullText();
    let mode = 0o100644;
    try {
      raw = fs.readFileSync(file, 'utf8');
      mode = fs.statSync(file).mode;
    } catch {
      // not on disk (should not happen for loaded files); compare with the parsed text
    }
    originals.set(sf, { path: file, raw, text: sf.getFullText(), mode });
  }
  const before = opts.verify ? project.getProgram().compilerObject : undefined;
  const loadMs = performance.now() - started;

  const reportsByFile = new Map<string, Report[]>();
  const otherFiles = new Map<string, string>();
  let appModel: AppModel | undefined;
  const ctx: ProjectTransformContext = {
    project,
    files: opts.files.map((f) => project.getSourceFile(f)).filter((sf): sf is SourceFile => Boolean(sf)),
    cwd,
    options: opts.transformOptions,
    relative,
    report(file, message, at, reason) {
      const filePath = typeof file === 'string' ? path.resolve(cwd, file) : file.getFilePath();
      const list = reportsByFile.get(filePath) ?? [];
      const offset = typeof at === 'number' ? at : at?.getStart();
      const text = typeof file === 'string' ? undefined : file.getFullText();
      list.push({ message, ...(offset !== undefined && text ? lineIndex(text)(offset) : {}), ...(reason ? { reason } : {}) });
      reportsByFile.set(filePath, list);
    },
    refuse(reason) {
      throw new TransformRefusal(reason);
    },
    writeFile(file, text) {
      otherFiles.set(path.resolve(cwd, file), text);
    },
    appModel() {
      appModel ??= buildAppModel(project, { root: cwd, files: ctx.files.map((sf) => sf.getFilePath()) });
      return appModel;
    },
  };

  const base = (files: FileChange[], extra: Partial<ProjectChangeSet> = {}): ProjectChangeSet => ({
    transform: transformName,
    cwd,
    files,
    durationMs: performance.now() - started,
    stats: {},
    ...extra,
  });

  const transformStarted = performance.now();
  try {
    await ((transform as { transform: unknown }).transform as ProjectTransformFn)(ctx);
  } catch (err) {
    if (err instanceof TransformRefusal) return base([], { refusal: err.reason });
    throw err;
  }
  const transformMs = performance.now() - transformStarted;
  restoreSpecifierExtensions(project, originals);

  const changes = await collectChanges(project, originals, opts, relative);
  for (const [absPath, after] of otherFiles) {
    const exists = fs.existsSync(absPath);
    const before = exists ? fs.readFileSync(absPath, 'utf8') : null;
    if (before === after) continue;
    changes.push({ absPath, path: relative(absPath), status: 'changed', before, after, ...(exists ? { mode: fs.statSync(absPath).mode } : { created: true }) });
  }
  for (const change of changes) {
    const reports = reportsByFile.get(change.absPath);
    if (reports) change.reports = reports;
  }
  // Every selected file is listed (unchanged ones too, as the file engine does), and so is any file with findings.
  const listed = new Set(changes.map((c) => c.absPath));
  for (const file of new Set([...opts.files.map((f) => path.resolve(f)), ...reportsByFile.keys()])) {
    if (listed.has(file)) continue;
    listed.add(file);
    const reports = reportsByFile.get(file);
    changes.push({ absPath: file, path: relative(file), status: 'unchanged', ...(reports ? { reports } : {}) });
  }

  let newDiagnostics: Diagnostic[] | undefined;
  const verifyStarted = performance.now();
  if (before && changes.some((c) => c.status === 'changed')) {
    newDiagnostics = introducedDiagnostics(before, project, changes, relative, opts.overlay);
  }
  const verifyMs = performance.now() - verifyStarted;
  changes.sort((a, b) => a.path.localeCompare(b.path));
  return base(changes, {
    ...(newDiagnostics ? { newDiagnostics, verified: true } : {}),
    timings: { loadMs, transformMs, verifyMs },
    allOrNothing: true,
  });
}

async function collectChanges(
  project: Project,
  originals: Map<SourceFile, Original>,
  opts: ProjectRunOptions,
  relative: (abs: string) => string,
): Promise<FileChange[]> {
  const changes: FileChange[] = [];
  const finalText = async (absPath: string, text: string, original?: Original) => {
    let out = original ? keepLineEndings(original.text, text) : text;
    if (opts.format !== 'none') {
      const formatted = await formatWithPrettier(out, absPath, opts.format);
      if (formatted.text !== undefined) out = original ? keepLineEndings(original.text, formatted.text) : formatted.text;
    }
    return original?.raw.startsWith(BOM) ? BOM + out : out;
  };
  for (const [sf, original] of originals) {
    if (sf.wasForgotten()) {
      changes.push({ absPath: original.path, path: relative(original.path), status: 'changed', before: original.raw, after: null, deleted: true, mode: original.mode });
      continue;
    }
    const now = sf.getFilePath();
    const text = sf.getFullText();
    if (now === original.path && text === original.text) continue;
    const after = text === original.text ? original.raw : await finalText(now, text, original);
    if (now === original.path) {
      if (after !== original.raw) changes.push({ absPath: now, path: relative(now), status: 'changed', before: original.raw, after, mode: original.mode });
      continue;
    }
    changes.push({
      absPath: now,
      path: relative(now),
      status: 'changed',
      before: original.raw,
      after,
      renamedFrom: original.path,
      mode: original.mode,
    });
  }
  const known = new Set(originals.keys());
  for (const sf of project.getSourceFiles()) {
    if (known.has(sf)) continue;
    const file = sf.getFilePath();
    if (file.includes('/node_modules/')) continue;
    changes.push({ absPath: file, path: relative(file), status: 'changed', before: null, after: await finalText(file, sf.getFullText()), created: true });
  }
  return changes;
}

function flatten(d: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(d.messageText, '\n');
}

function diagnosticsOf(program: ts.Program, files: Set<string>, pathOf: (file: string) => string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!files.has(sf.fileName)) continue;
    const list = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    for (const d of list) {
      const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      out.push({
        path: pathOf(sf.fileName),
        ...(pos ? { line: pos.line + 1, column: pos.character + 1 } : {}),
        code: d.code,
        message: flatten(d),
      });
    }
  }
  return out;
}

/**
 * Type-checks only the affected files, before (the program as loaded, kept untouched) and after, and returns
 * the diagnostics that are new. Affected: every changed, created or moved file, and every file whose imports
 * mention a moved or deleted file's name (an import left pointing at it would now fail). Existing errors are
 * matched by file, code and message (not position, which edits shift) and never count against the change.
 */
function introducedDiagnostics(
  loaded: ts.Program,
  project: Project,
  changes: FileChange[],
  relative: (abs: string) => string,
  earlier?: Map<string, string | null>,
): Diagnostic[] {
  let before = loaded;
  let after = project.getProgram().compilerObject;
  const node = nodeFormatPrograms(loaded, project, changes, earlier);
  if (node) ({ before, after } = node);
  const touched = new Set<string>();
  const movedAway = new Map<string, string>(); // original path → new path ('' when deleted)
  for (const c of changes) {
    if (c.status !== 'changed') continue;
    touched.add(c.absPath);
    if (c.deleted) movedAway.set(c.absPath, '');
    if (c.renamedFrom) movedAway.set(c.renamedFrom, c.absPath);
  }
  // Dependents of every changed file: removing or renaming an export breaks importers that did not change.
  const targets = new Set([...touched, ...movedAway.keys()].map(withoutExtension));
  const stems = new Set([...targets].map((t) => path.basename(t)));
  // A dependent that re-exports (a barrel) passes the change on: its own importers are dependents too.
  const candidates = after.getSourceFiles().filter((sf) => !sf.fileName.includes('/node_modules/'));
  for (let grew = targets.size > 0; grew; ) {
    grew = false;
    for (const sf of candidates) {
      if (touched.has(sf.fileName) || !importsAny(sf, targets, stems)) continue;
      touched.add(sf.fileName);
      if (/\bexport\s*(\*|\{[^}]*\}\s*from|type\s*\{[^}]*\}\s*from)/.test(sf.text)) {
        const t = withoutExtension(sf.fileName);
        targets.add(t);
        stems.add(path.basename(t));
        grew = true;
      }
    }
  }
  // The same files as they were: original paths of moved files, importers by their (unchanged) paths.
  const newToOld = new Map<string, string>();
  for (const [oldPath, newPath] of movedAway) if (newPath) newToOld.set(newPath, oldPath);
  const beforeFiles = new Set<string>();
  for (const f of touched) beforeFiles.add(newToOld.get(f) ?? f);
  for (const oldPath of movedAway.keys()) beforeFiles.add(oldPath);

  // Diagnostics of a moved file are compared under its new path; of a deleted one, never (it is gone).
  const beforeDiags = diagnosticsOf(before, beforeFiles, (f) => relative(movedAway.get(f) || f));
  const afterDiags = diagnosticsOf(after, touched, relative);
  const key = (d: Diagnostic) => `${d.path}\0${d.code}\0${d.message}`;
  const remaining = new Map<string, number>();
  for (const d of beforeDiags) remaining.set(key(d), (remaining.get(key(d)) ?? 0) + 1);
  const introduced: Diagnostic[] = [];
  // A project without Node's type declarations already fails on `require`/`process`; that the changed code names
  // other Node globals or `node:` modules says nothing about the change (a JavaScript package without @types/node).
  const lacksNodeTypes = beforeDiags.some((d) => NODE_TYPES_MISSING.has(d.code));
  for (const d of afterDiags) {
    if (lacksNodeTypes && NODE_TYPES_MISSING.has(d.code)) continue;
    // TS1120 ("an export assignment cannot have modifiers") in JavaScript only comes from JSDoc tags such as
    // `@public` above `module.exports = x`, read as modifiers once that line becomes `export default x`.
    if (d.code === 1120 && /\.[cm]?jsx?$/.test(d.path)) continue;
    const n = remaining.get(key(d)) ?? 0;
    if (n > 0) remaining.set(key(d), n - 1);
    else introduced.push(d);
  }
  return introduced;
}

/** "Cannot find name 'require' / module 'node:x'. Do you need to install type definitions for node?" */
const NODE_TYPES_MISSING = new Set([2580, 2591, 2592]);

const withoutExtension = (file: string) => file.replace(/\.(d\.)?[cm]?[jt]sx?$/, '').replace(/\/index$/, '');

/**
 * Whether a file imports (or re-exports, or `import()`s) one of `targets` (paths without extension). Relative
 * specifiers are resolved by path; others (path aliases) match when their last segment is a target's file name.
 * Uses the compiler's cheap pre-processing scanner, not a type check.
 */
function importsAny(sf: ts.SourceFile, targets: Set<string>, stems: Set<string>): boolean {
  const { importedFiles } = ts.preProcessFile(sf.text, true, true);
  const dir = path.dirname(sf.fileName);
  for (const { fileName: spec } of importedFiles) {
    if (spec.startsWith('.')) {
      if (targets.has(withoutExtension(path.resolve(dir, spec)))) return true;
    } else if (stems.has(path.basename(withoutExtension(spec)))) {
      return true;
    }
  }
  return false;
}

/**
 * ts-morph writes extensionless relative specifiers when it re-points imports (for example after
 * `sourceFile.move()`), which NodeNext/ESM projects reject. Specifiers that a transform introduced get the
 * extension Node needs back (`.js` for `.ts`, `.mjs` for `.mts`, ...) when the project resolves like Node
 * (module resolution node16/nodenext) or the file already wrote its relative imports with extensions.
 */
function restoreSpecifierExtensions(project: Project, originals: Map<SourceFile, Original>): void {
  const resolution = project.getCompilerOptions().moduleResolution;
  const nodeStyle = resolution === ts.ModuleResolutionKind.Node16 || resolution === ts.ModuleResolutionKind.NodeNext;
  const hasExtension = (spec: string) => /\.[cm]?[jt]sx?$/.test(spec);
  for (const sf of project.getSourceFiles()) {
    const original = originals.get(sf);
    if (original && original.text === sf.getFullText()) continue;
    const before = new Set(original ? ts.preProcessFile(original.text, true, true).importedFiles.map((f) => f.fileName) : []);
    const beforeRelative = [...before].filter((spec) => spec.startsWith('.'));
    const fileUsesExtensions = beforeRelative.length > 0 && beforeRelative.every(hasExtension);
    if (!nodeStyle && !fileUsesExtensions) continue;
    for (const decl of [...sf.getImportDeclarations(), ...sf.getExportDeclarations()]) {
      const literal = decl.getModuleSpecifier();
      const spec = decl.getModuleSpecifierValue();
      if (!literal || !spec || !spec.startsWith('.') || hasExtension(spec) || before.has(spec)) continue;
      const target = decl.getModuleSpecifierSourceFile();
      if (!target) continue;
      const targetPath = target.getFilePath();
      const ext = path.extname(targetPath);
      const runtimeExt = ext === '.mts' ? '.mjs' : ext === '.cts' ? '.cjs' : ext === '.ts' || ext === '.tsx' ? '.js' : ext;
      const resolvedNoExt = path.resolve(path.dirname(sf.getFilePath()), spec);
      const isDirectoryImport = resolvedNoExt !== targetPath.slice(0, -ext.length);
      const next = isDirectoryImport ? `${spec.replace(/\/$/, '')}/index${runtimeExt}` : `${spec}${runtimeExt}`;
      const quote = literal.getText().startsWith("'") ? "'" : '"';
      literal.replaceWithText(`${quote}${next}${quote}`);
    }
  }
}

/**
 * ts-morph creates source files without the module format Node gives them (ESM under "type": "module", else
 * CommonJS), so in a node16/nodenext project its programs miss errors that depend on it (top-level await in a
 * CommonJS file, an extensionless relative import in an ES module). For such projects the check runs on programs built by the compiler's own host: the one
 * before from disk (which nothing has touched), the one after reusing it with the transform's texts laid over.
 */
function nodeFormatPrograms(
  before: ts.Program,
  project: Project,
  changes: FileChange[],
  earlier?: Map<string, string | null>,
): { before: ts.Program; after: ts.Program } | undefined {
  const options = before.getCompilerOptions();
  const resolution = options.moduleResolution;
  if (resolution !== ts.ModuleResolutionKind.Node16 && resolution !== ts.ModuleResolutionKind.NodeNext) return undefined;
  const diskHost = ts.createCompilerHost(options, true);
  // ts-morph keeps TypeScript's lib files in memory, not on disk: serve them from its program.
  const libFile = before.getSourceFiles().find((sf) => before.isSourceFileDefaultLibrary(sf));
  const libDir = libFile ? path.dirname(libFile.fileName) : diskHost.getDefaultLibLocation!();
  const isLib = (f: string) => f.startsWith(libDir + '/');
  // "Before" is the disk with the texts of a recipe's earlier steps laid over it.
  const earlierText = (f: string) => {
    const t = earlier?.get(f);
    return typeof t === 'string' ? (t.startsWith(BOM) ? t.slice(1) : t) : undefined;
  };
  const earlierGone = (f: string) => earlier?.get(f) === null;
  const earlierDirs = new Set(
    [...(earlier ?? [])].filter(([, t]) => t !== null).flatMap(([f]) => {
      const dirs: string[] = [];
      for (let d = path.dirname(f); d !== path.dirname(d); d = path.dirname(d)) dirs.push(d);
      return dirs;
    }),
  );
  const host: ts.CompilerHost = {
    ...diskHost,
    directoryExists: (d) => earlierDirs.has(d) || (diskHost.directoryExists ? diskHost.directoryExists(d) : true),
    getDefaultLibLocation: () => libDir,
    getDefaultLibFileName: (o) => path.join(libDir, ts.getDefaultLibFileName(o)),
    fileExists: (f) =>
      earlierText(f) !== undefined || (!earlierGone(f) && (isLib(f) ? Boolean(before.getSourceFile(f)) || diskHost.fileExists(f) : diskHost.fileExists(f))),
    readFile: (f) => earlierText(f) ?? (earlierGone(f) ? undefined : isLib(f) ? before.getSourceFile(f)?.text ?? diskHost.readFile(f) : diskHost.readFile(f)),
    getSourceFile: (f, v, onError, create) => {
      const text = earlierText(f);
      if (text !== undefined) return ts.createSourceFile(f, text, v, true);
      if (earlierGone(f)) return undefined;
      return (isLib(f) ? before.getSourceFile(f) : undefined) ?? diskHost.getSourceFile(f, v, onError, create);
    },
  };
  const realBefore = ts.createProgram({ rootNames: before.getRootFileNames(), options, host });
  const texts = new Map<string, string>();
  const gone = new Set<string>();
  for (const c of changes) {
    if (c.status !== 'changed') continue;
    if (c.deleted) gone.add(c.absPath);
    if (c.renamedFrom) gone.add(c.renamedFrom);
    const sf = project.getSourceFile(c.absPath);
    if (sf && !c.deleted) texts.set(c.absPath, sf.getFullText());
    else if (!sf && typeof c.after === 'string') texts.set(c.absPath, c.after); // a non-source file such as package.json
  }
  const newDirs = new Set([...texts.keys()].flatMap((f) => {
    const dirs: string[] = [];
    for (let d = path.dirname(f); d !== path.dirname(d); d = path.dirname(d)) dirs.push(d);
    return dirs;
  }));
  const overlay: ts.CompilerHost = {
    ...host,
    directoryExists: (d) => newDirs.has(d) || (host.directoryExists ? host.directoryExists(d) : true),
    fileExists: (f) => texts.has(f) || (!gone.has(f) && host.fileExists(f)),
    readFile: (f) => texts.get(f) ?? (gone.has(f) ? undefined : host.readFile(f)),
    getSourceFile: (f, languageVersionOrOptions, onError, shouldCreate) => {
      const text = texts.get(f);
      if (text !== undefined) return ts.createSourceFile(f, text, languageVersionOrOptions, true);
      if (gone.has(f)) return undefined;
      // Unchanged files are the very objects of the program before, so the compiler reuses them.
      return realBefore.getSourceFile(f) ?? host.getSourceFile(f, languageVersionOrOptions, onError, shouldCreate);
    },
  };
  const rootNames = project
    .getSourceFiles()
    .map((sf) => sf.getFilePath() as string)
    .filter((f) => !f.includes('/node_modules/'));
  const realAfter = ts.createProgram({ rootNames, options, host: overlay, oldProgram: realBefore });
  return { before: realBefore, after: realAfter };
}
