#!/usr/bin/env node
// Builds the app model (src/app-model) on a folder and prints how many routes it found, by framework and handler
// shape, what it could not follow, and how long the project load and the build took (median of --runs).
//
//   npm run build && node bench/app-model.mjs <folder> [--runs 3] [--json out.json]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { buildAppModel, toJSON } = await import(path.join(here, '..', 'dist', 'src', 'app-model', 'index.js'));
const { loadProject } = await import(path.join(here, '..', 'dist', 'src', 'engine', 'project-engine.js'));
const { glob } = await import('tinyglobby');

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const folder = path.resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? '.');
const runs = Number(arg('runs', '3'));
const files = (await glob(['**/*.{js,jsx,ts,tsx,mjs,cjs}'], { cwd: folder, absolute: true, ignore: ['**/node_modules/**', '**/dist/**', '**/*.d.ts', '**/public/**', '**/test/**', '**/coverage/**'] })).sort();

const loads = [];
const builds = [];
let model;
for (let i = 0; i < runs; i++) {
  let t = performance.now();
  const project = loadProject(folder, files);
  loads.push(performance.now() - t);
  t = performance.now();
  model = buildAppModel(project, { root: folder, files });
  builds.push(performance.now() - t);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const json = toJSON(model);
const count = (xs, key) => xs.reduce((m, x) => ((m[key(x)] = (m[key(x)] ?? 0) + 1), m), {});
console.log(`${folder}: ${files.length} files, ${json.routes.length} routes`);
console.log(`  by framework: ${JSON.stringify(count(json.routes, (r) => r.framework))}`);
console.log(`  by handler shape: ${JSON.stringify(count(json.routes, (r) => (r.handlerIndex === null ? 'unresolved' : r.chain[r.handlerIndex].shape)))}`);
console.log(`  routes with a reason: ${JSON.stringify(count(json.routes.filter((r) => r.unresolved), (r) => r.unresolved.reason))}`);
console.log(`  sites not turned into routes: ${JSON.stringify(count(json.unresolved, (u) => u.reason))}`);
console.log(`  project load ${median(loads).toFixed(0)} ms, model build ${median(builds).toFixed(0)} ms (median of ${runs})`);
const out = arg('json', undefined);
if (out) fs.writeFileSync(out, JSON.stringify(json, null, 2) + '\n');
