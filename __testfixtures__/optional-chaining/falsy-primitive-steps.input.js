// In a test position a falsy primitive still reaches the chain after the rewrite: `a?.b()` throws for a = 0
// where `a && a.b()` did not, `(0).toFixed` is a function (truthy), `(0).b.c` throws.
export function f(n, cb, a, s, k) {
  if (n && n.toFixed) one(); // expect-report: falsy-not-nullish
  if (cb && cb()) two(); // expect-report: falsy-not-nullish
  if (a && a.b.c) three(); // expect-report: falsy-not-nullish
  if (s && s[k]) four(); // expect-report: falsy-not-nullish
  if (a && a.b()) five(); // expect-report: falsy-not-nullish
  a && a.run(); // expect-report: falsy-not-nullish
}
