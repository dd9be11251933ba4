// What every command handler gets from the CLI: where to write, where it runs, colors, the terminal. Its own module
// so that command modules (run, pr, init, map) import their IO types without importing the CLI that imports them.

/** Exit codes of `remodel run` (and of every command, for 0–3). */
export const EXIT = { ok: 0, changesFound: 1, usage: 2, failures: 3, refused: 4 } as const;

/** Exit codes of `remodel pr` (0–3 mean what they mean for `remodel run`). */
export const PR_EXIT = { ok: 0, usage: 2, failures: 3, foreignCommits: 4, remote: 5 } as const;

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** Colors on stdout (diffs) and stderr (summaries). */
  colorOut: boolean;
  colorErr: boolean;
  /** The process's terminal streams: progress is drawn and `--interactive` asks only through these. */
  terminal?: { input: NodeJS.ReadStream; output: NodeJS.WriteStream };
}

/** The process's own streams, with colors where the stream is a terminal (NO_COLOR and FORCE_COLOR respected). */
export function defaultIO(): CliIO {
  const enabled = (stream: NodeJS.WriteStream) => !process.env.NO_COLOR && (Boolean(process.env.FORCE_COLOR) || Boolean(stream.isTTY));
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    colorOut: enabled(process.stdout),
    colorErr: enabled(process.stderr),
    terminal: { input: process.stdin, output: process.stderr },
  };
}
