#!/usr/bin/env node
// `remodel map` on real apps: wall time and peak RSS of the built CLI for the terminal map and --json (one ts-morph
// load, the model built once), with the load/build split it prints under --verbose, and --html (which adds a dry run
// of introduce-dto and of extract-service, each loading the project for itself). Baseline in the same run: one
// `remodel run introduce-dto --dry --no-verify --json` over the same files (one project load and one pass over the
// routes, no verification), so the ratios say what the map costs next to a project transform.
//
// Each app is copied to a temporary folder first; nothing is run on the original.
//
//   npm run build && node bench/map.mjs [--runs 3] [--app DIR:PATHS]...
//   default apps (when the folder exists): $REMODEL_BENCH_APPS or /work/apps: tns:src, express:examples, json-server:src
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const remodel = path.join(here, '..', 'bin', 'remodel.js');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const runs = Number(arg('runs', '3'));
let apps = args.flatMap((a, i) => (args[i - 1] === '--app' ? [a] : []));
if (!apps.length) {
  const base = process.env.REMODEL_BENCH_APPS ?? '/work/apps';
  apps = ['tns:src', 'express:examples', 'json-server:src'].filter((a) => fs.existsSync(path.join(base, a.split(':')[0]))).map((a) => `${path.join(base, a.split(':')[0])}:${a.split(':')[1]}`);
}
if (!apps.length) {
  console.error('no app to map: pass --app DIR:PATHS (e.g. --app ~/src/my-api:src)');
  process.exit(2);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (b) => `${Math.round(b / 1024 / 1024)} MB`;

async function timed(label, argv, cwd) {
  const walls = [];
  const rss = [];
  let last;
  for (let i = 0; i < runs; i++) {
    last = await measure(process.execPath, [remodel, ...argv], cwd);
    if (last.code !== 0) throw new Error(`${label}: exit ${last.code}\n${last.stderr}`);
    walls.push(last.wallMs);
    rss.push(last.peakRss);
  }
  return { wall: median(walls), rss: median(rss), last };
}

const rows = [];
for (const spec of apps) {
  const [dir, ...rest] = spec.split(':');
  const paths = (rest.join(':') || '.').split(',');
  const name = path.basename(dir);
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), `remodel-bench-map-${name}-`));
  fs.cpSync(dir, copy, { recursive: true });
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-bench-map-out-'));

  const json = await timed('map --json', ['map', ...paths, '--json', '--verbose'], copy);
  const model = JSON.parse(json.last.stdout);
  const split = /discover (\d+) ms, load (\d+) ms, model (\d+) ms/.exec(json.last.stderr);
  const files = /(\d+) files;/.exec(json.last.stderr)?.[1];
  const terminal = await timed('map', ['map', ...paths], copy);
  const html = await timed('map --html', ['map', ...paths, '--html', path.join(out, 'map.html'), '--verbose'], copy);
  const baseline = await timed('run introduce-dto', ['run', 'introduce-dto', ...paths, '--dry', '--no-verify', '--no-cache', '--json'], copy);
  rows.push({
    app: `${name} ${paths.join(',')}`,
    files,
    routes: model.routes.length,
    terminal: terminal.wall,
    json: json.wall,
    load: split ? Number(split[2]) : NaN,
    build: split ? Number(split[3]) : NaN,
    html: html.wall,
    baseline: baseline.wall,
    rss: json.rss,
    htmlRss: html.rss,
  });
  fs.rmSync(copy, { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
}

console.log(`remodel map, median of ${runs} runs, Node ${process.version}, ${os.cpus().length} CPUs`);
console.log('| app | files | routes | map (terminal) | map --json | of which load / model | map --html | run introduce-dto --dry --no-verify (baseline) | map / baseline | peak RSS map / --html |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(
    `| ${r.app} | ${r.files} | ${r.routes} | ${s(r.terminal)} | ${s(r.json)} | ${s(r.load)} / ${s(r.build)} | ${s(r.html)} | ${s(r.baseline)} | ${(r.json / r.baseline).toFixed(2)}× | ${mb(r.rss)} / ${mb(r.htmlRss)} |`,
  );
}
