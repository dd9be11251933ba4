#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm run build` (run automatically by `npm ci` through `prepare`).
import { main } from '../dist/src/cli.js';

// A run that ends before main() settles (a transform whose promise never settles empties the event loop, or one
// that calls process.exit) must never look like success.
let settled = false;
process.on('exit', () => {
  if (settled) return;
  process.stderr.write('remodel: the run ended before it finished (a transform left a promise that never settles, or called process.exit); it did not complete\n');
  process.exitCode = 3;
});

main(process.argv.slice(2)).then(
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
