// Run by scripts/bundle-cli.mjs in a fresh Node process, as `node scripts/bundle-ts-cache.mjs <bundle dir> <project>`:
// runs the bundled CLI's `remodel run layered <project> --dry --no-cache` (the project steps load ts-morph through
// scripts/bundle-ts-loader.mjs, which compiles each of its large files through vm.Script and hands the scripts over
// here), so that the functions a project run needs are compiled; then writes each script's code cache into
// <bundle dir>/ts-morph-cache/ with manifest.json (size, SHA-1 and identity on disk of each source, SHA-1 of each
// cache: what the loader checks).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [bundleDir, project] = process.argv.slice(2).map((p) => path.resolve(p));
const scripts = new Map();
globalThis[Symbol.for('remodel.tsMorphCodeCache')] = scripts;
const { main } = await import(pathToFileURL(path.join(bundleDir, 'cli.js')).href);
const { statKey } = await import(pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'bundle-ts-loader.mjs')).href);
const code = await main(['run', 'layered', project, '--dry', '--no-cache']);
if (code !== 0) throw new Error(`remodel run layered ${project} --dry exited ${code}`);
if (!scripts.size) throw new Error('ts-morph was not loaded through the bundle loader');
const sha1 = (data) => crypto.createHash('sha1').update(data).digest('hex');
const out = path.join(bundleDir, 'ts-morph-cache');
fs.mkdirSync(out, { recursive: true });
const files = {};
for (const [key, { script, bytes, filename }] of scripts) {
  const data = script.createCachedData();
  const cache = `${path.basename(key)}.cache`;
  fs.writeFileSync(path.join(out, cache), data);
  files[key] = { size: bytes.length, source: sha1(bytes), stat: statKey(filename), cache, data: sha1(data) };
}
fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify({ node: process.version, files }, null, 1) + '\n');
process.exit(0);
