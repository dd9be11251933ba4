#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm run build` (run automatically by `npm ci` through `prepare`), which also
// bundles it into dist/cli/ (scripts/bundle-cli.mjs): Node then loads a few files instead of some 430 modules.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The bundle while it was made from the modules dist/ holds now: each the same size and none newer, and the same
 * built-ins (see scripts/bundle-cli.mjs). Else (not built, or dist/ rebuilt since: a `tsc` alone, the tests'
 * fresh-dist) the compiled modules themselves, which do the same, only start slower.
 */
function bundleIsFresh() {
  // Plain paths: a URL per file costs ten times more than the stat itself.
  const root = fileURLToPath(new URL('../', import.meta.url));
  try {
    const { builtAt, files, transforms } = JSON.parse(fs.readFileSync(`${root}dist/cli/inputs.json`, 'utf8'));
    for (const [file, size] of Object.entries(files)) {
      const stat = fs.statSync(root + file);
      if (stat.size !== size || stat.mtimeMs >= builtAt) return false;
    }
    return fs.readdirSync(`${root}dist/transforms`).sort().join('/') === transforms.join('/');
  } catch {
    return false;
  }
}

const bundled = bundleIsFresh() && !process.env.REMODEL_NO_BUNDLE;
const args = process.argv.slice(2);
// `remodel run`: the worker that will transform the files starts first, before the CLI module is loaded, so that
// its start-up runs beside this thread's (src/cli-prestart.ts). Only a head start: without it the run starts one.
if (args[0] === 'run') {
  await import(bundled ? '../dist/cli/cli-prestart.js' : '../dist/src/cli-prestart.js')
    .then((m) => m.prestartForArgs(args, process.cwd()))
    .catch(() => {});
}
const { main } = await import(bundled ? '../dist/cli/cli.js' : '../dist/src/cli.js');

// A run that ends before main() settles (a transform whose promise never settles empties the event loop, or one
// that calls process.exit) must never look like success.
let settled = false;
process.on('exit', () => {
  if (settled) return;
  process.stderr.write('remodel: the run ended before it finished (a transform left a promise that never settles, or called process.exit); it did not complete\n');
  process.exitCode = 3;
});

main(args).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (err) => {
    settled = true;
    process.stderr.write(`remodel: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  },
);
