import path from 'node:path';
import { lilconfig, type Loader } from 'lilconfig';
import { z } from 'zod';
import { UsageError } from './errors.js';
import { BUILTIN_RECIPES, type Recipe, type RecipeStep } from './recipes.js';

/**
 * `remodel.config.{js,mjs,cjs,ts,json}` or `"remodel"` in package.json, found from the working directory upwards:
 *
 * ```js
 * export default {
 *   recipes: { cleanup: { description: '…', steps: ['no-var', { transform: 'template-literals', options: { multilineOperands: true } }] } },
 *   options: { 'move-symbol': { keepReexport: true } },   // default options per transform
 *   ignore: ['generated/**'],                             // gitignore-style, added to --ignore
 *   transforms: ['./codemods'],                           // folders of local transforms, usable by file name
 * };
 * ```
 */
export interface RemodelConfig {
  /** Absolute path of the file it came from; undefined when no config was found. */
  file?: string;
  recipes: Recipe[];
  options: Record<string, Record<string, unknown>>;
  ignore: string[];
  /** Absolute folders holding local transforms. */
  transformDirs: string[];
}

const stepSchema = z.union([
  z.string().min(1),
  z.object({ transform: z.string().min(1), options: z.record(z.string(), z.unknown()).optional() }).strict(),
]);

const configSchema = z
  .object({
    recipes: z
      .record(
        z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'recipe names are lower-case words joined by dashes'),
        z.union([
          z.array(stepSchema).min(1),
          z.object({ description: z.string().optional(), steps: z.array(stepSchema).min(1) }).strict(),
        ]),
      )
      .optional(),
    options: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
    ignore: z.array(z.string()).optional(),
    transforms: z.array(z.string()).optional(),
  })
  .strict();

export const EMPTY_CONFIG: RemodelConfig = { recipes: [], options: {}, ignore: [], transformDirs: [] };

const loadTs: Loader = async (filepath) => {
  const { createJiti } = await import('jiti');
  const jiti = createJiti(import.meta.url, { interopDefault: true, moduleCache: false, fsCache: false });
  return jiti.import(filepath, { default: true });
};

const loadModule: Loader = async (filepath) => {
  const { pathToFileURL } = await import('node:url');
  const mod = await import(pathToFileURL(filepath).href);
  return mod.default ?? mod;
};

const loadJson: Loader = (_filepath, content) => JSON.parse(content);

/** A loader whose failure names the file it was loading (a config that does not parse, or throws when it runs). */
function named(loader: Loader): Loader {
  return async (filepath, content) => {
    try {
      return await loader(filepath, content);
    } catch (err) {
      throw new Error(`${path.relative(process.cwd(), filepath) || filepath}: ${(err as Error)?.message ?? String(err)}`, { cause: err });
    }
  };
}

export const CONFIG_FILES = [
  'package.json',
  'remodel.config.json',
  'remodel.config.js',
  'remodel.config.mjs',
  'remodel.config.cjs',
  'remodel.config.ts',
];

const cache = new Map<string, Promise<RemodelConfig>>();

/** The config that applies to `cwd` (memoised per directory). Bad config is a usage error naming the file. */
export function loadConfig(cwd: string): Promise<RemodelConfig> {
  const dir = path.resolve(cwd);
  let pending = cache.get(dir);
  if (!pending) {
    pending = readConfig(dir);
    cache.set(dir, pending);
  }
  return pending;
}

async function readConfig(dir: string): Promise<RemodelConfig> {
  let found: { config: unknown; filepath: string } | null;
  try {
    found = await lilconfig('remodel', {
      searchPlaces: CONFIG_FILES,
      loaders: { '.ts': named(loadTs), '.js': named(loadModule), '.mjs': named(loadModule), '.cjs': named(loadModule), '.json': named(loadJson) },
    }).search(dir);
  } catch (err) {
    throw new UsageError(`cannot load remodel config: ${(err as Error).message}`);
  }
  if (!found || found.config === undefined || found.config === null) return EMPTY_CONFIG;
  return parseConfig(found.config, found.filepath);
}

/** Validates raw config and resolves its paths against the config file's folder. */
export function parseConfig(raw: unknown, file: string): RemodelConfig {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new UsageError(`invalid remodel config in ${file}:\n${problems}`);
  }
  const base = path.dirname(file);
  const recipes: Recipe[] = Object.entries(parsed.data.recipes ?? {}).map(([name, def]) => {
    const steps = Array.isArray(def) ? def : def.steps;
    return {
      name,
      description: (!Array.isArray(def) && def.description) || `user recipe: ${steps.map(stepName).join(', ')}`,
      source: file,
      steps: steps.map((s): RecipeStep => (typeof s === 'string' ? { transform: s, options: {} } : { transform: s.transform, options: s.options ?? {} })),
    };
  });
  return {
    file,
    recipes,
    options: parsed.data.options ?? {},
    ignore: parsed.data.ignore ?? [],
    transformDirs: (parsed.data.transforms ?? []).map((d) => path.resolve(base, d)),
  };
}

const stepName = (s: z.infer<typeof stepSchema>) => (typeof s === 'string' ? s : s.transform);

/** All recipes: the config's own first, since a user recipe may deliberately shadow a built-in one. */
export function allRecipes(config: RemodelConfig): Recipe[] {
  const own = new Set(config.recipes.map((r) => r.name));
  return [...config.recipes, ...BUILTIN_RECIPES.filter((r) => !own.has(r.name))];
}

export function findRecipe(name: string, config: RemodelConfig): Recipe | undefined {
  return allRecipes(config).find((r) => r.name === name);
}
