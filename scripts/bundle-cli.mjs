#!/usr/bin/env node
// Bundles the compiled CLI (dist/src, dist/transforms) into dist/cli/, so that `remodel` starts by loading a few
// files instead of ~430 ES modules (Node 20 resolves, reads and links each one; yargs, zod and Babel are most of
// them): about half of a one-file run's CPU. dist/src stays as it is: it is the library (`import 'remodel'`) and the
// fallback bin/remodel.js uses while the bundle is missing or older than dist/.
//
//   node scripts/bundle-cli.mjs            (part of `npm run build` and `npm test`, after tsc)
//
// Layout: dist/cli/cli.js (the CLI's entry), dist/cli/worker.js (the file engine's worker thread, which pool.js
// finds beside itself), dist/cli/transforms/<name>.js or <name>/index.js (the built-ins, which registry.js lists and
// loads from there when bundled) and the shared chunks, all in dist/cli/ itself: a module that finds a file
// relative to its own location (cache.js reads ../../package.json) sees the same depth as in dist/src/. Packages a
// command loads only on demand and packages that are the project's own (prettier, TypeScript, ts-morph, jscodeshift)
// stay outside. dist/cli/inputs.json lists every input (size) with the build's time, and the built-ins: bin/remodel.js
// uses the bundle only while they are as they were.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const out = path.join(dist, 'cli');

/** Loaded from the project or on demand by commands a one-file run does not use: never bundled. */
const EXTERNAL = [
  'prettier',
  'typescript',
  'ts-morph',
  'jscodeshift',
  'jiti',
  'vitest',
  '@octokit/rest',
  '@octokit/plugin-retry',
  '@octokit/plugin-throttling',
  '@inquirer/expand',
  'log-update',
  'playwright-core',
];

/**
 * yargs' ES module shim finds its files from its own location, which in the bundle is dist/cli/cli.js: its message
 * translations (copied to dist/cli/locales/ below) and the folder it looks up package.json from (the user's working
 * directory when it is not under node_modules; remodel's own folder here).
 */
const YARGS_SHIM = [
  '/node_modules/yargs/lib/platform-shims/esm.mjs',
  ["resolve(__dirname, '../../../locales')", "resolve(import.meta.dirname, 'locales')"],
  ["__dirname.substring(0, __dirname.lastIndexOf('node_modules'))", 'import.meta.dirname'],
];

/**
 * Lazy `require`s of Babel made through createRequire, which a bundler cannot follow: [module, text, replacement].
 * In the bundle they go to scripts/bundle-babel-loader.mjs, which loads Babel's parser and traverse from
 * dist/cli/babel.cjs (built below, one CommonJS file) with the V8 code cache the build makes for it: Babel is most
 * of a worker's start-up, and Node 20 caches no compiled code of its own.
 */
const BABEL_LOADER = path.join(root, 'scripts', 'bundle-babel-loader.mjs');

/**
 * Every import of ts-morph in the bundle goes to one module that takes its exports from `require('ts-morph')` through
 * scripts/bundle-ts-loader.mjs, which compiles ts-morph's and TypeScript's large CommonJS files with the V8 code
 * caches made below (and saves the ES module loader's scan of ts-morph.js for its export names). Its exports are the
 * names ts-morph exports in node_modules now.
 */
const TS_LOADER = path.join(root, 'scripts', 'bundle-ts-loader.mjs');
const TS_MORPH_ID = '\0remodel-ts-morph';
const tsMorphNames = Object.keys(createRequire(import.meta.url)('ts-morph')).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
const TS_MORPH_MODULE = [
  `import { loadTsMorph } from ${JSON.stringify(TS_LOADER)};`,
  'const tsMorph = loadTsMorph();',
  'export default tsMorph;',
  ...tsMorphNames.map((n) => `export const ${n} = tsMorph.${n};`),
].join('\n');
const LAZY_BABEL = [
  ['src/parse.js', 'const require = createRequire(import.meta.url);', 'const require = __remodelBabelRequire;', 'optional'],
  ['src/ast.js', "createRequire(import.meta.url)('@babel/traverse')", "__remodelBabelRequire('@babel/traverse')", 'optional'],
  // extract-service's callback analysis traverses what src/parse.js parsed: the same Babel, not a second copy of
  // traverse and types from node_modules compiled on every project run.
  ['transforms/extract-service/callbacks.js', "createRequire(import.meta.url)('@babel/traverse')", "__remodelBabelRequire('@babel/traverse')", 'optional'],
];

const transformsDir = path.join(dist, 'transforms');
const input = {
  cli: path.join(dist, 'src', 'cli.js'),
  // bin/remodel.js loads it before the CLI, to start the first worker of `remodel run` at once.
  'cli-prestart': path.join(dist, 'src', 'cli-prestart.js'),
  worker: path.join(dist, 'src', 'engine', 'worker.js'),
};
for (const entry of fs.readdirSync(transformsDir, { withFileTypes: true })) {
  if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
  if (entry.isDirectory()) {
    if (fs.existsSync(path.join(transformsDir, entry.name, 'index.js'))) input[`transforms/${entry.name}/index`] = path.join(transformsDir, entry.name, 'index.js');
  } else if (/\.js$/.test(entry.name)) {
    input[`transforms/${entry.name.replace(/\.js$/, '')}`] = path.join(transformsDir, entry.name);
  }
}

const started = Date.now();
const tmp = `${out}.${process.pid}.tmp`;
fs.rmSync(tmp, { recursive: true, force: true });
const inputs = new Set();
let yargsShimSeen = false;
const bundle = await build({
  input,
  platform: 'node',
  // ts-morph itself goes through the loader (the remodel-ts-morph plugin).
  external: (id) => id !== 'ts-morph' && EXTERNAL.some((e) => id === e || id.startsWith(`${e}/`)),
  transform: {
    define: {
      // registry.js: built-ins are the bundled copies beside the bundle (see its TRANSFORMS_DIR).
      REMODEL_BUNDLED: 'true',
      // CommonJS packages that use their own file name (write-file-atomic seeds its temporary names with it) get
      // the chunk's: ES module output has no __filename.
      __filename: 'import.meta.filename',
      __dirname: 'import.meta.dirname',
    },
  },
  logLevel: 'warn',
  plugins: [
    {
      name: 'remodel-ts-morph',
      resolveId(id) {
        return id === 'ts-morph' ? TS_MORPH_ID : null;
      },
      load(id) {
        return id === TS_MORPH_ID ? TS_MORPH_MODULE : null;
      },
    },
    {
      name: 'remodel-inputs',
      load(id) {
        if (id.startsWith(dist)) inputs.add(id);
        return null;
      },
    },
    {
      // Babel is CommonJS, required lazily through createRequire (outside the ESM loader); in the bundle the same
      // lazy require goes to a bundled copy, so a run that parses does not load Babel's ~180 files one by one. And
      // yargs' shim finds its files from the bundle's location (see YARGS_SHIM).
      name: 'remodel-rewrites',
      transform(code, id) {
        const rewrites = LAZY_BABEL.filter(([file]) => id === path.join(dist, file));
        if (id.split(path.sep).join('/').endsWith(YARGS_SHIM[0])) {
          yargsShimSeen = true;
          rewrites.push(...YARGS_SHIM.slice(1).map(([from, to]) => [YARGS_SHIM[0], from, to]));
        }
        let next = code;
        for (const [file, from, to, optional] of rewrites) {
          if (!next.includes(from)) {
            // Babel from node_modules only costs start-up; yargs' shim unchanged would give other messages.
            if (optional) console.warn(`bundle-cli: ${file} no longer has \`${from}\`: Babel is loaded from node_modules there`);
            else throw new Error(`bundle-cli: ${file} no longer has \`${from}\`; update scripts/bundle-cli.mjs`);
            continue;
          }
          next = next.replace(from, to);
          if (to.includes('__remodelBabelRequire')) next = `import { babelRequire as __remodelBabelRequire } from ${JSON.stringify(BABEL_LOADER)};\n${next}`;
        }
        return next === code ? null : { code: next };
      },
    },
  ],
  output: {
    dir: tmp,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    sourcemap: false,
  },
});
// The loader finds babel.cjs beside its own chunk: that chunk must be in dist/cli/ itself.
const loaderChunk = bundle.output.find((o) => o.type === 'chunk' && o.moduleIds.includes(BABEL_LOADER));
if (loaderChunk && loaderChunk.fileName.includes('/')) throw new Error(`bundle-cli: the Babel loader landed in ${loaderChunk.fileName}, not in dist/cli/ itself`);
// The ts-morph loader finds ts-morph-cache/ beside its own chunk too.
const tsLoaderChunk = bundle.output.find((o) => o.type === 'chunk' && o.moduleIds.includes(TS_LOADER));
if (!tsLoaderChunk) throw new Error('bundle-cli: ts-morph was not bundled through scripts/bundle-ts-loader.mjs');
if (tsLoaderChunk.fileName.includes('/')) throw new Error(`bundle-cli: the ts-morph loader landed in ${tsLoaderChunk.fileName}, not in dist/cli/ itself`);
// Babel's parser and traverse as one CommonJS file, and the code V8 compiled for it in a run over every syntax
// remodel parses (a fresh process, so that the cache fits a plain \`node\`). Without the cache Babel is only
// compiled as usual.
await build({
  input: { babel: path.join(root, 'scripts', 'bundle-babel-entry.cjs') },
  platform: 'node',
  logLevel: 'warn',
  output: { dir: tmp, format: 'cjs', entryFileNames: '[name].cjs', sourcemap: false },
});
const cached = spawnSync(process.execPath, [path.join(root, 'scripts', 'bundle-babel-cache.mjs'), path.join(tmp, 'babel.cjs')], { encoding: 'utf8' });
if (cached.status !== 0) console.warn(`bundle-cli: no code cache for Babel (Babel is compiled on each run): ${cached.stderr.trim().split('\n')[0]}`);
// ts-morph's and TypeScript's code, compiled in a run of the bundle (in a fresh process) over the bundled example:
// `layered --dry` on examples/legacy-api-ts, whose project steps use what project runs use. Without it, ts-morph is
// compiled as usual.
const tsCached = spawnSync(process.execPath, [path.join(root, 'scripts', 'bundle-ts-cache.mjs'), tmp, path.join(root, 'examples', 'legacy-api-ts')], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, NO_COLOR: '1', REMODEL_NO_BUNDLE: '' },
});
if (tsCached.status !== 0) console.warn(`bundle-cli: no code cache for ts-morph (it is compiled on each run): ${(tsCached.stderr.trim() || `exit ${tsCached.status}`).split('\n').slice(-1)[0]}`);
// Every module of dist/ that went in, with its size, and the built-ins' folder listing: bin/remodel.js uses the bundle
// only while each is the same size and none is newer (an installed package's files all carry npm's fixed date) and
// no built-in was added or removed.
const manifest = {
  builtAt: started,
  files: Object.fromEntries([...inputs].sort().map((f) => [path.relative(root, f).split(path.sep).join('/'), fs.statSync(f).size])),
  transforms: fs.readdirSync(transformsDir).sort(),
};
// The per-file built-ins, which a worker started with the command may load at once (pool.js, prestartWorker), each
// with whether its code calls @babel/traverse (withTraverse/loadTraverse of src/ast.js, in its own module or
// folder): then that worker readies traverse too. Only a head start: a wrong guess costs time, never a result.
const perFile = {};
for (const name of Object.keys(input).filter((k) => k.startsWith('transforms/')).sort()) {
  // One that fails to load here only loses the early load (and fails the same way when run).
  const mod = await import(pathToFileURL(input[name]).href).catch(() => ({}));
  if ((mod.meta ?? mod.default?.meta)?.engine !== 'file') continue;
  const folder = path.dirname(input[name]);
  const own = name.endsWith('/index') ? fs.readdirSync(folder, { recursive: true }).map((f) => path.join(folder, f)) : [input[name]];
  const traverse = own.some((f) => f.endsWith('.js') && /\b(withTraverse|loadTraverse)\(/.test(fs.readFileSync(f, 'utf8')));
  perFile[name.replace(/^transforms\//, '').replace(/\/index$/, '')] = { traverse };
}
fs.writeFileSync(path.join(tmp, 'per-file-builtins.json'), JSON.stringify(perFile, null, 1) + '\n');
// The built-ins and built-in recipes that run no per-file step (project transforms only): a worker started with the
// command would only cost CPU there (pool.js, prestartWorker). Only a head start either way: a user recipe of the
// same name that does need workers starts one when it gets there.
const projectOnly = [];
for (const name of Object.keys(input).filter((k) => k.startsWith('transforms/')).sort()) {
  const mod = await import(pathToFileURL(input[name]).href).catch(() => ({}));
  if ((mod.meta ?? mod.default?.meta)?.engine === 'project') projectOnly.push(name.replace(/^transforms\//, '').replace(/\/index$/, ''));
}
const { BUILTIN_RECIPES } = await import(pathToFileURL(path.join(dist, 'src', 'recipes.js')).href);
for (const recipe of BUILTIN_RECIPES) if (recipe.steps.every((s) => projectOnly.includes(s.transform))) projectOnly.push(recipe.name);
fs.writeFileSync(path.join(tmp, 'project-builtins.json'), JSON.stringify(projectOnly.sort()) + '\n');
if (!yargsShimSeen) throw new Error(`bundle-cli: yargs' ES module shim (${YARGS_SHIM[0]}) was not bundled; update scripts/bundle-cli.mjs`);
fs.cpSync(path.join(root, 'node_modules', 'yargs', 'locales'), path.join(tmp, 'locales'), { recursive: true });
fs.writeFileSync(path.join(tmp, 'inputs.json'), JSON.stringify(manifest, null, 1) + '\n');
// Swapped in whole, so a CLI starting meanwhile sees the old bundle or the new one, never half of one.
const old = `${out}.${process.pid}.old`;
if (fs.existsSync(out)) fs.renameSync(out, old);
fs.renameSync(tmp, out);
fs.rmSync(old, { recursive: true, force: true });
const files = fs.readdirSync(out, { recursive: true }).filter((f) => f.endsWith('.js'));
console.log(`bundled the CLI: ${Object.keys(input).length} entries, ${inputs.size} modules of dist/ → ${files.length} files in dist/cli/ (${Date.now() - started} ms)`);
