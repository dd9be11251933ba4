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
 * them (`paths`, `rootDirs`, project references): then nothing is kept.
 *
 * Under `baseUrl` a package's bare import is first looked up among the project's files (`<baseUrl>/events.ts`, …):
 * the kept resolutions then hold while no file is created where one of them looked and found nothing, and no file
 * one of them found in the project is gone. Each new program compares the host's files with the previous program's
 * and drops what is kept for the options when that happened (juice-shop, `baseUrl: "./"`: a service created at
 * `services/*.ts` is no place a package looked).
 *
 * One instance per run; `hooks` per compiler or language service host. The program's own cache (for the project's
 * files, the package.json scopes of files, type references) is a fresh one per program, made when the program asks
 * for it (`getModuleResolutionCache`, first thing in createProgram), as the compiler makes it.
 */
export class PackageResolutions {
  /** The kept resolutions, per set of options (a language service host hands out a copy of its options per program). */
  private readonly kept = new Map<string, KeptResolutions>();
  /** The files of the last program built with these resolutions (filesChanged). */
  private files?: Set<string>;
  private seen?: { options: ts.CompilerOptions; kept: KeptResolutions | undefined };

  private keptFor(options: ts.CompilerOptions, currentDirectory: string, canonical: (f: string) => string): KeptResolutions | undefined {
    if (this.seen?.options === options) return this.seen.kept;
    let kept: KeptResolutions | undefined;
    if (!options.paths && !options.rootDirs && !options.composite) {
      let key: string | undefined;
      try {
        key = `${currentDirectory}\0${JSON.stringify(options, (k, v: unknown) => (k === 'configFile' ? undefined : v))}`;
      } catch {
        // options that do not serialize: nothing kept
      }
      if (key !== undefined) {
        kept = this.kept.get(key);
        if (!kept) this.kept.set(key, (kept = { cache: ts.createModuleResolutionCache(currentDirectory, canonical, options), watch: options.baseUrl !== undefined ? { missing: new Set(), found: new Set() } : undefined }));
      }
    }
    this.seen = { options, kept };
    return kept;
  }

  /** Files created or gone since the last program: what is kept under `baseUrl` may no longer hold (see the class). */
  private filesChanged(created: readonly string[], gone: readonly string[], canonical: (f: string) => string): void {
    for (const [key, kept] of this.kept) {
      if (!kept.watch) continue;
      const { missing, found } = kept.watch;
      if (created.some((f) => f === '' || missing.has(canonical(f))) || gone.some((f) => found.has(canonical(f)))) {
        this.kept.delete(key);
        this.seen = undefined;
      }
    }
  }

  /** The two host methods that give a program this resolution; undefined when this TypeScript lacks what they use. */
  hooks(getOptions: () => ts.CompilerOptions, host: ts.ModuleResolutionHost, currentDirectory: string, files?: () => readonly string[]): ResolutionHooks | undefined {
    const internals = ts as unknown as Partial<Internals>;
    if (typeof internals.loadWithModeAwareCache !== 'function' || !internals.createModuleResolutionLoader) return undefined;
    const { loadWithModeAwareCache, createModuleResolutionLoader } = internals as Internals;
    const caseSensitive = typeof host.useCaseSensitiveFileNames === 'function' ? host.useCaseSensitiveFileNames() : host.useCaseSensitiveFileNames !== false;
    const canonical = caseSensitive ? (f: string) => f : (f: string) => f.toLowerCase();
    let program: ts.ModuleResolutionCache | undefined;
    const compareFiles = () => {
      if (!files || !failedLookupsKnown(host, currentDirectory)) {
        // (no way to tell what changed, or where resolutions looked: nothing kept under baseUrl survives a new program)
        this.filesChanged([''], [], () => '');
        return;
      }
      // (the files of the previous program of any host of this run: a spurious difference only drops what is kept)
      const now = new Set(files());
      const before = this.files;
      if (before) this.filesChanged([...now].filter((f) => !before.has(f)), [...before].filter((f) => !now.has(f)), canonical);
      this.files = now;
    };
    return {
      getModuleResolutionCache: () => {
        compareFiles();
        return (program = ts.createModuleResolutionCache(currentDirectory, canonical, getOptions()));
      },
      resolveModuleNameLiterals: (literals, containingFile, redirectedReference, options, containingSourceFile) => {
        const packages = !redirectedReference && IN_PACKAGES.test(containingFile) ? this.keptFor(options, currentDirectory, canonical) : undefined;
        program ??= ts.createModuleResolutionCache(currentDirectory, canonical, getOptions());
        const resolved = loadWithModeAwareCache(literals, containingFile, redirectedReference, options, containingSourceFile, host, packages?.cache ?? program, createModuleResolutionLoader);
        if (packages?.watch) watchResolutions(resolved, packages.watch, canonical);
        return resolved;
      },
    };
  }
}

let failedLookups: boolean | undefined;

/**
 * Whether this TypeScript tells where a resolution looked (`failedLookupLocations`, internal): a module that is
 * nowhere must list the places it was looked for.
 */
function failedLookupsKnown(host: ts.ModuleResolutionHost, currentDirectory: string): boolean {
  if (failedLookups === undefined) {
    try {
      const probe = ts.resolveModuleName('remodel-probe-of-a-missing-module', `${currentDirectory}/probe.ts`, { moduleResolution: ts.ModuleResolutionKind.Node10 }, host);
      const failed = (probe as { failedLookupLocations?: readonly string[] }).failedLookupLocations;
      failedLookups = !probe.resolvedModule && Array.isArray(failed) && failed.length > 0;
    } catch {
      failedLookups = false;
    }
  }
  return failedLookups;
}

/** A kept cache of what packages import; under `baseUrl`, the project's places its answers depend on. */
interface KeptResolutions {
  cache: ts.ModuleResolutionCache;
  watch?: { missing: Set<string>; found: Set<string> };
}

/** Records where in the project (outside node_modules) the resolutions looked in vain, and what they found there. */
function watchResolutions(resolved: readonly ts.ResolvedModuleWithFailedLookupLocations[], watch: NonNullable<KeptResolutions['watch']>, canonical: (f: string) => string): void {
  for (const r of resolved) {
    // (an internal field of the compiler's results, present since TypeScript 4.x; without it nothing can be told)
    const failed = (r as { failedLookupLocations?: readonly string[] }).failedLookupLocations;
    for (const f of failed ?? []) if (!IN_PACKAGES.test(f)) watch.missing.add(canonical(f));
    const file = r.resolvedModule?.resolvedFileName;
    if (file && !IN_PACKAGES.test(file)) watch.found.add(canonical(file));
  }
}
