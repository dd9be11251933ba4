import { ts } from 'ts-morph';

const IN_PACKAGES = /\/node_modules\//;

/** What the compiler's default module resolution uses (internal to TypeScript, exported by its bundle). */
interface Internals {
  loadWithModeAwareCache(
    entries: readonly ts.StringLiteralLike[],
    containingFile: string,
    redirectedReference: ts.ResolvedProjectReference | undefined,
    options: ts.CompilerOptions,
    containingSourceFile: ts.SourceFile,
    host: ts.ModuleResolutionHost,
    cache: ts.ModuleResolutionCache,
    createLoader: unknown,
  ): readonly ts.ResolvedModuleWithFailedLookupLocations[];
  createModuleResolutionLoader: unknown;
}

export type ResolutionHooks = Required<Pick<ts.CompilerHost, 'resolveModuleNameLiterals' | 'getModuleResolutionCache'>>;

/**
 * Module resolution as the compiler does it by default (its own loader, a resolution cache per program), except that
 * what a file under node_modules imports is resolved once for the run: the programs a run builds one after another
 * (ts-morph's after each edit, the node16 check's) otherwise resolve again everything a package's declaration files
 * import (all of @types/node's modules) whenever a file of the project was created or deleted, and start each with
 * an empty cache. Nothing in a run changes node_modules (the project's files are edited in memory only), and where a
 * package's file imports from cannot depend on the project's files unless the options map names or folders onto
 * them (`paths`, `baseUrl`, `rootDirs`, project references): then nothing is kept.
 *
 * One instance per run; `hooks` per compiler or language service host. The program's own cache (for the project's
 * files, the package.json scopes of files, type references) is a fresh one per program, made when the program asks
 * for it (`getModuleResolutionCache`, first thing in createProgram), as the compiler makes it.
 */
export class PackageResolutions {
  /** The kept resolutions, per set of options (a language service host hands out a copy of its options per program). */
  private readonly kept = new Map<string, ts.ModuleResolutionCache>();
  private seen?: { options: ts.CompilerOptions; cache: ts.ModuleResolutionCache | undefined };

  private keptFor(options: ts.CompilerOptions, currentDirectory: string, canonical: (f: string) => string): ts.ModuleResolutionCache | undefined {
    if (this.seen?.options === options) return this.seen.cache;
    let cache: ts.ModuleResolutionCache | undefined;
    if (!options.paths && options.baseUrl === undefined && !options.rootDirs && !options.composite) {
      let key: string | undefined;
      try {
        key = `${currentDirectory}\0${JSON.stringify(options, (k, v: unknown) => (k === 'configFile' ? undefined : v))}`;
      } catch {
        // options that do not serialize: nothing kept
      }
      if (key !== undefined) {
        cache = this.kept.get(key);
        if (!cache) this.kept.set(key, (cache = ts.createModuleResolutionCache(currentDirectory, canonical, options)));
      }
    }
    this.seen = { options, cache };
    return cache;
  }

  /** The two host methods that give a program this resolution; undefined when this TypeScript lacks what they use. */
  hooks(getOptions: () => ts.CompilerOptions, host: ts.ModuleResolutionHost, currentDirectory: string): ResolutionHooks | undefined {
    const internals = ts as unknown as Partial<Internals>;
    if (typeof internals.loadWithModeAwareCache !== 'function' || !internals.createModuleResolutionLoader) return undefined;
    const { loadWithModeAwareCache, createModuleResolutionLoader } = internals as Internals;
    const caseSensitive = typeof host.useCaseSensitiveFileNames === 'function' ? host.useCaseSensitiveFileNames() : host.useCaseSensitiveFileNames !== false;
    const canonical = caseSensitive ? (f: string) => f : (f: string) => f.toLowerCase();
    let program: ts.ModuleResolutionCache | undefined;
    return {
      getModuleResolutionCache: () => (program = ts.createModuleResolutionCache(currentDirectory, canonical, getOptions())),
      resolveModuleNameLiterals: (literals, containingFile, redirectedReference, options, containingSourceFile) => {
        const packages = !redirectedReference && IN_PACKAGES.test(containingFile) ? this.keptFor(options, currentDirectory, canonical) : undefined;
        program ??= ts.createModuleResolutionCache(currentDirectory, canonical, getOptions());
        return loadWithModeAwareCache(literals, containingFile, redirectedReference, options, containingSourceFile, host, packages ?? program, createModuleResolutionLoader);
      },
    };
  }
}
