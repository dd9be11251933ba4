import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Project, ts, type SourceFile } from 'ts-morph';
import type { ChangeSet, FileChange } from '../changeset.js';
import { lineIndex, parserFor } from '../parse.js';
import type { LoadedTransform, ParserChoice, Report } from '../types.js';
import { keepLineEndings, parseErrorOf } from './file-engine.js';
import { formatWithPrettier, type FormatMode } from './format.js';
import { toPosix } from '../paths.js';
import { UsageError } from '../errors.js';
import { isNotUtf8 } from '../read-source.js';
import { checkTsconfig } from './tsconfig-check.js';
import { compilerDefaultsFor } from './compiler-defaults.js';
import { buildAppModel, type AppModel } from '../app-model/index.js';
import { checkReportedReason } from '../reasons.js';
import { NodePrograms } from './node-programs.js';
import { PackageResolutions } from './package-resolutions.js';
import { ColdChecks, fileDiagnostics, ProgramChecks, unmatchedDiagnostics, type FileDiagnostics } from './file-diagnostics.js';

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
   * The text of any file as this run sees it (a package.json, a README, a source file): the program's current text
   * for its source files (this step's edits included), else what this step wrote with `writeFile`, else an earlier
   * recipe step's text, else the disk. `undefined` when there is no such file or an earlier step deleted it.
   */
  readFile(file: string): string | undefined;
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
  /**
   * Shared by the project steps of one recipe: the loaded program (and the verifier's parsed files and last
   * program) pass from one step to the next instead of being loaded and checked again. Create one `{}` per run.
   */
  session?: ProjectSession;
  /** Told when the run moves to loading, transforming and verifying (progress on a terminal). */
  onPhase?: (phase: 'load' | 'transform' | 'verify') => void;
}

/** What one project step hands the next (opaque to callers: pass the same object to every step of a run). */
export interface ProjectSession {
  state?: SessionState;
}

interface SessionState {
  /** The folder and selected files the project was loaded for: another selection loads afresh. */
  key: string;
  project: Project;
  /** Text of every (non-node_modules) source file as loaded from disk, before any overlay. */
  loaded: Map<string, string>;
  /** Verifier of node16/nodenext projects: its parsed files and the program after the last step. */
  node?: NodePrograms;
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

function configIncludesAny(parsed: ts.ParsedCommandLine | undefined, files: string[]): boolean {
  if (!parsed) return true; // unreadable config: let ts-morph report it as before
  const included = new Set(parsed.fileNames.map((f) => path.resolve(f)));
  return files.some((f) => included.has(path.resolve(f)));
}

/** Loads the program: tsconfig.json when there is one (plus selected files it leaves out), else the files with allowJs. */
export function loadProject(cwd: string, files: string[]): Project {
  // The project of the files the run selected (`remodel run x examples/app` from a repository root means the
  // app's tsconfig), and only a tsconfig that actually includes some of them.
  let tsconfig = findTsconfig(commonDir(files) ?? cwd);
  if (!tsconfig) {
    // TypeScript files whose own tsconfig.json (`server/tsconfig.json`, strict) governs none of the other files:
    // checked with the defaults instead, their types would lose `| undefined` and the check would see nothing wrong
    const owned = files.filter((f) => /\.[cm]?tsx?$/.test(f) && !/\.d\.[cm]?ts$/.test(f)).flatMap((f) => findTsconfig(path.dirname(path.resolve(f))) ?? []);
    if (owned.length) {
      const configs = [...new Set(owned)].map((c) => toPosix(path.relative(cwd, c)));
      throw new UsageError(`the TypeScript files of this run belong to ${configs.join(', ')}, which does not govern the other files: run remodel on ${configs.length === 1 ? `the folder of ${configs[0]}` : 'one project folder at a time'} (its type checks must use that project's compiler options)`);
    }
  }
  const parsed = tsconfig ? checkTsconfig(tsconfig, cwd) : undefined;
  if (tsconfig && files.length && !configIncludesAny(parsed, files)) tsconfig = undefined;
  // The files the tsconfig's files reach are added once the project's program is the language service's (see
  // oneProgram): ts-morph would otherwise build its own program for that, and the language service a second one.
  const project = withPackageResolutions(() => tsconfig
    ? new Project({ tsConfigFilePath: tsconfig, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true, compilerOptions: compilerDefaultsFor(tsconfig, parsed?.options ?? {}) })
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
      }));
  oneProgram(project);
  fileStartIndentation(project);
  sourceFileOptions(project);
  packageLookupsOnce(project);
  // (the tsconfig's files are added once ts-morph creates source files with their options: see sourceFileOptions)
  if (tsconfig) {
    project.addSourceFilesFromTsConfig(tsconfig);
    project.resolveSourceFileDependencies();
  }
  for (const file of files) if (!project.getSourceFile(file)) project.addSourceFileAtPathIfExists(file);
  return project;
}

/**
 * Makes the project that `make` creates resolve what files under node_modules import once for its life (see
 * PackageResolutions): its language service builds a new program after every edit. ts-morph creates the language
 * service's host in its constructor (@ts-morph/common's createHosts), which is wrapped for that moment only. A
 * ts-morph that creates its hosts otherwise, or a host with a resolution of its own, is left as it is.
 */
function withPackageResolutions(make: () => Project): Project {
  type Hosts = { languageServiceHost: ts.LanguageServiceHost };
  let common: { createHosts?: (options: unknown) => Hosts } | undefined;
  try {
    const require = createRequire(import.meta.url);
    common = createRequire(require.resolve('ts-morph'))('@ts-morph/common') as typeof common;
  } catch {
    return make();
  }
  const create = common?.createHosts;
  if (!common || typeof create !== 'function') return make();
  const resolutions = new PackageResolutions();
  common.createHosts = (options) => {
    const hosts = create(options);
    const host = hosts?.languageServiceHost;
    if (host && !host.resolveModuleNames && !host.resolveModuleNameLiterals) {
      const hooks = resolutions.hooks(() => host.getCompilationSettings(), host as ts.ModuleResolutionHost, host.getCurrentDirectory(), () => host.getScriptFileNames());
      if (hooks) Object.assign(host, hooks);
    }
    return hosts;
  };
  try {
    return make();
  } finally {
    common.createHosts = create;
  }
}

const DECLARATION_IN_PACKAGE = /\/node_modules\/.*\.d\.[cm]?ts$/;

/** Projects whose source files carry the module format the compiler gives them (see `sourceFileOptions`). */
const withModuleFormats = new WeakSet<Project>();

const nodeStyleResolution = (options: ts.CompilerOptions) =>
  options.moduleResolution === ts.ModuleResolutionKind.Node16 || options.moduleResolution === ts.ModuleResolutionKind.NodeNext;

type FormatOptions = Pick<ts.CreateSourceFileOptions, 'impliedNodeFormat' | 'setExternalModuleIndicator'>;

/**
 * What ts-morph leaves out when it creates the project's source files (through its document registry, which creates
 * every one of them, and which receives from the language service the options the compiler would parse a file with,
 * then drops them):
 *
 * - Declaration files under node_modules (the packages' and TypeScript's own lib files) are parsed the way tsc parses
 *   them, without the JSDoc that cannot give a type error (JSDocParsingMode.ParseForTypeErrors): in a .d.ts it is
 *   documentation, which no diagnostic, type or reference the transforms ask for depends on, and @types/node and the
 *   lib files are mostly that (about a third of parsing them). The project's own files keep all of theirs (a
 *   transform may read or move it).
 * - Under node16/nodenext, every file gets the module format Node gives it (ESM under "type": "module" or as .mts,
 *   else CommonJS) and is a module or a script as the compiler decides for that format (moduleDetection): the
 *   language service's own answer for the files it creates, the same computation for those ts-morph creates (loaded
 *   from the tsconfig, edited, created by a transform). Without it, the program would miss what depends on the format
 *   (top-level await in a CommonJS file, an extensionless relative import in an ES module, the default import of a
 *   CommonJS package from an ES module), and the check after a step needed programs of its own (NodePrograms). The
 *   format comes from the package.json files on disk, which a run reads once: a step whose change or earlier steps'
 *   texts include a package.json is checked on NodePrograms' programs still (see `formatsHold`).
 */
function sourceFileOptions(project: Project): void {
  type Registry = {
    createOrUpdateSourceFile(fileName: string, settings: ts.CompilerOptions, ...rest: unknown[]): ts.SourceFile;
    acquireDocument(fileName: string, settings: ts.CompilerOptions, ...rest: unknown[]): ts.SourceFile;
    acquireDocumentWithKey(fileName: string, path: unknown, settings: ts.CompilerOptions, key: unknown, snapshot: unknown, version: unknown, kind: unknown, given?: unknown): ts.SourceFile;
    updateDocumentWithKey(fileName: string, path: unknown, settings: ts.CompilerOptions, key: unknown, snapshot: unknown, version: unknown, kind: unknown, given?: unknown): ts.SourceFile;
  };
  const registry = (project as unknown as { _context?: { compilerFactory?: { documentRegistry?: Registry } } })._context?.compilerFactory?.documentRegistry;
  if (!registry || ['createOrUpdateSourceFile', 'acquireDocument', 'acquireDocumentWithKey', 'updateDocumentWithKey'].some((m) => typeof registry[m as keyof Registry] !== 'function'))
    return;
  const options = project.getCompilerOptions();
  const formatOf = nodeStyleResolution(options) ? moduleFormats(project, options) : undefined;
  // ts-morph hands `settings.target` to ts.createSourceFile as its language version (or options).
  const settingsFor = (fileName: string, settings: ts.CompilerOptions, given?: unknown): ts.CompilerOptions => {
    if (typeof settings?.target === 'object') return settings;
    const docs = DECLARATION_IN_PACKAGE.test(fileName);
    const format = formatOf?.(fileName, given);
    if (!docs && !format) return settings;
    const target: ts.CreateSourceFileOptions = {
      languageVersion: settings?.target ?? ts.ScriptTarget.Latest,
      ...(docs ? { jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors } : {}),
      ...format,
    };
    return { ...settings, target } as unknown as ts.CompilerOptions;
  };
  const create = registry.createOrUpdateSourceFile.bind(registry);
  const acquire = registry.acquireDocument.bind(registry);
  registry.createOrUpdateSourceFile = (fileName, settings, ...rest) => create(fileName, settingsFor(fileName, settings), ...rest);
  registry.acquireDocument = (fileName, settings, ...rest) => acquire(fileName, settingsFor(fileName, settings), ...rest);
  // ts-morph's own versions of these two call acquireDocument without the options the language service gives.
  registry.acquireDocumentWithKey = registry.updateDocumentWithKey = (fileName, _path, settings, _key, snapshot, version, kind, given) =>
    acquire(fileName, settingsFor(fileName, settings, given), snapshot, version, kind);
  if (formatOf) withModuleFormats.add(project);
}

/**
 * The module format of a file as the compiler computes it for a program of `options` (its getCreateSourceFileOptions):
 * the language service's answer when it gives one, else from the extension and the nearest package.json's "type",
 * read through the project's file system.
 */
function moduleFormats(project: Project, options: ts.CompilerOptions): ((fileName: string, given?: unknown) => FormatOptions) | undefined {
  const indicator = (ts as unknown as { getSetExternalModuleIndicator?: (o: ts.CompilerOptions) => (file: ts.SourceFile) => void }).getSetExternalModuleIndicator;
  if (typeof indicator !== 'function' || typeof ts.getImpliedNodeFormatForFile !== 'function') return undefined;
  const setExternalModuleIndicator = indicator(options);
  const host = project.getModuleResolutionHost();
  const packageJsons = ts.createModuleResolutionCache(project.getFileSystem().getCurrentDirectory(), (f) => f, options).getPackageJsonInfoCache();
  return (fileName, given) => {
    if (given && typeof given === 'object' && 'impliedNodeFormat' in given) {
      const { impliedNodeFormat, setExternalModuleIndicator: own } = given as FormatOptions;
      return { impliedNodeFormat, setExternalModuleIndicator: own ?? setExternalModuleIndicator };
    }
    return { impliedNodeFormat: ts.getImpliedNodeFormatForFile(fileName, packageJsons, host, options), setExternalModuleIndicator };
  };
}

/**
 * Whether the check after a step can run on the project's own program: its files carry their module format (or
 * none is needed), and neither the step nor an earlier one changed a package.json, whose "type" the formats were
 * read from.
 */
function formatsHold(project: Project, changes: FileChange[], earlier: Map<string, string | null> | undefined): boolean {
  if (!withModuleFormats.has(project)) return false;
  const isPackageJson = (f: string | undefined) => f !== undefined && path.basename(f) === 'package.json';
  return !changes.some((c) => isPackageJson(c.absPath) || isPackageJson(c.renamedFrom)) && ![...(earlier?.keys() ?? [])].some(isPackageJson);
}

const IN_PACKAGES = /\/node_modules(\/|$)/;

/**
 * Every program built after an edit resolves imports again: all of them when a file was created or deleted (the
 * compiler reuses no resolution then), those of the edited files otherwise. Most of that is probing node_modules
 * (does this folder, file, package.json exist, where does this link point, what does this package.json say), which
 * nothing in a run changes: the project's files are edited in memory only, and node_modules never. So the answers
 * about paths under node_modules are kept for the project's life; everything else still asks the disk each time.
 */
function packageLookupsOnce(project: Project): void {
  const host = project.getFileSystem();
  const memo = <T>(fn: (p: string) => T): ((p: string) => T) => {
    const known = new Map<string, T>();
    return (p) => {
      if (!IN_PACKAGES.test(p)) return fn(p);
      let answer = known.get(p);
      if (answer === undefined && !known.has(p)) known.set(p, (answer = fn(p)));
      return answer as T;
    };
  };
  host.fileExistsSync = memo(host.fileExistsSync.bind(host));
  host.directoryExistsSync = memo(host.directoryExistsSync.bind(host));
  host.realpathSync = memo(host.realpathSync.bind(host));
  // Only package.json texts: a declaration file is read once anyway, and keeping its text would double its memory.
  const readFile = host.readFileSync.bind(host);
  const packageJson = memo((p: string) => readFile(p));
  host.readFileSync = (p, encoding) => (encoding === undefined || encoding === 'utf-8' || encoding === 'utf8') && p.endsWith('/package.json') ? packageJson(p) : readFile(p, encoding);
}

/**
 * ts-morph keeps two programs of the same source files: its own (`getProgram()`, `getTypeChecker()`, diagnostics) and
 * its language service's (`findReferences`, quick info), each with its own type checker, so every type that both are
 * asked about is resolved twice, and both are built again after every edit. Here the project's program is the
 * language service's: one program and one checker per state of the files, shared by the app model, the transforms'
 * type queries and references, and the check. (The language service brings its program up to date on each call,
 * from the same source files and versions ts-morph's program is built from.)
 */
function oneProgram(project: Project): Project {
  const service = project.getLanguageService().compilerObject;
  Object.defineProperty(project.getProgram(), 'compilerObject', { configurable: true, get: () => service.getProgram()! });
  return project;
}

/**
 * ts-morph asks the language service for the indentation where a node starts before every `replaceWithText` (and
 * other edits); the language service answers from a syntax tree of its own, which it parses again whenever the file
 * changed since it last looked: a whole parse of the file per edited file, for `sourceFile.replaceWithText(text)`
 * (the engine's session hand-over and restored extensions, introduce-dto's and extract-service's writes) only to learn
 * the indentation at the file's first token. There TypeScript's answer does not depend on the tree: no token
 * precedes the position and it is in no comment, so it is the base indentation (SmartIndenter.getIndentation: 0 with
 * indentStyle None, else baseIndentSize or 0). That case is answered here from ts-morph's current text of the file
 * (the text the language service would parse); any other position, file or settings go to the language service.
 */
function fileStartIndentation(project: Project): void {
  const service = project.getLanguageService().compilerObject;
  const ask = service.getIndentationAtPosition.bind(service);
  service.getIndentationAtPosition = (fileName, position, options) => {
    const sf = project.getSourceFile(fileName)?.compilerNode;
    // Settings with a key not in camelCase are converted by the language service first (toEditorSettings).
    const camelCase = Object.keys(options).every((k) => !k.length || k[0] === k[0].toLowerCase());
    if (!sf || !camelCase || position >= sf.text.length || position !== sf.getStart(sf)) return ask(fileName, position, options);
    const settings = options as ts.EditorSettings;
    return settings.indentStyle === ts.IndentStyle.None ? 0 : settings.baseIndentSize || 0;
  };
}

const sessionKey = (cwd: string, files: string[]) => `${path.resolve(cwd)}\0${files.map((f) => path.resolve(f)).join('\0')}`;

/**
 * A session whose first step starts from `project`, which the caller loaded with `loadProject(cwd, files)` and has
 * not changed since (it may have type-checked it: the step then reuses that program and its diagnostics instead of
 * loading and checking the same files again). The fixture harness uses it for the input it type-checks anyway.
 */
export function sessionWithProject(project: Project, cwd: string, files: string[]): ProjectSession {
  return { state: { key: sessionKey(cwd, files), project, loaded: loadedTexts(project) } };
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
  // meta.prefilter: when no selected file's text (after earlier recipe steps) passes it, the step cannot change
  // anything, so the program is never loaded and every selected file is unchanged.
  const prefilter = transform.meta.prefilter;
  if (prefilter && !opts.files.some((f) => prefilter(overlaidText(path.resolve(f), opts.overlay) ?? ''))) {
    const files = opts.files.map((f): FileChange => ({ absPath: path.resolve(f), path: relative(path.resolve(f)), status: 'unchanged' }));
    return { transform: transformName, cwd, files, durationMs: performance.now() - started, stats: {}, allOrNothing: true };
  }
  opts.onPhase?.('load');
  // A recipe's earlier project step hands over its program: brought to exactly what a fresh load with this
  // overlay would give (disk texts as loaded, earlier steps' texts over them), it saves loading and binding again.
  const key = sessionKey(cwd, opts.files);
  const handed = opts.session?.state?.key === key ? opts.session.state : undefined;
  if (opts.session) opts.session.state = undefined; // given back only when this step ends cleanly
  const project = handed?.project ?? loadProject(cwd, opts.files);
  const loaded = handed?.loaded ?? loadedTexts(project);
  const stripBom = (text: string) => (text.startsWith(BOM) ? text.slice(1) : text);
  if (handed) {
    for (const sf of project.getSourceFiles()) {
      const file = sf.getFilePath();
      if (file.includes('/node_modules/') || opts.overlay?.has(file)) continue;
      const text = loaded.get(file);
      if (text === undefined) project.removeSourceFile(sf);
      else if (sf.getFullText() !== text) sf.replaceWithText(text);
    }
    for (const [file, text] of loaded) {
      if (!opts.overlay?.has(file) && !project.getSourceFile(file)) project.createSourceFile(file, text, { overwrite: true });
    }
  }
  for (const [file, text] of opts.overlay ?? []) {
    const sf = project.getSourceFile(file);
    if (text === null) {
      if (sf) project.removeSourceFile(sf); // from the in-memory project only; nothing on disk is touched
    }
    else if (sf) {
      if (sf.getFullText() !== stripBom(text)) sf.replaceWithText(stripBom(text));
    }
    else if (/\.[cm]?[jt]sx?$/.test(file)) project.createSourceFile(file, stripBom(text), { overwrite: true });
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
      checkReportedReason(transform.meta, reason);
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
    readFile(file) {
      const abs = path.resolve(cwd, file);
      const sf = project.getSourceFile(abs);
      if (sf) return sf.getFullText();
      if (otherFiles.has(abs)) return otherFiles.get(abs);
      return overlaidText(abs, opts.overlay);
    },
    appModel() {
      appModel ??= buildAppModel(project, { root: cwd, files: ctx.files.map((sf) => sf.getFilePath()), readTypes: false });
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
  opts.onPhase?.('transform');
  try {
    await ((transform as { transform: unknown }).transform as ProjectTransformFn)(ctx);
  } catch (err) {
    if (err instanceof TransformRefusal) return base([], { refusal: err.reason });
    // A crash of the transform (its own bug, or ts-morph refusing an edit: a file it creates exists already) is a
    // failed run with a report, like a crash on one file of a per-file transform, not an internal error of remodel.
    // Nothing of the project changes: the first selected file carries the error (adversarial round 18, F12).
    const e = err as Error;
    const error = { message: `project transform ${transformName} crashed, so nothing was changed: ${e?.message ?? String(err)}`, ...(e?.stack ? { stack: e.stack } : {}) };
    const paths = opts.files.length ? opts.files.map((f) => path.resolve(f)) : [cwd];
    return base(paths.map((abs, i): FileChange => ({ absPath: abs, path: relative(abs), status: i === 0 ? 'error' : 'unchanged', ...(i === 0 ? { error } : {}) })), { allOrNothing: true });
  }
  const transformMs = performance.now() - transformStarted;
  restoreSpecifierExtensions(project, originals);

  const changes = await collectChanges(project, originals, opts, relative);
  // The compiler read a file that is not valid UTF-8 lossily: rewriting it would lose its bytes, so nothing changes.
  const notUtf8 = changes.find((c) => c.status === 'changed' && c.before != null && isNotUtf8(c.renamedFrom ?? c.absPath));
  if (notUtf8) return base([], { refusal: `${notUtf8.path} is not valid UTF-8 (not-utf8); the change would rewrite it, so nothing was changed` });
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

  // Without the type check (--no-verify), which reports syntax errors too, the output of every changed JavaScript or
  // TypeScript file must still parse, as the file engine requires; when one does not, nothing of the project is
  // written (adversarial round 18, F9).
  if (!before) {
    for (const c of changes) {
      if (c.status !== 'changed' || c.after == null || !/\.[cm]?[jt]sx?$/.test(c.absPath)) continue;
      const parser = parserFor(c.absPath, opts.parser ?? 'auto');
      const error = parseErrorOf(c.after, parser);
      if (!error || (c.before != null && parseErrorOf(c.before, parser))) continue;
      const failed: FileChange = { absPath: c.absPath, path: c.path, status: 'error', reason: 'output-does-not-parse', error: { message: `transform ${transformName} produced output that does not parse (${error.message}); nothing of the project is written`, line: error.line, column: error.column } };
      const rest = changes.filter((x) => x !== c && (opts.files.some((f) => path.resolve(f) === x.absPath) || x.reports)).map((x): FileChange => ({ absPath: x.renamedFrom ?? x.absPath, path: x.renamedFrom ? relative(x.renamedFrom) : x.path, status: 'unchanged', ...(x.reports ? { reports: x.reports } : {}) }));
      return base([failed, ...rest].sort((a, b) => a.path.localeCompare(b.path)), { allOrNothing: true });
    }
  }

  let newDiagnostics: Diagnostic[] | undefined;
  const verifyStarted = performance.now();
  if (before) opts.onPhase?.('verify');
  let node = handed?.node;
  if (before && changes.some((c) => c.status === 'changed')) {
    // The project's program when its files carry their module format; else, under node16/nodenext, programs built
    // apart with the formats (NodePrograms).
    const own = formatsHold(project, changes, opts.overlay);
    if (!own) node ??= NodePrograms.for(before);
    newDiagnostics = introducedDiagnostics(before, project, changes, relative, opts.overlay, own ? undefined : node);
  }
  const verifyMs = performance.now() - verifyStarted;
  if (opts.session) opts.session.state = { key, project, loaded, ...(node ? { node } : {}) };
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

/**
 * The diagnostics of `files` in `program`: for ts-morph's programs, whose source files the transform's lookups have
 * used, through the project's kept diagnostics or a ProgramChecks (as a checker that saw nothing else gives them);
 * else (node16 programs, built apart) from the program's own checker.
 */
function diagnosticsOf(
  program: ts.Program,
  files: Set<string>,
  pathOf: (file: string) => string,
  from: FileDiagnostics | ProgramChecks | ColdChecks | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!files.has(sf.fileName)) continue;
    const list =
      from instanceof ProgramChecks || from instanceof ColdChecks ? from.of(sf) : from ? from.of(program, sf.fileName) : [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
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
  earlier: Map<string, string | null> | undefined,
  node: NodePrograms | undefined,
): Diagnostic[] {
  let before = (): ts.Program => loaded;
  let after: ts.Program;
  if (node) ({ before, after } = node.beforeAndAfter(loaded, project, changes, earlier));
  else after = project.getProgram().compilerObject;
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
  const resolve = moduleResolver(after);
  for (let grew = targets.size > 0; grew; ) {
    grew = false;
    for (const sf of candidates) {
      if (touched.has(sf.fileName) || !importsAny(sf, targets, stems, resolve)) continue;
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
  const beforePath = (f: string) => relative(movedAway.get(f) || f);
  // ts-morph's program (not the node16 one) is the one a transform may have checked files in already (introduce-dto).
  const afterDiags = diagnosticsOf(after, touched, relative, node ? undefined : fileDiagnostics(project));
  // Only files with errors after the change need their errors before it: with none (the usual case) the program
  // before is never checked, or for node16/nodenext projects never even built. Missing Node types are judged on all.
  if (!afterDiags.length) return [];
  const afterPaths = new Set(afterDiags.map((d) => d.path));
  const needed = afterDiags.some((d) => NODE_TYPES_MISSING.has(d.code)) ? beforeFiles : new Set([...beforeFiles].filter((f) => afterPaths.has(beforePath(f))));
  // The program as loaded is ts-morph's too (unless node16): the transform's lookups may have marked its imports used.
  const beforeProgram = before();
  const beforeDiags = diagnosticsOf(beforeProgram, needed, beforePath, beforeProgram === loaded ? new ProgramChecks(loaded) : undefined);
  // A project without Node's type declarations already fails on `require`/`process`; that the changed code names
  // other Node globals or `node:` modules says nothing about the change (a JavaScript package without @types/node).
  const lacksNodeTypes = beforeDiags.some((d) => NODE_TYPES_MISSING.has(d.code));
  const introduced = newDiagnostics(beforeDiags, afterDiags, lacksNodeTypes);
  if (!introduced.length) return introduced;
  // A second opinion before the change is blocked. The checkers above may have been warmed by the transforms' type
  // queries, and TypeScript words some errors by what it computed before: an object literal's wrong property is
  // reported on the property ("Type 'number' is not assignable to type 'string'") or on the whole literal ("Type
  // '{ …; 'trakt-api-version': number; … }' is not assignable to type 'HeadersInit'"), so one error of the original
  // code looked new after `layered` on hackathon-starter. The files with errors that look new are checked again on
  // both sides by checkers of their own, each starting cold as tsc's does.
  const suspects = new Set(introduced.map((d) => d.path));
  const afterFresh = diagnosticsOf(after, new Set([...touched].filter((f) => suspects.has(relative(f)))), relative, new ColdChecks(after));
  const beforeFresh = diagnosticsOf(beforeProgram, new Set([...beforeFiles].filter((f) => suspects.has(beforePath(f)))), beforePath, new ColdChecks(beforeProgram));
  return newDiagnostics(beforeFresh, afterFresh, lacksNodeTypes);
}

/** The diagnostics after that are not among those before, matched by file, code and message (and counted). */
function newDiagnostics(beforeDiags: Diagnostic[], afterDiags: Diagnostic[], lacksNodeTypes: boolean): Diagnostic[] {
  const judged = afterDiags.filter((d) => {
    if (lacksNodeTypes && NODE_TYPES_MISSING.has(d.code)) return false;
    // TS1120 ("an export assignment cannot have modifiers") in JavaScript only comes from JSDoc tags such as
    // `@public` above `module.exports = x`, read as modifiers once that line becomes `export default x`.
    return !(d.code === 1120 && /\.[cm]?jsx?$/.test(d.path));
  });
  return unmatchedDiagnostics(beforeDiags, judged, (d) => `${d.path}\0${d.code}\0${d.message}`);
}

/** "Cannot find name 'require' / module 'node:x'. Do you need to install type definitions for node?" */
export const NODE_TYPES_MISSING = new Set([2580, 2591, 2592]);

const withoutExtension = (file: string) => file.replace(/\.(d\.)?[cm]?[jt]sx?$/, '').replace(/\/index$/, '');

/**
 * The file of the program a bare specifier (a path alias, a package) lands on, resolved the way the program
 * resolves it (tsconfig paths and baseUrl); undefined when it lands on none. One resolution cache per check.
 */
function moduleResolver(program: ts.Program): (spec: string, from: string) => string | undefined {
  const options = program.getCompilerOptions();
  const host: ts.ModuleResolutionHost = {
    fileExists: (f) => !!program.getSourceFile(f) || ts.sys.fileExists(f),
    readFile: (f) => program.getSourceFile(f)?.text ?? ts.sys.readFile(f),
    directoryExists: (d) => ts.sys.directoryExists(d),
    realpath: ts.sys.realpath,
    getCurrentDirectory: () => program.getCurrentDirectory(),
  };
  const cache = ts.createModuleResolutionCache(program.getCurrentDirectory(), (f) => f, options);
  return (spec, from) => {
    const resolved = ts.resolveModuleName(spec, from, options, host, cache).resolvedModule;
    // Only a file of the program is an answer (a moved file's old path, for one, is not).
    return resolved && program.getSourceFile(resolved.resolvedFileName) ? resolved.resolvedFileName : undefined;
  };
}

/**
 * Whether a file imports (or re-exports, or `import()`s) one of `targets` (paths without extension). Relative
 * specifiers are resolved by path; others (path aliases) by the compiler's module resolution, and when that finds
 * nothing, they match when their last segment is a target's file name (before: always, which made every
 * `@server/routes/x/index` import a dependent of any changed `index.ts`). Uses the compiler's cheap pre-processing
 * scanner, not a type check.
 */
function importsAny(
  sf: ts.SourceFile,
  targets: Set<string>,
  stems: Set<string>,
  resolve: (spec: string, from: string) => string | undefined,
): boolean {
  const { importedFiles } = ts.preProcessFile(sf.text, true, true);
  const dir = path.dirname(sf.fileName);
  for (const { fileName: spec } of importedFiles) {
    if (spec.startsWith('.')) {
      if (targets.has(withoutExtension(path.resolve(dir, spec)))) return true;
    } else if (stems.has(path.basename(withoutExtension(spec)))) {
      const resolved = resolve(spec, sf.fileName);
      if (resolved === undefined || targets.has(withoutExtension(resolved))) return true;
    }
  }
  return false;
}

const RESOLUTION_ORDER = ['.ts', '.tsx', '.d.ts', '.js', '.jsx'];

/** The source file an extensionless relative specifier names: `spec.ts`, ... then `spec/index.ts`, ... */
function relativeTarget(project: Project, from: string, spec: string): SourceFile | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const stem of [base, path.join(base, 'index')]) {
    for (const ext of RESOLUTION_ORDER) {
      const sf = project.getSourceFile(stem + ext);
      if (sf) return sf;
      if (fs.existsSync(stem + ext)) return undefined; // on disk but not in the program: let the compiler decide
    }
    if (stem === base && fs.existsSync(path.join(base, 'package.json'))) return undefined; // a folder with its own entry point
  }
  return undefined;
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
  // Node needs the extension in an ES module only: a file of CommonJS format (a .ts file under a package.json
  // without "type": "module") resolves `../store` as it is, and writes its imports without one
  const options = project.getCompilerOptions();
  const packageJsons = nodeStyle ? ts.createModuleResolutionCache(project.getFileSystem().getCurrentDirectory(), (f) => f, options).getPackageJsonInfoCache() : undefined;
  const esModule = (file: string) => !packageJsons || typeof ts.getImpliedNodeFormatForFile !== 'function' || ts.getImpliedNodeFormatForFile(file, packageJsons, project.getModuleResolutionHost(), options) !== ts.ModuleKind.CommonJS;
  for (const sf of project.getSourceFiles()) {
    const original = originals.get(sf);
    if (original && original.text === sf.getFullText()) continue;
    // Files under node_modules never join the change set: re-pointing their imports is wasted work.
    if (!original && sf.getFilePath().includes('/node_modules/')) continue;
    const before = new Set(original ? ts.preProcessFile(original.text, true, true).importedFiles.map((f) => f.fileName) : []);
    const beforeRelative = [...before].filter((spec) => spec.startsWith('.'));
    const fileUsesExtensions = beforeRelative.length > 0 && beforeRelative.every(hasExtension);
    if (!(nodeStyle && esModule(sf.getFilePath())) && !fileUsesExtensions) continue;
    // Applied to the file's text at once: each replaceWithText of a specifier would re-parse the whole file (and a
    // lookup through the checker after it build a new program).
    const edits: Array<{ start: number; end: number; text: string }> = [];
    for (const decl of [...sf.getImportDeclarations(), ...sf.getExportDeclarations()]) {
      const literal = decl.getModuleSpecifier();
      const spec = decl.getModuleSpecifierValue();
      if (!literal || !spec || !spec.startsWith('.') || hasExtension(spec) || before.has(spec)) continue;
      // Found among the program's files the way the compiler resolves a relative specifier without extension;
      // only else through the type checker (which would build a whole new program just for this).
      const target = relativeTarget(project, sf.getFilePath(), spec) ?? decl.getModuleSpecifierSourceFile();
      if (!target) continue;
      const targetPath = target.getFilePath();
      const ext = path.extname(targetPath);
      const runtimeExt = ext === '.mts' ? '.mjs' : ext === '.cts' ? '.cjs' : ext === '.ts' || ext === '.tsx' ? '.js' : ext;
      const resolvedNoExt = path.resolve(path.dirname(sf.getFilePath()), spec);
      const isDirectoryImport = resolvedNoExt !== targetPath.slice(0, -ext.length);
      const next = isDirectoryImport ? `${spec.replace(/\/$/, '')}/index${runtimeExt}` : `${spec}${runtimeExt}`;
      const quote = literal.getText().startsWith("'") ? "'" : '"';
      edits.push({ start: literal.getStart(), end: literal.getEnd(), text: `${quote}${next}${quote}` });
    }
    if (!edits.length) continue;
    let text = sf.getFullText();
    for (const e of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    sf.replaceWithText(text);
  }
}

/** A file's text after a recipe's earlier steps (the overlay), else on disk; undefined when absent or deleted. */
function overlaidText(abs: string, overlay?: Map<string, string | null>): string | undefined {
  if (overlay?.has(abs)) return overlay.get(abs) ?? undefined;
  try {
    return fs.readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}

/** The text of every source file outside node_modules as the program was loaded (before any overlay). */
function loadedTexts(project: Project): Map<string, string> {
  const texts = new Map<string, string>();
  for (const sf of project.getSourceFiles()) {
    const file = sf.getFilePath();
    if (!file.includes('/node_modules/')) texts.set(file, sf.getFullText());
  }
  return texts;
}
