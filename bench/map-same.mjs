#!/usr/bin/env node
// Proves that a change to the app model left its output alone: runs `remodel map <sub> --json` with a build of
// remodel on each target and either saves the outputs (--save DIR) or compares them byte for byte with saved ones
// (--compare DIR). Prints the build time per target (from --verbose) and exits 1 when any output differs.
//
//   node bench/map-same.mjs --bin /path/to/remodel/bin/remodel.js --save /tmp/maps  DIR[:SUB]...
//   node bench/map-same.mjs --compare /tmp/maps DIR[:SUB]...          (default --bin: this checkout's build)
//
// DIR is an app folder (the working directory of the run), SUB the folder to map inside it (default `.`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const take = (name) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const bin = path.resolve(take('bin') ?? path.join(here, '..', 'bin', 'remodel.js'));
const save = take('save');
const compare = take('compare');
if ((!save && !compare) || !args.length) {
  console.error('usage: node bench/map-same.mjs [--bin remodel.js] (--save DIR | --compare DIR) APP[:SUB]...');
  process.exit(2);
}
let differ = 0;
for (const target of args) {
  const [dir, sub = '.'] = target.split(':');
  const name = `${path.basename(path.resolve(dir))}-${sub.replace(/[^\w.-]+/g, '_')}.json`;
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, 'map', sub, '--json', '--verbose'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const timing = (r.stderr.match(/model[^\n]*/i) ?? [''])[0].trim();
  if (r.status !== 0) {
    console.log(`${target}: exit ${r.status}\n${r.stderr.slice(-2000)}`);
    differ++;
    continue;
  }
  if (save) {
    fs.mkdirSync(save, { recursive: true });
    fs.writeFileSync(path.join(save, name), r.stdout);
    console.log(`${target}: saved ${name} (${r.stdout.length} bytes, ${(ms / 1000).toFixed(2)} s; ${timing})`);
    continue;
  }
  const expected = fs.readFileSync(path.join(compare, name), 'utf8');
  const same = expected === r.stdout;
  if (!same) differ++;
  console.log(`${target}: ${same ? 'same' : 'DIFFERENT'} (${(ms / 1000).toFixed(2)} s; ${timing})`);
  if (!same) fs.writeFileSync(path.join(compare, name + '.now'), r.stdout);
}
process.exit(differ ? 1 : 0);
