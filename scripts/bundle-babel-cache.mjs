// Run by scripts/bundle-cli.mjs in a fresh Node process, as `node scripts/bundle-babel-cache.mjs <dist/cli/babel.cjs>`:
// compiles babel.cjs as scripts/bundle-babel-loader.mjs does, runs the parser on every syntax remodel parses and a
// scoped traversal, so that the functions a run needs are compiled, and writes their code as babel.cjs.cache.
import crypto from 'node:crypto';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

const file = path.resolve(process.argv[2]);
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
const { parser, traverse } = module.exports;
const js =
  "'use strict';\nvar a = require('a');\nconst f = async function* (b, ...c) { for (const d of c) yield `${d}${b?.e ?? 1}`; };\n" +
  'class G extends H { #i = 1; static j() { return <K l={1} />; } }\nmodule.exports = { a, f, G };\n';
const ts = 'import type { A } from "a";\nenum B { C = 1 }\ninterface D<T> { e?: T }\nexport const f = <T,>(g: D<T>): T | undefined => g.e as T;\n';
const asts = [
  parser.parse(js, { sourceType: 'unambiguous', plugins: ['jsx'] }),
  parser.parse(ts, { sourceType: 'module', plugins: ['typescript'] }),
  parser.parse(ts, { sourceType: 'module', plugins: [['typescript', { isTSX: true }], 'jsx'] }),
  parser.parse('// @flow\ntype A = { b: number };\nconst c = (d: A): number => d.b;\n', { sourceType: 'module', plugins: ['flow', 'jsx'] }),
];
const run = traverse.default ?? traverse;
for (const ast of asts) {
  run(ast, {
    enter(p) {
      if (p.isIdentifier()) void p.scope.getBinding(p.node.name);
    },
  });
}
const data = script.createCachedData();
fs.writeFileSync(`${file}.cache`, data);
// V8 checks a cache's header and length but not its content, and crashes on a damaged one: the loader uses the
// cache only when its SHA-1 is this one.
fs.writeFileSync(`${file}.cache.sha1`, crypto.createHash('sha1').update(data).digest('hex') + '\n');
