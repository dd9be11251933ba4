import fs from 'node:fs';
import path from 'node:path';

export type FormatMode = 'auto' | 'prettier' | 'none';

type Prettier = typeof import('prettier');
let prettierModule: Promise<Prettier> | undefined;
const configFileByDir = new Map<string, Promise<string | null>>();

/**
 * Formats a changed file with prettier. `auto` formats only when the target project has a prettier config
 * (so projects that do not use prettier are never reformatted); `prettier` always formats.
 * Returns `text: undefined` when the file is not to be formatted.
 */
export async function formatWithPrettier(
  text: string,
  absPath: string,
  mode: FormatMode,
): Promise<{ text?: string; error?: string }> {
  if (mode === 'none') return {};
  // Loading prettier costs more than most runs; a project without any config file never needs it.
  if (mode === 'auto' && !mayHavePrettierConfig(path.dirname(absPath))) return {};
  prettierModule ??= import('prettier');
  const prettier = await prettierModule;
  const dir = path.dirname(absPath);
  let configFile = configFileByDir.get(dir);
  if (!configFile) {
    configFile = prettier.resolveConfigFile(absPath);
    configFileByDir.set(dir, configFile);
  }
  const found = await configFile;
  if (mode === 'auto' && !found) return {};
  try {
    const ignorePath = found ? path.join(path.dirname(found), '.prettierignore') : undefined;
    const info = await prettier.getFileInfo(absPath, { ignorePath, resolveConfig: false });
    if (info.ignored || !info.inferredParser) return {};
    const config = (await prettier.resolveConfig(absPath, { editorconfig: true })) ?? {};
    return { text: await prettier.format(text, { ...config, filepath: absPath }) };
  } catch (err) {
    return { error: (err as Error).message.split('\n')[0] };
  }
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
