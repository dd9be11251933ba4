// Guards whose repeated part is not a plain chain of names: each is left alone with the reason that applies.
export function f(a, i, log) {
  if (a?.b && a?.b.c) log(1); // expect-report: optional-in-guard
  if (a[i + 1] && a[i + 1].c) log(2); // expect-report: computed-key-in-guard
  if (a.list[a.size - 1] && a.list[a.size - 1].done) log(3); // expect-report: computed-key-in-guard
  if (a.b() && a.b().c) log(4); // expect-report: call-in-chain
}
