import { createRequire } from 'node:module';
import path from 'node:path';
import type TypeScript from 'typescript';
import { repoRoot } from './helpers.js';

/**
 * `tsc -p <dir>` (or `tsc --noEmit -p <dir>`) in this process, with the repository's own `typescript` (the one
 * `node_modules/.bin/tsc` runs, not ts-morph's): the tsconfig is parsed, the program built, checked and emitted
 * as tsc does it (config, option, syntactic, global, semantic and declaration diagnostics, then the emit's), and
 * any diagnostic makes it throw with tsc's own output, as tsc exits non-zero on any of them.
 *
 * What a process would spend again on every call is done once per test worker: loading the compiler, and parsing
 * the declaration files under node_modules (TypeScript's lib files, @types/node, @types/express), which never
 * change during a run. A parsed declaration file is reused only for the same path, the same text and the same
 * parse settings (language version, module format), as TypeScript's own document registry shares files between
 * programs; the project's own files are read and parsed anew every time.
 */
let loaded: typeof TypeScript | undefined;
const parsed = new Map<string, TypeScript.SourceFile>();

export function tsc(dir: string, { noEmit = false }: { noEmit?: boolean } = {}): void {
  const ts = (loaded ??= createRequire(path.join(repoRoot, 'package.json'))('typescript') as typeof TypeScript);
  const configPath = path.join(dir, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, noEmit ? { noEmit: true } : {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(`tsc -p ${dir}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    },
  });
  if (!config) throw new Error(`tsc -p ${dir}: no tsconfig.json`);
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (fileName, settings, onError, shouldCreate) => {
    if (!fileName.includes('/node_modules/') || !/\.d\.[cm]?ts$/.test(fileName)) return getSourceFile.call(host, fileName, settings, onError, shouldCreate);
    const text = ts.sys.readFile(fileName);
    const key = `${fileName}\0${JSON.stringify(settings)}`;
    const known = parsed.get(key);
    if (known && known.text === text) return known;
    const sf = getSourceFile.call(host, fileName, settings, onError, shouldCreate);
    if (sf) parsed.set(key, sf);
    return sf;
  };
  const program = ts.createProgram({
    rootNames: config.fileNames,
    options: config.options,
    projectReferences: config.projectReferences,
    host,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(config),
  });
  const diagnostics = [...ts.getPreEmitDiagnostics(program)];
  if (!config.options.noEmit) diagnostics.push(...program.emit().diagnostics);
  if (diagnostics.length) {
    const formatHost = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => dir, getNewLine: () => '\n' };
    throw new Error(`tsc -p ${dir} failed:\n${ts.formatDiagnostics(ts.sortAndDeduplicateDiagnostics(diagnostics), formatHost)}`);
  }
}
