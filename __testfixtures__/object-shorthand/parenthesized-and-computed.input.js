// A computed key in parentheses keeps them inside the brackets; a parenthesized function and `[a]: a` stay.
var handlers = {
  [(foo)]: function () { return 1; },
  [(((bar)))]: async function () { return 2; },
  a: (function () { return foo; }),
  [a]: a,
};
