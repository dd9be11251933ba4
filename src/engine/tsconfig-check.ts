import path from 'node:path';
import { ts } from 'ts-morph';
import { UsageError } from '../errors.js';
import { toPosix } from '../paths.js';

/** Config errors that only mean "this tsconfig does not cover these files": the run falls back to its defaults. */
const NOT_FATAL = new Set([
  18003, // No inputs were found in config file
]);

/**
 * Stops the run when the compiler would reject `tsconfig` itself: invalid JSON, an `extends` it cannot read
 * (TS5083, TS6053), unknown options. Loading such a config anyway would silently drop its path aliases and
 * settings, so importers would go unseen and verification would pass on a program tsc refuses. The message names
 * the file and, for JSON errors, the line and column. Returns the config as the compiler parsed it.
 */
export function checkTsconfig(tsconfig: string, cwd: string): ts.ParsedCommandLine | undefined {
  const diagnostics: ts.Diagnostic[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => diagnostics.push(d),
  });
  diagnostics.push(...(parsed?.errors ?? []));
  const fatal = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error && !NOT_FATAL.has(d.code));
  if (!fatal.length) return parsed;
  const rel = (file: string) => toPosix(path.relative(cwd, path.resolve(file))) || file;
  const lines = fatal.map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    if (d.file && d.start !== undefined) {
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      return `  ${rel(d.file.fileName)}:${line + 1}:${character + 1} error TS${d.code}: ${message}`;
    }
    return `  ${rel(tsconfig)} error TS${d.code}: ${message}`;
  });
  throw new UsageError(
    `${rel(tsconfig)} is not a config the TypeScript compiler accepts, so the project cannot be loaded as tsc would load it (fix it, then run again):\n${lines.join('\n')}`,
  );
}
