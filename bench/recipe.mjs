#!/usr/bin/env node
// A recipe's per-file steps run as one pass (each file read, and every step run on it, once per run) against the
// same steps run one after the other, in the same run on copies of the JS corpus:
//   1. two jscodeshift transform files: jscodeshift's own runner twice, against one remodel recipe of both files;
//   2. remodel's built-in per-file transforms: one remodel run per step, against the recipe of them.
// Both sides write for real (on their own copy), and the final trees are compared byte for byte.
//
//   node bench/recipe.mjs [--corpus DIR] [--steps no-var,template-literals,...]
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const corpus = arg('corpus', undefined) ?? execFileSync('bash', [path.join(here, 'corpus.sh')], { encoding: 'utf8' }).trim().split('\n').pop();
const remodel = path.join(root, 'bin', 'remodel.js');
const jscodeshift = path.join(corpus, 'jscs', 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
const builtinSteps = arg('steps', 'no-var,object-shorthand,arrow-callbacks,default-params,template-literals,includes,optional-chaining').split(',');
const jscsSteps = ['var-to-let.cjs', 'rename-foo.cjs'].map((f) => path.join(here, 'transforms', f));

const mb = (b) => `${Math.round(b / 1024 / 1024)} MB`;
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;

function copyCorpus(name, recipe) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `remodel-bench-recipe-${name}-`));
  fs.cpSync(path.join(corpus, 'js'), dir, { recursive: true });
  if (recipe) fs.writeFileSync(path.join(dir, 'remodel.config.json'), JSON.stringify({ recipes: { bench: recipe } }));
  return dir;
}

/** sha1 over every file (path and bytes), config file excluded: equal digests mean equal trees. */
function treeDigest(dir) {
  const hash = crypto.createHash('sha1');
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name !== 'remodel.config.json') hash.update(path.relative(dir, p)).update(fs.readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

async function sequence(dir, commands) {
  let wallMs = 0;
  let peakRss = 0;
  for (const argv of commands) {
    const r = await measure(process.execPath, argv, dir);
    if (r.code !== 0 && r.code !== 3) throw new Error(`${argv.join(' ')} exited ${r.code}: ${r.stderr.slice(0, 500)}`);
    wallMs += r.wallMs;
    peakRss = Math.max(peakRss, r.peakRss);
  }
  return { wallMs, peakRss };
}

const remodelRun = (step) => [remodel, 'run', step, '.', '--extensions', 'js', '--format', 'none', '--no-cache', '--allow-dirty'];
const jscsRun = (file) => [jscodeshift, '-t', file, '.', '--extensions=js', '--ignore-pattern=**/node_modules/**', '--silent'];

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}; corpus ${corpus}/js\n`);
const rows = [];

{
  const a = copyCorpus('jscs');
  const b = copyCorpus('recipe-jscs', jscsSteps);
  const one = await sequence(a, jscsSteps.map(jscsRun));
  const two = await sequence(b, [remodelRun('bench')]);
  rows.push({
    job: `${jscsSteps.length} jscodeshift files: jscodeshift runner once per file vs one remodel recipe`,
    sequential: s(one.wallMs),
    recipe: s(two.wallMs),
    speedup: `${(one.wallMs / two.wallMs).toFixed(2)}x`,
    'peak RSS seq / recipe': `${mb(one.peakRss)} / ${mb(two.peakRss)}`,
    'same tree': treeDigest(a) === treeDigest(b) ? 'yes' : 'NO',
  });
  console.log(JSON.stringify(rows.at(-1)));
  fs.rmSync(a, { recursive: true, force: true });
  fs.rmSync(b, { recursive: true, force: true });
}
{
  const a = copyCorpus('steps');
  const b = copyCorpus('recipe', builtinSteps);
  const one = await sequence(a, builtinSteps.map(remodelRun));
  const two = await sequence(b, [remodelRun('bench')]);
  rows.push({
    job: `${builtinSteps.length} remodel transforms: one run per step vs one recipe`,
    sequential: s(one.wallMs),
    recipe: s(two.wallMs),
    speedup: `${(one.wallMs / two.wallMs).toFixed(2)}x`,
    'peak RSS seq / recipe': `${mb(one.peakRss)} / ${mb(two.peakRss)}`,
    'same tree': treeDigest(a) === treeDigest(b) ? 'yes' : 'NO',
  });
  console.log(JSON.stringify(rows.at(-1)));
  fs.rmSync(a, { recursive: true, force: true });
  fs.rmSync(b, { recursive: true, force: true });
}
console.table(rows);
