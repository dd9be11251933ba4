import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Every temporary folder of a test run (fixture copies, git repositories, caches, the CLI processes' own temp files)
 * goes under one folder of the run, removed when the run ends: a suite run leaves nothing behind in the system's
 * temp folder (it used to leave thousands of folders per run). The test workers and the processes they start inherit
 * TMPDIR, which os.tmpdir() reads. REMODEL_KEEP_TMP=1 keeps the folder to look into after a failure.
 */
export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-tests-'));
  // Like /tmp itself (sticky, open to all): tests that run the CLI as an unprivileged user need to reach and use it.
  fs.chmodSync(root, 0o1777);
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  // What the test workers share during this run only (src/testing-diagnostics.ts: lib files' type errors by key).
  process.env.REMODEL_TEST_RUN_DIR = root;
  return () => {
    delete process.env.REMODEL_TEST_RUN_DIR;
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (process.env.REMODEL_KEEP_TMP === '1') console.log(`temporary files of this run kept in ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  };
}
