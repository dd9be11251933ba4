// A computed key in parentheses keeps them inside the brackets; a parenthesized function and `[a]: a` stay.
var handlers = {
  [(foo)]() { return 1; },
  async [(((bar)))]() { return 2; },
  a: (function () { return foo; }),
  [a]: a,
};
