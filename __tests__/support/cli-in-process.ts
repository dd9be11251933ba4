import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliResult } from './helpers.js';
import { repoRoot, testCacheHome } from './helpers.js';

type Main = (
  args: string[],
  io: { stdout: (s: string) => void; stderr: (s: string) => void; cwd: string; colorOut: boolean; colorErr: boolean },
) => Promise<number>;

let loaded: Promise<Main> | undefined;

/**
 * The built CLI's entry point (`main` of dist/src/cli.js, which bin/remodel.js calls) run inside the test worker,
 * with its own working directory and captured output: the same code as `runCli` minus a Node start-up, module load
 * and a cold TypeScript per call (the worker's TypeScript is loaded and JIT-warmed once). For tests about what a
 * run does to a project, not about the process (signals, its pid, the terminal, `--help` wrapped to the terminal's
 * width): those use `runCli`. dist/ is as fresh as for `runCli` (global setup __tests__/support/fresh-dist.ts).
 *
 * The environment is `runCli`'s: `NO_COLOR`, the tests' own cache home, and `env` on top (an empty value removes
 * the variable). It is set on this process for the duration of the call and restored after it; a worker runs one
 * test file at a time and a file's tests one after another, so no other test sees it.
 */
export async function runCliInProcess(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  loaded ??= import(pathToFileURL(path.join(repoRoot, 'dist', 'src', 'cli.js')).href).then((m: { main: Main }) => m.main);
  const main = await loaded;
  const saved = new Map<string, string | undefined>();
  const set = (name: string, value: string) => {
    if (!saved.has(name)) saved.set(name, process.env[name]);
    if (value === '') delete process.env[name];
    else process.env[name] = value;
  };
  for (const [name, value] of Object.entries({ NO_COLOR: '1', FORCE_COLOR: '', XDG_CACHE_HOME: testCacheHome, ...env })) set(name, value);
  let stdout = '';
  let stderr = '';
  try {
    const code = await main(args, {
      stdout: (s) => {
        stdout += s;
      },
      stderr: (s) => {
        stderr += s;
      },
      cwd,
      colorOut: false,
      colorErr: false,
    });
    return { code, stdout, stderr };
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
