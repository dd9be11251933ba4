// `(a?.b).c` ends the optional chain at the parenthesis; `a!?.b` keeps a stray assertion.
declare const a: { b: { c: number } } | undefined;
export function f() {
  if (a && (a.b).c) return 1; // expect-report: parenthesized
  if (a && (a.b)) return 2; // expect-report: parenthesized
  if (a && a!.b) return 3; // expect-report: non-null-assertion
  return 0;
}
