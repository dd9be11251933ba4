// The entry of dist/cli/babel.cjs (scripts/bundle-cli.mjs): Babel's parser and traverse (with types, generator and
// template), each evaluated on first use, for scripts/bundle-babel-loader.mjs.
let parser;
let traverse;
module.exports = {
  get parser() {
    return (parser ??= require('@babel/parser'));
  },
  get traverse() {
    return (traverse ??= require('@babel/traverse'));
  },
};
