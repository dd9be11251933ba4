import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type FormatMode = 'auto' | 'prettier' | 'none';

/** Which prettier formats a file: the target project's own when it has one installed, else remodel's. */
export interface PrettierUsed {
  version: string;
  source: 'project' | 'bundled';
  /** The package folder. */
  path: string;
}

/** The part of prettier's API remodel calls; prettier 2 answers some of it synchronously, 3 with promises. */
interface PrettierApi {
  version?: string;
  format(text: string, options: Record<string, unknown>): string | Promise<string>;
  resolveConfig(file: string, options?: Record<string, unknown>): Promise<Record<string, unknown> | null> | Record<string, unknown> | null;
  resolveConfigFile(file: string): Promise<string | null> | string | null;
  getFileInfo(file: string, options?: Record<string, unknown>): Promise<{ ignored: boolean; inferredParser: string | null }>;
}

const ownRequire = createRequire(import.meta.url);
let bundled: PrettierUsed | undefined;
const usedByDir = new Map<string, PrettierUsed & { entry?: string }>();
const loadedByPath = new Map<string, Promise<PrettierApi>>();
const configFileByDir = new Map<string, Promise<string | null>>();

/** The package folder of the module file `entry` belongs to (the nearest package.json named `name`). */
function packageDirOf(entry: string, name: string): string | undefined {
  for (let dir = path.dirname(entry); ; dir = path.dirname(dir)) {
    try {
      if (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name === name) return dir;
    } catch {
      // no package.json here: go up
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function versionOf(dir: string): string {
  try {
    return String(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

function realpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

function bundledPrettier(): PrettierUsed {
  if (!bundled) {
    const dir = packageDirOf(ownRequire.resolve('prettier'), 'prettier')!;
    bundled = { version: versionOf(dir), source: 'bundled', path: dir };
  }
  return bundled;
}

/**
 * The prettier that formats `absPath`: the one Node resolves from the file's folder (the target project's own
 * install, as its `npx prettier` would find it), else the copy remodel bundles. Reads package.json files only.
 */
export function resolvePrettier(absPath: string): PrettierUsed {
  return resolvePrettierEntry(path.dirname(absPath));
}

function resolvePrettierEntry(dir: string): PrettierUsed & { entry?: string } {
  const known = usedByDir.get(dir);
  if (known) return known;
  let used: PrettierUsed & { entry?: string } = bundledPrettier();
  try {
    const entry = createRequire(path.join(dir, '__remodel__.js')).resolve('prettier');
    const pkg = packageDirOf(entry, 'prettier');
    if (pkg && realpath(pkg) !== realpath(bundledPrettier().path)) used = { version: versionOf(pkg), source: 'project', path: pkg, entry };
  } catch {
    // not installed in the project: the bundled copy
  }
  usedByDir.set(dir, used);
  return used;
}

function loadPrettier(used: PrettierUsed & { entry?: string }): Promise<PrettierApi> {
  let loaded = loadedByPath.get(used.path);
  if (!loaded) {
    const entry = used.entry;
    loaded = entry
      ? (async () => {
          let mod: any;
          try {
            mod = ownRequire(entry);
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_ESM') throw err;
            mod = await import(pathToFileURL(entry).href);
          }
          return (typeof mod.format === 'function' ? mod : mod.default) as PrettierApi;
        })()
      : (import('prettier') as Promise<PrettierApi>);
    loadedByPath.set(used.path, loaded);
  }
  return loaded;
}

/**
 * Plugins the config names by package name or relative path are resolved from the config file's folder (the
 * project's node_modules), whichever prettier runs; a plugin that does not resolve is left for prettier to report.
 */
function resolvePlugins(config: Record<string, unknown>, configFile: string | null): Record<string, unknown> {
  if (!configFile || !Array.isArray(config.plugins)) return config;
  const require = createRequire(configFile);
  const plugins = config.plugins.map((p: unknown) => {
    if (typeof p !== 'string' || path.isAbsolute(p)) return p;
    try {
      return require.resolve(p);
    } catch {
      return p;
    }
  });
  return { ...config, plugins };
}

/**
 * Formats a changed file with prettier. `auto` formats only when the target project has a prettier config
 * (so projects that do not use prettier are never reformatted); `prettier` always formats.
 * Returns `text: undefined` when the file is not to be formatted; `prettier` says which prettier looked at it.
 */
export async function formatWithPrettier(
  text: string,
  absPath: string,
  mode: FormatMode,
): Promise<{ text?: string; error?: string; prettier?: PrettierUsed }> {
  if (mode === 'none') return {};
  // Loading prettier costs more than most runs; a project without any config file never needs it.
  if (mode === 'auto' && !mayHavePrettierConfig(path.dirname(absPath))) return {};
  const dir = path.dirname(absPath);
  const { entry, ...used } = resolvePrettierEntry(dir);
  let prettier: PrettierApi;
  try {
    prettier = await loadPrettier({ ...used, entry });
  } catch (err) {
    return { error: `the project's prettier ${used.version} (${used.path}) could not be loaded: ${(err as Error).message.split('\n')[0]}`, prettier: used };
  }
  let configFile = configFileByDir.get(dir);
  if (!configFile) {
    configFile = Promise.resolve(prettier.resolveConfigFile(absPath));
    configFileByDir.set(dir, configFile);
  }
  try {
    const found = await configFile;
    if (mode === 'auto' && !found) return {};
    const ignorePath = found ? path.join(path.dirname(found), '.prettierignore') : undefined;
    const info = await prettier.getFileInfo(absPath, { ignorePath, resolveConfig: false });
    if (info.ignored || !info.inferredParser) return {};
    const config = resolvePlugins((await prettier.resolveConfig(absPath, { editorconfig: true })) ?? {}, found);
    return { text: await prettier.format(text, { ...config, filepath: absPath }), prettier: used };
  } catch (err) {
    return { error: (err as Error).message.split('\n')[0], prettier: used };
  }
}

/**
 * The prettiers a run used (or would use) on these files, one entry per prettier: for `--verbose` and the JSON
 * report. Only files formatting could change are looked at (see {@link mayFormat}).
 */
export function prettiersFor(absPaths: string[], mode: FormatMode): Array<PrettierUsed & { files: number }> {
  const out = new Map<string, PrettierUsed & { files: number }>();
  for (const file of absPaths) {
    if (!mayFormat(file, mode)) continue;
    const used = resolvePrettier(file);
    const entry = out.get(used.path) ?? { version: used.version, source: used.source, path: used.path, files: 0 };
    entry.files++;
    out.set(used.path, entry);
  }
  return [...out.values()];
}

const CONFIG_FILES = [
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.yaml',
  '.prettierrc.yml',
  '.prettierrc.json5',
  '.prettierrc.js',
  '.prettierrc.cjs',
  '.prettierrc.mjs',
  '.prettierrc.ts',
  '.prettierrc.cts',
  '.prettierrc.mts',
  '.prettierrc.toml',
  'prettier.config.js',
  'prettier.config.cjs',
  'prettier.config.mjs',
  'prettier.config.ts',
  'prettier.config.cts',
  'prettier.config.mts',
];
const mayHaveByDir = new Map<string, boolean>();

/** Whether formatting could change a file in this mode (without loading prettier). */
export function mayFormat(absPath: string, mode: FormatMode): boolean {
  return mode === 'prettier' || (mode === 'auto' && mayHavePrettierConfig(path.dirname(absPath)));
}

/** Cheap look for prettier's config files (or a "prettier" key in package.json) from `dir` upwards. */
function mayHavePrettierConfig(dir: string): boolean {
  const known = mayHaveByDir.get(dir);
  if (known !== undefined) return known;
  let found = CONFIG_FILES.some((f) => fs.existsSync(path.join(dir, f)));
  if (!found) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        found = 'prettier' in JSON.parse(fs.readFileSync(pkg, 'utf8'));
      } catch {
        found = true; // let prettier itself decide about an unreadable package.json
      }
    }
  }
  if (!found) {
    const parent = path.dirname(dir);
    found = parent !== dir && mayHavePrettierConfig(parent);
  }
  mayHaveByDir.set(dir, found);
  return found;
}
