import { createRequire } from 'node:module';
import path from 'node:path';

/** The version of the `typescript` package the project at `cwd` resolves, if any. */
export function projectTypeScript(cwd: string): string | undefined {
  try {
    return String(createRequire(path.join(cwd, '__remodel__.js'))('typescript/package.json').version);
  } catch {
    return undefined;
  }
}
