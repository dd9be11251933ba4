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
