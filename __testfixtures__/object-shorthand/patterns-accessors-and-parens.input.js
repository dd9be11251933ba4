// Destructuring patterns, accessors, existing shorthand and parenthesised values are not touched.
const { a: a, b: b = 2 } = options;
var obj = {
  get size() { return 1; },
  set size(v) {},
  a,
  run() {},
  c: (c),
  d: (function () { return 1; }),
};
