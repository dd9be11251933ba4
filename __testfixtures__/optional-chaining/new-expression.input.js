// `new a?.B()` is a SyntaxError, and `new (a && a.B)()` uses the value (0 vs undefined).
export function f(a) {
  const x = new (a && a.B)(); // expect-report: falsy-not-nullish
  const y = a && new a.B();
  return [x, y];
}
