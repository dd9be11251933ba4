// Part of the bundled CLI (scripts/bundle-cli.mjs puts it into the chunks of src/parse.js and src/ast.js): loads
// Babel's parser and traverse from dist/cli/babel.cjs, one CommonJS file, compiled with the V8 code cache the build
// made for it (babel.cjs.cache) when V8 accepts it. Node 20 has no compile cache of its own; with it a worker
// readies Babel in about half the CPU. V8 checks the cache against its own version, flags and the source and
// ignores one that does not fit (another Node); the loader ignores one whose SHA-1 is not the one the build wrote
// (V8 does not check the content: a damaged cache would crash the process). Babel is then compiled as usual. Without
// babel.cjs at all, Babel comes from node_modules.
import crypto from 'node:crypto';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

let babel;

function load() {
  const file = fileURLToPath(new URL('./babel.cjs', import.meta.url));
  let source;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    const require = createRequire(import.meta.url);
    return { parser: require('@babel/parser'), traverse: require('@babel/traverse') };
  }
  let cachedData;
  try {
    const data = fs.readFileSync(`${file}.cache`);
    // V8 does not check a cache's content (a damaged one crashes the process): only the one the build wrote.
    if (crypto.createHash('sha1').update(data).digest('hex') === fs.readFileSync(`${file}.cache.sha1`, 'utf8').trim()) cachedData = data;
  } catch {
    // no cache: compiled as usual
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  return module.exports;
}

/** `require` for the two Babel packages remodel loads lazily (`@babel/parser`, `@babel/traverse`). */
export function babelRequire(id) {
  babel ??= load();
  if (id === '@babel/parser') return babel.parser;
  if (id === '@babel/traverse') return babel.traverse;
  return createRequire(import.meta.url)(id);
}
